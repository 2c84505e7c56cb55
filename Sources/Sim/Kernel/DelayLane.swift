/// A FIFO of events that were all scheduled with the same delay.
///
/// Time never goes back, so events pushed `delay` after the current time
/// arrive in (time, sequence) order: the lane stays sorted without a heap.
/// Timeouts are the case it is for: one per attempt, almost all of them
/// stale by the time they fire, and in a binary heap they would make it deep.
///
/// The ring lives in a `FlatTable` whose every slot is initialised (a power
/// of two of them, filled with copies of the first entry when it grows), so a
/// push is one masked store: no copy-on-write check, no bounds check (the
/// mask keeps the index inside the table). It keeps its peak capacity, so
/// steady state allocates nothing. Like the table, copies of a lane share it.
public struct DelayLane<Event> {
    public let delay: SimTime
    /// The ring's slots; `slots.count` is the capacity, 0 before the first push.
    var slots = FlatTable<ScheduledEvent<Event>>(reservingCapacity: 1)
    var head = 0
    private(set) var count = 0
    /// The time of the last entry pushed (the back of the lane).
    var lastTime = Int64.min
    /// Capacity of the first allocation (a power of two).
    static var initialCapacity: Int { 1024 }

    init(delay: SimTime) {
        self.delay = delay
    }

    var isEmpty: Bool { count == 0 }
    public var capacity: Int { slots.count }

    /// The front entry's time and sequence (the lane must not be empty).
    @inline(__always) var frontKey: (time: Int64, sequence: UInt64) {
        precondition(count > 0, "DelayLane is empty")
        let entry = slots.unsafeBase + head
        return (entry.pointee.time.ns, entry.pointee.sequence)
    }

    /// Adds `entry` at the back when that keeps the lane sorted; `false` (and
    /// nothing added) when it would not. Sequences only grow, so an entry
    /// that fires no earlier than the back one goes after it.
    @inline(__always) mutating func pushBack(_ entry: ScheduledEvent<Event>) -> Bool {
        guard entry.time.ns >= lastTime else { return false }
        if count == slots.count { grow(filler: entry) }
        // slots.count is a power of two: the masked index is inside the table.
        slots.unsafeBase[(head &+ count) & (slots.count &- 1)] = entry
        count &+= 1
        lastTime = entry.time.ns
        return true
    }

    /// Removes and returns the front entry (the lane must not be empty).
    @inline(__always) mutating func popFront() -> ScheduledEvent<Event> {
        precondition(count > 0, "DelayLane is empty")
        let entry = slots.unsafeBase[head]
        head = (head &+ 1) & (slots.count &- 1)
        count &-= 1
        return entry
    }

    /// Doubles the ring (or allocates the first one), front entry first.
    private mutating func grow(filler: ScheduledEvent<Event>) {
        let capacity = Swift.max(Self.initialCapacity, slots.count * 2)
        let bigger = FlatTable<ScheduledEvent<Event>>(reservingCapacity: capacity)
        for offset in 0..<count { bigger.append(slots[(head + offset) & (slots.count - 1)]) }
        while bigger.count < capacity { bigger.append(filler) }
        slots = bigger
        head = 0
    }

    /// Drops every entry (capacity is kept).
    mutating func removeAll() {
        head = 0
        count = 0
        lastTime = .min
    }
}
