import Testing
@testable import Sim

@Suite struct HistogramTableTests {
    /// Each row is exactly the `LogHistogram` the same values would make:
    /// same buckets, summary and quantiles, and rows do not leak into each other.
    @Test func rowsMatchLogHistogramsFedTheSameValues() throws {
        let latency = try Distribution.lognormal(median: 20e6, p99: 400e6)
        var rng = Xoshiro256StarStar(seed: 7)
        let table = HistogramTable(rows: 3)
        var expected = [LogHistogram(), LogHistogram(), LogHistogram()]
        for index in 0..<9_000 {
            // Row 1 gets every third value; row 2 stays empty; a few values are negative.
            let row = index % 3 == 0 ? 1 : 0
            let value = index % 1_000 == 0 ? -5 : latency.sampleDuration(using: &rng).ns
            table.record(row, value)
            expected[row].record(value)
        }
        let qs = [0.0, 0.5, 0.9, 0.99, 0.999, 1.0]
        for row in 0..<3 {
            #expect(table.histogram(row) == expected[row])
            #expect(table.quantiles(row, qs) == expected[row].quantiles(qs))
        }
        #expect(table.total(0) == 6_000)
        #expect(table.total(1) == 3_000)
        #expect(table.quantiles(2, [0.5]) == [nil])
        // The negative values landed in bucket 0 and set the minimum.
        #expect(table.histogram(0).counts[0] == 6)
        #expect(table.histogram(0).minimum == -5)
    }

    /// A telemetry sketch filled from a row in place equals one filled from
    /// the same values' `LogHistogram`: same entries, total and extremes.
    @Test func aRowAddsToALatencySketchAsItsHistogramWould() {
        let table = HistogramTable(rows: 2)
        var histogram = LogHistogram()
        for value: Int64 in [1_000_000, 1_000_000, 2_500_000, 40, 9_000_000_000] {
            table.record(1, value)
            histogram.record(value)
        }
        var fromRow = LatencySketch(), fromHistogram = LatencySketch()
        table.add(row: 1, to: &fromRow)
        table.add(row: 0, to: &fromRow)  // an empty row adds nothing
        fromHistogram.add(histogram)
        fromRow.seal()
        fromHistogram.seal()
        #expect(fromRow == fromHistogram)
        #expect(fromRow.total == 5)
        #expect(fromRow.entries.count == 4)
        #expect(LatencySketch.quantile(1, of: [fromRow]) == 9_000_000_000)
    }

    /// `reset` empties every row and the table records afresh.
    @Test func resetEmptiesEveryRow() {
        let table = HistogramTable(rows: 2)
        for value: Int64 in [100, 2_000, 30_000] { table.record(0, value) }
        table.record(1, 64)
        table.reset()
        #expect(table.histogram(0) == LogHistogram())
        #expect(table.histogram(1) == LogHistogram())
        table.record(1, 5)
        #expect(table.quantiles(1, [0.5, 1.0]) == [5, 5])
        #expect(table.total(0) == 0)
    }
}
