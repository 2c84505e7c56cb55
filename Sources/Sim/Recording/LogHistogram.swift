/// A mergeable latency histogram with bounded relative error.
///
/// Values (nanoseconds, >= 0) fall into buckets that split every power of two
/// into 64 equal parts, so a bucket's width is at most 1/64 of its lower edge.
/// Reporting a bucket's midpoint is therefore within 1/128 (0.78%) of any value
/// in it: under the 1% the reports promise. Values below 64 ns are exact.
///
/// The bucket index comes from the integer's bit length and its next six
/// bits: no logarithm, no allocation per sample. Storage is fixed at
/// `bucketCount` counters (about 24 KB), allocated once and reused across windows.
public struct LogHistogram: Sendable, Equatable {
    /// Sub-buckets per power of two (2^6).
    static let subBucketBits = 6
    static let subBuckets = 1 << subBucketBits
    /// Covers every non-negative Int64: 64 exact values, then 57 octaves of 64 buckets.
    public static let bucketCount = subBuckets + (63 - subBucketBits) * subBuckets

    var counts: [UInt64]
    public private(set) var total: UInt64 = 0
    public private(set) var minimum: Int64 = .max
    public private(set) var maximum: Int64 = 0

    public init() {
        counts = Array(repeating: 0, count: LogHistogram.bucketCount)
    }

    /// A histogram with these bucket counts (`bucketCount` of them) and summary.
    init(counts: [UInt64], total: UInt64, minimum: Int64, maximum: Int64) {
        precondition(counts.count == LogHistogram.bucketCount, "a LogHistogram has \(LogHistogram.bucketCount) buckets")
        self.counts = counts
        self.total = total
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The bucket holding `value` (negative values count as 0).
    @inline(__always) static func bucket(of value: Int64) -> Int {
        let v = UInt64(max(0, value))
        if v < UInt64(subBuckets) { return Int(v) }
        // Octave k covers [2^(k+6), 2^(k+7)); the six bits after the leading one pick the sub-bucket.
        let bitLength = 64 - v.leadingZeroBitCount
        let octave = bitLength - subBucketBits - 1
        let sub = Int((v >> UInt64(octave)) & UInt64(subBuckets - 1))
        return subBuckets + octave * subBuckets + sub
    }

    /// The smallest value in `bucket`.
    static func lowerEdge(of bucket: Int) -> Int64 {
        if bucket < subBuckets { return Int64(bucket) }
        let octave = (bucket - subBuckets) / subBuckets
        let sub = (bucket - subBuckets) % subBuckets
        return Int64((UInt64(subBuckets) + UInt64(sub)) << UInt64(octave))
    }

    /// The value reported for `bucket`: its midpoint (exact below 64).
    static func representative(of bucket: Int) -> Double {
        if bucket < subBuckets { return Double(bucket) }
        let low = Double(lowerEdge(of: bucket))
        let width = Double(Int64(1) << Int64((bucket - subBuckets) / subBuckets))
        return low + (width - 1) / 2
    }

    /// Records one value.
    public mutating func record(_ value: Int64) {
        counts[LogHistogram.bucket(of: value)] &+= 1
        total &+= 1
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
    }

    /// Adds every count of `other` (histograms are mergeable across windows, seeds and shards).
    public mutating func merge(_ other: LogHistogram) {
        for index in counts.indices where other.counts[index] != 0 { counts[index] &+= other.counts[index] }
        total &+= other.total
        minimum = min(minimum, other.minimum)
        maximum = max(maximum, other.maximum)
    }

    /// Empties the histogram, keeping its storage.
    public mutating func reset() {
        guard total > 0 else { return }
        for index in counts.indices { counts[index] = 0 }
        total = 0
        minimum = .max
        maximum = 0
    }

    /// The value at quantile `q` in [0, 1] (nearest rank), `nil` when empty.
    /// The result is within 0.78% of the true sample quantile; the first and
    /// last ranks are the exact observed minimum and maximum.
    public func quantile(_ q: Double) -> Double? {
        let values = quantiles([q])
        return values[0]
    }

    /// Several quantiles in one pass over the buckets. `qs` must be ascending.
    public func quantiles(_ qs: [Double]) -> [Double?] {
        counts.withUnsafeBufferPointer { buckets in
            LogHistogram.quantiles(qs, buckets: buckets, total: total, minimum: minimum, maximum: maximum)
        }
    }

    /// Nearest-rank quantiles of a histogram given by its bucket counts and
    /// summary: the one implementation behind `quantiles(_:)` and the
    /// recorder's `HistogramTable`. `qs` must be ascending.
    static func quantiles(_ qs: [Double], buckets: UnsafeBufferPointer<UInt64>, total: UInt64, minimum: Int64,
                          maximum: Int64) -> [Double?] {
        guard total > 0 else { return qs.map { _ in nil } }
        var results: [Double?] = []
        results.reserveCapacity(qs.count)
        var cumulative: UInt64 = 0
        var bucket = 0
        for q in qs {
            // Nearest rank: the smallest value with at least ceil(q * n) values at or below it.
            let rank = max(1, UInt64((min(max(q, 0), 1) * Double(total)).rounded(.up)))
            // The extremes are known exactly; report them rather than a midpoint.
            if rank == 1 { results.append(Double(minimum)); continue }
            if rank >= total { results.append(Double(maximum)); continue }
            while cumulative + buckets[bucket] < rank {
                cumulative += buckets[bucket]
                bucket += 1
            }
            let value = LogHistogram.representative(of: bucket)
            results.append(min(max(value, Double(minimum)), Double(maximum)))
        }
        return results
    }
}
