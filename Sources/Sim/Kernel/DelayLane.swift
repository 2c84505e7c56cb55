/// A FIFO of events that were all scheduled with the same delay.
///
/// Time never goes back, so events pushed `delay` after the current time
/// arrive in (time, sequence) order: the lane stays sorted without a heap.
/// Timeouts are the case it is for: one per attempt, almost all of them
/// stale by the time they fire, and in a binary heap they would make it deep.
/// Storage is the model's `RingDeque`, which keeps its peak capacity, so steady
/// state allocates nothing.
public struct DelayLane<Event> {
    public let delay: SimTime
    @usableFromInline var events = RingDeque<ScheduledEvent<Event>>(initialCapacity: 1024)

    @inlinable init(delay: SimTime) {
        self.delay = delay
    }

    @inlinable var first: ScheduledEvent<Event>? { events.first }

    /// `true` when `entry` can go at the back without breaking the order.
    @inlinable func accepts(_ entry: ScheduledEvent<Event>) -> Bool {
        guard let last = events.last else { return true }
        return !entry.firesBefore(last)
    }
}
