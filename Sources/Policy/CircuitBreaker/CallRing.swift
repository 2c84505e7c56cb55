/// The last `capacity` calls, with running totals: Resilience4j's count-based
/// window (`FixedSizeSlidingWindowMetrics`).
///
/// Each call is two bits (failed, slow) in two bit planes, 64 calls to a
/// block; recording evicts the oldest call when full. O(1), never allocates.
///
/// The block being written (`headFailed`, `headSlow`) is held in stored
/// words, not in `blocks`: a record then only touches scalars, where a write
/// into the array would check its uniqueness (copy-on-write) and its bounds
/// on every call. The block goes to `blocks` when writing moves past it
/// (`moveHead`, once per 64 calls, out of line), and the next one comes out.
/// While the head holds a block, its copy in `blocks` is stale.
struct CallRing: Sendable {
    /// Per 64-call block: the failed bits at `2 * block`, the slow bits at `2 * block + 1`.
    private var blocks: [UInt64]
    /// The head block's failed and slow bits (bit `i` is slot `64 * headBlock + i`).
    private var headFailed: UInt64
    private var headSlow: UInt64
    /// Index the next call is written to (in the head block).
    private var next: Int
    /// Where the head block ends: `min(64 * (headBlock + 1), capacity)`.
    private var headEnd: Int
    /// Calls held (at most `capacity`).
    private(set) var filled: Int
    /// Sum over the calls held.
    private(set) var totals: CallCounts
    /// The number of calls held once full.
    let capacity: Int

    /// - Precondition: `capacity > 0`.
    init(capacity: Int) {
        precondition(capacity > 0, "CallRing needs a positive capacity")
        self.capacity = capacity
        blocks = Array(repeating: 0, count: 2 * ((capacity + 63) / 64))
        headFailed = 0
        headSlow = 0
        next = 0
        headEnd = Swift.min(64, capacity)
        filled = 0
        totals = .zero
    }

    var isFull: Bool { filled == capacity }

    /// Always inlined: it runs once per recorded call and is smaller than the
    /// call sequence around it.
    @inline(__always)
    mutating func record(failed: Bool, slow: Bool) {
        // Every count stays within 0...capacity, so wrapping arithmetic never
        // wraps; it spares the overflow checks of the additions per call.
        // The slot's bits are the evicted call's; both are zero while the
        // ring fills (it is written in order from an all-zero reset), so
        // subtracting them needs no test of `isFull`.
        let shift = UInt64(truncatingIfNeeded: next & 63)
        let bit: UInt64 = 1 &<< shift
        // The common call is a fast success replacing another (or an empty
        // slot): both bits stay zero and no total changes.
        if failed || slow || (headFailed | headSlow) & bit != 0 {
            let oldFailed = Int(truncatingIfNeeded: (headFailed &>> shift) & 1)
            let oldSlow = Int(truncatingIfNeeded: (headSlow &>> shift) & 1)
            let newFailed = failed ? 1 : 0
            let newSlow = slow ? 1 : 0
            headFailed = (headFailed & ~bit) | (UInt64(truncatingIfNeeded: newFailed) &<< shift)
            headSlow = (headSlow & ~bit) | (UInt64(truncatingIfNeeded: newSlow) &<< shift)
            totals.failures &+= newFailed &- oldFailed
            totals.slow &+= newSlow &- oldSlow
        }
        if filled != capacity {
            // The evicted call's place is taken once full: `calls` is then unchanged.
            filled &+= 1
            totals.calls &+= 1
        }
        next &+= 1
        if next == headEnd { moveHead() }
    }

    /// Writing has reached the end of the head block: store it, and load the
    /// next block (the first one after the last).
    @inline(never)
    private mutating func moveHead() {
        let block = (next &- 1) / 64
        if next == capacity { next = 0 }
        let nextBlock = next / 64
        // A ring of one block keeps it in the head: nothing to store or load.
        guard nextBlock != block else { return }
        blocks[2 * block] = headFailed
        blocks[2 * block + 1] = headSlow
        headFailed = blocks[2 * nextBlock]
        headSlow = blocks[2 * nextBlock + 1]
        headEnd = Swift.min(next + 64, capacity)
    }

    mutating func reset() {
        for index in blocks.indices { blocks[index] = 0 }
        headFailed = 0
        headSlow = 0
        next = 0
        headEnd = Swift.min(64, capacity)
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

    /// Records one call and returns the totals as of `now` (what
    /// `currentTotals` then reads).
    @inline(__always) @discardableResult
    mutating func record(failed: Bool, slow: Bool, at now: Nanoseconds) -> CallCounts {
        if timeBased {
            return buckets.add(CallCounts(failed: failed, slow: slow), at: now)
        }
        ring.record(failed: failed, slow: slow)
        return ring.totals
    }

    /// Ages a time-based window to `now` (a count window does not age).
    mutating func advance(to now: Nanoseconds) {
        if timeBased { buckets.advance(to: now) }
    }

    /// Totals as of the last record or `advance`.
    var currentTotals: CallCounts {
        timeBased ? buckets.runningTotal : ring.totals
    }

    mutating func reset() {
        ring.reset()
        buckets.reset()
    }
}
