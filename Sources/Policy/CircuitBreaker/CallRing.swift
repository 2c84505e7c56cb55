/// The last `capacity` calls, with running totals: Resilience4j's count-based
/// window (`FixedSizeSlidingWindowMetrics`).
///
/// Each call is one byte (bit 0 failed, bit 1 slow) in a ring allocated once;
/// recording evicts the oldest call when full. O(1), never allocates.
struct CallRing: Sendable {
    private var slots: [UInt8]
    /// Index the next call is written to.
    private var next: Int
    /// Calls held (at most `capacity`).
    private(set) var filled: Int
    /// Sum over the calls held.
    private(set) var totals: CallCounts

    static let failedBit: UInt8 = 1
    static let slowBit: UInt8 = 2

    /// - Precondition: `capacity > 0`.
    init(capacity: Int) {
        precondition(capacity > 0, "CallRing needs a positive capacity")
        slots = Array(repeating: 0, count: capacity)
        next = 0
        filled = 0
        totals = .zero
    }

    var capacity: Int { slots.count }
    var isFull: Bool { filled == slots.count }

    /// Always inlined: it runs once per recorded call and is smaller than the
    /// call sequence around it.
    @inline(__always)
    mutating func record(failed: Bool, slow: Bool) {
        // Every count stays within 0...capacity, so wrapping arithmetic never
        // wraps; it spares the overflow checks of six additions per call.
        if isFull {
            // The evicted call's place is taken: `calls` is unchanged.
            let evicted = slots[next]
            if evicted & Self.failedBit != 0 { totals.failures &-= 1 }
            if evicted & Self.slowBit != 0 { totals.slow &-= 1 }
        } else {
            filled &+= 1
            totals.calls &+= 1
        }
        slots[next] = (failed ? Self.failedBit : 0) | (slow ? Self.slowBit : 0)
        if failed { totals.failures &+= 1 }
        if slow { totals.slow &+= 1 }
        next &+= 1
        if next == slots.count { next = 0 }
    }

    mutating func reset() {
        for index in slots.indices { slots[index] = 0 }
        next = 0
        filled = 0
        totals = .zero
    }
}

/// The closed state's sliding window: count-based (a `CallRing`) or time-based
/// (a `SlidingWindow` of one-second buckets), chosen by the configuration.
///
/// Both are stored (the unused one at its smallest size) rather than an enum
/// with payloads: mutating an array inside an enum payload copies it.
struct OutcomeWindow: Sendable {
    let timeBased: Bool
    private var ring: CallRing
    private var buckets: SlidingWindow<CallCounts>

    init(type: CircuitBreakerConfig.SlidingWindowType, size: Int) {
        timeBased = type == .timeBased
        ring = CallRing(capacity: timeBased ? 1 : size)
        buckets = SlidingWindow(bucketWidth: .seconds(1), bucketCount: timeBased ? size : 1)
    }

    @inline(__always)
    mutating func record(failed: Bool, slow: Bool, at now: Nanoseconds) {
        if timeBased {
            buckets.add(CallCounts(failed: failed, slow: slow), at: now)
        } else {
            ring.record(failed: failed, slow: slow)
        }
    }

    /// Totals over the window as of `now` (time-based buckets age out).
    mutating func totals(at now: Nanoseconds) -> CallCounts {
        timeBased ? buckets.total(at: now) : ring.totals
    }

    mutating func reset() {
        ring.reset()
        buckets.reset()
    }
}
