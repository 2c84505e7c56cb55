/// A FIFO of events that come in time order: all scheduled with the same
/// delay, or all from one source that schedules its events in time order
/// (one client's arrivals).
///
/// Time never goes back, so events pushed `delay` after the current time
/// arrive in (time, sequence) order: the lane stays sorted without a heap.
/// Timeouts are the case it is for: one per attempt, almost all of them
/// stale by the time they fire, and in a binary heap they would make it deep.
/// A client's next arrival is the other: always the soonest event, it would
/// climb the whole heap on every push.
/// Storage is the model's `RingDeque`, which keeps its peak capacity, so steady
/// state allocates nothing (and, like it, a lane is owned once, never copied).
public struct DelayLane<Event> {
    /// What the lane is for: a fixed delay in nanoseconds (>= 0), or
    /// -1 - source for an ordered source.
    public let key: Int64
    var events = RingDeque<ScheduledEvent<Event>>(initialCapacity: 1024)
    /// The time of the last entry pushed (the back of the lane).
    var lastTime = Int64.min

    init(key: Int64) {
        self.key = key
    }

    /// The key of the lane for an ordered source (a fixed delay's is the delay in nanoseconds).
    static func key(source: Int) -> Int64 { -1 - Int64(source) }

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
