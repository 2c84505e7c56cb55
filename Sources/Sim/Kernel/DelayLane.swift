/// A FIFO of events that were all scheduled with the same delay.
///
/// Time never goes back, so events pushed `delay` after the current time
/// arrive in (time, sequence) order: the lane stays sorted without a heap.
/// Timeouts are the case it is for: one per attempt, almost all of them
/// stale by the time they fire, and in a binary heap they would make it deep.
///
/// The lane is its own power-of-two ring of plain entries (no `Optional`
/// wrapper, so a push is one store): slots outside the live range hold stale
/// copies of earlier entries, which is harmless for the models' plain event
/// enums. It keeps its peak capacity, so steady state allocates nothing.
public struct DelayLane<Event> {
    public let delay: SimTime
    @usableFromInline var ring: [ScheduledEvent<Event>] = []
    @usableFromInline var head = 0
    @usableFromInline private(set) var count = 0
    /// The time of the last entry pushed (the back of the lane).
    @usableFromInline var lastTime = Int64.min

    @inlinable init(delay: SimTime) {
        self.delay = delay
    }

    @inlinable var isEmpty: Bool { count == 0 }
    public var capacity: Int { ring.count }

    /// The front entry's time and sequence (the lane must not be empty).
    @inlinable var frontKey: (time: Int64, sequence: UInt64) {
        let entry = ring[head]
        return (entry.time.ns, entry.sequence)
    }

    /// Adds `entry` at the back when that keeps the lane sorted; `false` (and
    /// nothing added) when it would not. Sequences only grow, so an entry
    /// that fires no earlier than the back one goes after it.
    @inlinable mutating func pushBack(_ entry: ScheduledEvent<Event>) -> Bool {
        guard entry.time.ns >= lastTime else { return false }
        if count == ring.count { grow(filler: entry) }
        ring[(head &+ count) & (ring.count &- 1)] = entry
        count &+= 1
        lastTime = entry.time.ns
        return true
    }

    /// Removes and returns the front entry (the lane must not be empty).
    @inlinable mutating func popFront() -> ScheduledEvent<Event> {
        let entry = ring[head]
        head = (head &+ 1) & (ring.count &- 1)
        count &-= 1
        return entry
    }

    /// Drops every entry (capacity is kept).
    mutating func removeAll() {
        head = 0
        count = 0
        lastTime = .min
    }

    @usableFromInline mutating func grow(filler: ScheduledEvent<Event>) {
        var bigger = [ScheduledEvent<Event>](repeating: filler, count: Swift.max(1024, ring.count * 2))
        for offset in 0..<count { bigger[offset] = ring[(head + offset) & (ring.count - 1)] }
        ring = bigger
        head = 0
    }
}
