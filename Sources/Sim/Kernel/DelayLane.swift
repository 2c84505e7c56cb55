/// A FIFO of events that were all scheduled with the same delay.
///
/// Time never goes back, so events pushed `delay` after the current time
/// arrive in (time, sequence) order: the lane stays sorted without a heap.
/// Timeouts are the case it is for: one per attempt, almost all of them
/// stale by the time they fire, and in a binary heap they would make it deep.
/// Storage is an array read from `head`; the consumed prefix is dropped when
/// it is at least half the array, so steady state allocates nothing.
@frozen
public struct DelayLane<Event> {
    public let delay: SimTime
    @usableFromInline var items: [ScheduledEvent<Event>] = []
    @usableFromInline var head = 0

    @inlinable init(delay: SimTime) {
        self.delay = delay
    }

    @inlinable var count: Int { items.count - head }
    @inlinable var first: ScheduledEvent<Event>? { head < items.count ? items[head] : nil }

    /// `true` when `entry` can go at the back without breaking the order.
    @inlinable func accepts(_ entry: ScheduledEvent<Event>) -> Bool {
        head == items.count || !entry.firesBefore(items[items.count - 1])
    }

    @inlinable mutating func append(_ entry: ScheduledEvent<Event>) {
        items.append(entry)
    }

    @inlinable mutating func popFirst() -> ScheduledEvent<Event> {
        let entry = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= items.count {
            items.removeSubrange(0..<head)
            head = 0
        }
        return entry
    }

    @inlinable mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        head = 0
    }
}
