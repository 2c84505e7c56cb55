/// Timers that share one fixed delay (an edge's per-try timeouts), kept in
/// firing order beside the event queue, of which at most one is in the queue
/// at a time: the front one, under the key it was given when it was set.
///
/// Most such timers are stale before they fire (the attempt was answered
/// first). In the queue, each would cost a push, a pop and a dispatch; here
/// a stale one costs an append and a drop, and only timers still live when
/// the one before them fires reach the queue. Each fires under the key it
/// was given when set, so events come out in exactly the order they would
/// if every timer had been scheduled: only stale ones are never handled.
///
/// The owner decides what is stale (for the World: the attempt is no longer
/// awaited) and drives it: `set`, then on the timer's event `fire`, drop the
/// stale ones at the front, and `arm` the next.
struct PendingTimers<Payload> {
    struct Timer {
        let key: EventKey
        let payload: Payload
    }

    private(set) var timers = RingDeque<Timer>(initialCapacity: 64)
    /// Whether the front timer is in the event queue.
    private(set) var armed = false
    /// At this many timers, the owner drops the stale ones (`compact`)
    /// before adding another: the queue stays within twice the live timers
    /// (plus `minimumCompaction`) however long the delay.
    private(set) var compactAt = PendingTimers.minimumCompaction
    static var minimumCompaction: Int { 1024 }

    var count: Int { timers.count }
    var front: Timer? { timers.first }
    var needsCompaction: Bool { timers.count >= compactAt }

    /// Adds a timer; true when none is armed, so the owner must `arm` the front.
    @inline(__always) mutating func set(_ payload: Payload, key: EventKey) -> Bool {
        timers.pushBack(Timer(key: key, payload: payload))
        return !armed
    }

    /// The front timer's key, once it is scheduled in the event queue.
    @inline(__always) mutating func arm() -> EventKey? {
        guard !armed, let front = timers.first else { return nil }
        armed = true
        return front.key
    }

    /// The armed timer's event came: it leaves the queue.
    @inline(__always) mutating func fire() -> Payload {
        precondition(armed, "a timer fired that was not armed")
        armed = false
        return timers.popFront()!.payload
    }

    /// Drops the front timer (the owner found it stale; it must not be armed).
    @inline(__always) mutating func dropFront() {
        precondition(!armed, "dropped the armed timer")
        _ = timers.popFront()
    }

    /// Drops every stale timer but the front one (which may be armed), in
    /// order, and sets the next compaction at twice what is left.
    mutating func compact(isStale: (Payload) -> Bool) {
        guard let first = timers.popFront() else { return }
        timers.removeAll { isStale($0.payload) }
        timers.pushFront(first)
        compactAt = Swift.max(Self.minimumCompaction, 2 * timers.count)
    }
}
