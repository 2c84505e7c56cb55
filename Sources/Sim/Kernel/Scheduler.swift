/// The clock and the pending events, as seen by an event handler.
///
/// A handler receives the scheduler `inout`, reads `now`, and schedules follow-up
/// events. Time never goes backwards: an event scheduled before `now` fires at
/// `now` (and asserts in debug builds, where it is a model bug).
public struct Scheduler<Event> {
    /// The current simulated time: the time of the event being handled.
    public internal(set) var now: SimTime = .zero
    @usableFromInline var queue: EventQueue<Event>
    @usableFromInline var stopRequest: RunLimit?

    public init(reservingCapacity capacity: Int = 1024) {
        queue = EventQueue(reservingCapacity: capacity)
    }

    /// Schedules `event` at absolute time `time` (clamped to `now`).
    @inlinable public mutating func schedule(_ event: Event, at time: SimTime) {
        assert(time >= now, "scheduled an event in the past: \(time) < \(now)")
        queue.push(event, at: time < now ? now : time)
    }

    /// Schedules `event` after `delay` (negative delays fire now).
    @inlinable @inline(__always) public mutating func schedule(_ event: Event, after delay: SimTime) {
        queue.push(event, at: time(after: delay))
    }

    /// `delay` from now; now for a delay that is not positive.
    @inlinable @inline(__always) func time(after delay: SimTime) -> SimTime {
        delay.ns > 0 ? now.saturatingAdd(delay) : now
    }

    /// Schedules `event` after a fixed `delay` that many events share, such as
    /// a timeout: these wait in a FIFO lane per delay instead of the heap.
    /// Fires at exactly the same point as `schedule(_:after:)` would.
    // Inlined with the lane push below: one call per timeout instead of three.
    @inlinable @inline(__always) public mutating func scheduleFixedDelay(_ event: Event, after delay: SimTime) {
        if delay.ns > 0 {
            queue.push(event, after: delay, now: now)
        } else {
            queue.push(event, at: now)
        }
    }

    /// Schedules `event` at `time` (clamped to `now`) for a source that
    /// schedules its own events in time order, such as one client's
    /// arrivals: they wait in a FIFO lane per source instead of the heap.
    /// Fires at exactly the same point as `schedule(_:at:)` would.
    @inlinable public mutating func scheduleInOrder(_ event: Event, at time: SimTime, source: Int) {
        assert(time >= now, "scheduled an event in the past: \(time) < \(now)")
        queue.push(event, at: time < now ? now : time, source: source)
    }

    /// Reserves the place in the firing order of an event `delay` from now
    /// (negative delays: now), as if it were scheduled at this moment, for a
    /// timer its owner keeps aside and may schedule later with `schedule(_:key:)`
    /// (an edge's per-try timeouts: one of them is pending at a time).
    @inlinable @inline(__always) public mutating func reserveKey(after delay: SimTime) -> EventKey {
        queue.reserveKey(at: time(after: delay))
    }

    /// Schedules `event` under a key from `reserveKey(after:)` (at most once
    /// per key), which must not be earlier than the event being handled.
    @inlinable public mutating func schedule(_ event: Event, key: EventKey) {
        assert(key.time >= now, "scheduled an event in the past: \(key.time) < \(now)")
        queue.push(event, key: key)
    }

    /// Asks the engine to stop after this event because a model-side limit was hit.
    public mutating func stop(because limit: RunLimit) {
        if stopRequest == nil { stopRequest = limit }
    }

    /// Number of pending events.
    @inlinable public var pendingCount: Int { queue.count }
    /// The time of the next pending event.
    @inlinable public var nextEventTime: SimTime? { queue.nextTime }
}
