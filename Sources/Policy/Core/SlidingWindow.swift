/// One bucket's worth of counters in a `SlidingWindow`.
///
/// Counters must form a group under `+`/`-` so the window keeps a running
/// total instead of re-summing its buckets on every read.
public protocol WindowBucket: Sendable, Equatable {
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
}

/// Counters over the last `bucketCount * bucketWidth` of time, in fixed
/// buckets aligned to multiples of `bucketWidth` (Resilience4j's time-based
/// window uses one-second buckets; Hystrix ten buckets over ten seconds).
///
/// The window holds the current (partial) bucket and the `bucketCount - 1`
/// before it. Time must not go backwards; an earlier `now` is treated as the
/// newest bucket. Storage is allocated once; updates are O(1) amortised and
/// never allocate.
///
/// The newest bucket's counts live in `head`, a stored value, and not in
/// `buckets`: nearly every update lands there, and a write into the array
/// would check its uniqueness (copy-on-write) and its bounds each time. The
/// head goes into `buckets` when time moves past it (`rotate(to:)`, out of
/// line); until then its slot in `buckets` is stale.
public struct SlidingWindow<Bucket: WindowBucket>: Sendable {
    public let bucketWidth: Nanoseconds
    public let bucketCount: Int
    /// Every bucket but the newest (its slot `headSlot` is stale: see `head`).
    @usableFromInline var buckets: [Bucket]
    /// The newest bucket's counts.
    @usableFromInline var head: Bucket
    /// Absolute index (`now / bucketWidth`) of the newest bucket.
    @usableFromInline var headIndex: Int64
    /// Where the newest bucket ends (ns, saturating) and its slot in
    /// `buckets`: most updates land before `headEnd`, and then need no division.
    @usableFromInline var headEnd: Int64
    @usableFromInline var headSlot: Int
    /// Sum of all buckets in the window.
    @usableFromInline var runningTotal: Bucket

    /// - Precondition: `bucketWidth > 0`, `bucketCount > 0` (validate configs first).
    public init(bucketWidth: Nanoseconds, bucketCount: Int) {
        precondition(bucketWidth.ns > 0 && bucketCount > 0, "SlidingWindow needs a positive width and count")
        self.bucketWidth = bucketWidth
        self.bucketCount = bucketCount
        buckets = Array(repeating: .zero, count: bucketCount)
        head = .zero
        headIndex = 0
        headEnd = bucketWidth.ns
        headSlot = 0
        runningTotal = .zero
    }

    /// The span of time the window covers.
    public var span: Nanoseconds { bucketWidth * Int64(bucketCount) }

    /// Drops buckets that have fallen out of the window at `now`.
    ///
    /// Always inlined: nearly every update lands in the newest bucket, and
    /// then this is one comparison; crossing into a later bucket (a division
    /// and a loop) stays out of line in `rotate(to:)`.
    @inlinable @inline(__always) public mutating func advance(to now: Nanoseconds) {
        // Still in the newest bucket (or earlier: treated as the newest).
        if now.ns < headEnd { return }
        rotate(to: now)
    }

    /// `advance(to:)` once `now` has reached `headEnd`.
    @usableFromInline @inline(never) mutating func rotate(to now: Nanoseconds) {
        let index = now.ns / bucketWidth.ns  // now >= headEnd > 0 here
        guard index > headIndex else { return }
        buckets[headSlot] = head
        if index - headIndex >= Int64(bucketCount) {
            for slot in buckets.indices { buckets[slot] = .zero }
            runningTotal = .zero
        } else {
            var expired = headIndex + 1
            while expired <= index {
                let slot = Int(expired % Int64(bucketCount))
                runningTotal = runningTotal - buckets[slot]
                buckets[slot] = .zero
                expired += 1
            }
        }
        headIndex = index
        headSlot = Int(index % Int64(bucketCount))
        head = buckets[headSlot]  // expired above: zero
        let (end, overflow) = (index &+ 1).multipliedReportingOverflow(by: bucketWidth.ns)
        headEnd = overflow ? .max : end
    }

    /// Adds `delta` to the bucket for `now`, and returns the sum over the
    /// window as of `now` (what `total(at: now)` would, without a second advance).
    /// Always inlined (see `advance(to:)`): a budget adds on every request.
    @inlinable @inline(__always) @discardableResult public mutating func add(_ delta: Bucket, at now: Nanoseconds) -> Bucket {
        advance(to: now)
        head = head + delta
        runningTotal = runningTotal + delta
        return runningTotal
    }

    /// The sum over the window as of `now`.
    @inlinable public mutating func total(at now: Nanoseconds) -> Bucket {
        advance(to: now)
        return runningTotal
    }

    /// Empties the window.
    public mutating func reset() {
        for slot in buckets.indices { buckets[slot] = .zero }
        head = .zero
        runningTotal = .zero
    }

    /// Every bucket's counts, the newest at `headSlot` (for tests and inspection).
    var bucketValues: [Bucket] {
        var values = buckets
        values[headSlot] = head
        return values
    }
}
