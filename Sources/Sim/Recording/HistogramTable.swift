/// The recorder's latency storage: one `LogHistogram` per recorded entity,
/// each a row of one flat table of bucket counts.
///
/// Why not a table of `LogHistogram` values: recording into one writes its
/// `counts` array, and an `Array` asks the runtime whether its buffer is
/// uniquely referenced before every write. The benchmark records about twelve
/// latencies per request. Here every row lives in one `GrowableTable` (its
/// address and count stay in registers), which the recorder
/// owns once and never copies: a record is the bucket computation, one
/// bounds check and four stores. Buckets, their precision and the quantile
/// rule are `LogHistogram`'s own. Readers take a row's quantiles or add it
/// to a telemetry sketch in place; `histogram(_:)` copies it out as a
/// `LogHistogram`.
///
/// A copy shares the storage: the recorder keeps the only one.
struct HistogramTable {
    struct Summary {
        var total: UInt64 = 0
        var minimum: Int64 = .max
        var maximum: Int64 = 0
    }

    /// Row r's buckets are `counts[r * LogHistogram.bucketCount ..< (r + 1) * LogHistogram.bucketCount]`.
    private let counts: GrowableTable<UInt64>
    private let summaries: GrowableTable<Summary>

    init(rows: Int) {
        counts = GrowableTable(repeating: 0, count: rows * LogHistogram.bucketCount)
        summaries = GrowableTable(repeating: Summary(), count: rows)
    }

    /// Records `value` (nanoseconds; negative counts as 0) in row `row`.
    @inline(__always) func record(_ row: Int, _ value: Int64) {
        // The row is bounds-checked here (in a checked build; the recorder's
        // rows are its entities), so the bucket (always below bucketCount)
        // stays inside the row's slice of `counts`.
        let summary = summaries.address(row)
        counts[row &* LogHistogram.bucketCount &+ LogHistogram.bucket(of: value)] &+= 1
        summary.pointee.total &+= 1
        if value < summary.pointee.minimum { summary.pointee.minimum = value }
        if value > summary.pointee.maximum { summary.pointee.maximum = value }
    }

    /// How many values row `row` holds.
    func total(_ row: Int) -> UInt64 { summaries[row].total }

    /// Row `row` as a `LogHistogram` value (a copy of its buckets).
    func histogram(_ row: Int) -> LogHistogram {
        let summary = summaries[row]
        return LogHistogram(counts: Array(buckets(row)), total: summary.total, minimum: summary.minimum, maximum: summary.maximum)
    }

    /// Adds row `row`'s non-empty buckets to `sketch`, read in place (a
    /// telemetry tap takes its latency this way at every window close).
    func add(row: Int, to sketch: inout LatencySketch) {
        let summary = summaries[row]
        sketch.add(buckets: buckets(row), total: summary.total, minimum: summary.minimum, maximum: summary.maximum)
    }

    /// Nearest-rank quantiles of row `row`, as `LogHistogram.quantiles` gives
    /// them, without copying the buckets. `qs` must be ascending.
    func quantiles(_ row: Int, _ qs: [Double]) -> [Double?] {
        let summary = summaries[row]
        return LogHistogram.quantiles(qs, buckets: buckets(row), total: summary.total, minimum: summary.minimum,
                                      maximum: summary.maximum)
    }

    /// Empties every row that holds values.
    func reset() {
        for row in summaries.indices where summaries[row].total > 0 {
            // The first bucket is bounds-checked and the row lies inside the table.
            counts.address(row * LogHistogram.bucketCount).update(repeating: 0, count: LogHistogram.bucketCount)
            summaries[row] = Summary()
        }
    }

    /// Row `row`'s bucket counts, valid while nothing appends to the table (nothing does).
    private func buckets(_ row: Int) -> UnsafeBufferPointer<UInt64> {
        precondition(row >= 0 && row < summaries.count, "HistogramTable row out of range")
        return UnsafeBufferPointer(start: counts.unsafeBase + row * LogHistogram.bucketCount, count: LogHistogram.bucketCount)
    }
}
