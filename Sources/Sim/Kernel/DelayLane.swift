/// A FIFO of events that were all scheduled with the same delay.
///
/// Time never goes back, so events pushed `delay` after the current time
/// arrive in (time, sequence) order: the lane stays sorted without a heap.
/// Timeouts are the case it is for: one per attempt, almost all of them
/// stale by the time they fire, and in a binary heap they would make it deep.
/// Storage is the model's `RingDeque`, which keeps its peak capacity, so steady
/// state allocates nothing (and, like it, a lane is owned once, never copied).
public struct DelayLane<Event> {
    public let delay: SimTime
    var events = RingDeque<ScheduledEvent<Event>>(initialCapacity: 1024)
    /// The time of the last entry pushed (the back of the lane).
    var lastTime = Int64.min

    init(delay: SimTime) {
        self.delay = delay
    }

    var isEmpty: Bool { events.isEmpty }
    var count: Int { events.count }
    public var capacity: Int { events.capacity }

    /// The front entry's time and sequence (the lane must not be empty).
    @inline(__always) var frontKey: (time: Int64, sequence: UInt64) {
        guard let entry = events.first else { preconditionFailure("DelayLane is empty") }
        return (entry.time.ns, entry.sequence)
    }

    /// Adds `entry` at the back when that keeps the lane sorted; `false` (and
    /// nothing added) when it would not. Sequences only grow, so an entry
    /// that fires no earlier than the back one goes after it.
    @inline(__always) mutating func pushBack(_ entry: ScheduledEvent<Event>) -> Bool {
        guard entry.time.ns >= lastTime else { return false }
        events.pushBack(entry)
        lastTime = entry.time.ns
        return true
    }

    /// Removes and returns the front entry (the lane must not be empty).
    @inline(__always) mutating func popFront() -> ScheduledEvent<Event> {
        guard let entry = events.popFront() else { preconditionFailure("DelayLane is empty") }
        return entry
    }

    /// Drops every entry (capacity is kept).
    mutating func removeAll() {
        events.removeAll()
        lastTime = .min
    }
}
