/// The latency counts of one telemetry scrape, kept sparse: the non-empty
/// buckets of the recorder's `LogHistogram`s over the scrape interval.
///
/// Why sparse: a scrape holds tens to hundreds of distinct buckets, while a
/// dense histogram is 24 KB; a window of scrapes merges exactly (bucket
/// counts add), so the window's p99 is the p99 of every request in it, as a
/// Prometheus `histogram_quantile` over summed bucket rates would give, and
/// not an average of per-scrape percentiles.
struct LatencySketch: Equatable {
    /// `bucket << 32 | count`, sorted by bucket once `seal()`ed.
    private(set) var entries: [UInt64] = []
    private(set) var total: UInt64 = 0
    private(set) var minimum: Int64 = .max
    private(set) var maximum: Int64 = 0

    /// Adds a histogram's non-empty buckets (unsorted until `seal()`).
    mutating func add(_ histogram: LogHistogram) {
        histogram.counts.withUnsafeBufferPointer { buckets in
            add(buckets: buckets, total: histogram.total, minimum: histogram.minimum, maximum: histogram.maximum)
        }
    }

    /// Adds the non-empty buckets of a histogram given by its bucket counts
    /// (`LogHistogram.bucketCount` of them) and summary: a `LogHistogram`'s,
    /// or a recorder row read in place (`HistogramTable.add(row:to:)`).
    mutating func add(buckets: UnsafeBufferPointer<UInt64>, total: UInt64, minimum: Int64, maximum: Int64) {
        guard total > 0 else { return }
        for bucket in buckets.indices where buckets[bucket] != 0 {
            entries.append(UInt64(bucket) << 32 | min(buckets[bucket], UInt64(UInt32.max)))
        }
        self.total &+= total
        self.minimum = min(self.minimum, minimum)
        self.maximum = max(self.maximum, maximum)
    }

    /// Sorts by bucket and merges repeated buckets (one entry per bucket).
    mutating func seal() {
        entries = LatencySketch.coalesced(entries)
    }

    static func coalesced(_ raw: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(raw.count)
        for entry in raw.sorted() {
            if let last = result.last, last >> 32 == entry >> 32 {
                result[result.count - 1] = last &+ (entry & 0xFFFF_FFFF)
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// The `q` quantile (nearest rank, as `LogHistogram.quantile`) of all
    /// sketches together, in nanoseconds; nil when they hold no requests.
    static func quantile(_ q: Double, of sketches: [LatencySketch]) -> Double? {
        var total: UInt64 = 0, minimum = Int64.max, maximum = Int64(0)
        var merged: [UInt64] = []
        for sketch in sketches where sketch.total > 0 {
            total &+= sketch.total
            minimum = min(minimum, sketch.minimum)
            maximum = max(maximum, sketch.maximum)
            merged.append(contentsOf: sketch.entries)
        }
        guard total > 0 else { return nil }
        let rank = max(1, UInt64((min(max(q, 0), 1) * Double(total)).rounded(.up)))
        if rank == 1 { return Double(minimum) }
        if rank >= total { return Double(maximum) }
        var cumulative: UInt64 = 0
        for entry in coalesced(merged) {
            cumulative &+= entry & 0xFFFF_FFFF
            if cumulative >= rank {
                let value = LogHistogram.representative(of: Int(entry >> 32))
                return min(max(value, Double(minimum)), Double(maximum))
            }
        }
        return Double(maximum)
    }
}
