import Testing
@testable import Sim

@Suite struct LogHistogramTests {
    @Test func bucketEdgesAreContiguousAndIncreasing() {
        for bucket in 1..<LogHistogram.bucketCount {
            #expect(LogHistogram.lowerEdge(of: bucket) > LogHistogram.lowerEdge(of: bucket - 1))
            #expect(LogHistogram.bucket(of: LogHistogram.lowerEdge(of: bucket)) == bucket)
            #expect(LogHistogram.bucket(of: LogHistogram.lowerEdge(of: bucket) - 1) == bucket - 1)
        }
        #expect(LogHistogram.bucket(of: .max) == LogHistogram.bucketCount - 1)
        #expect(LogHistogram.bucket(of: -5) == 0)
    }

    @Test func smallValuesAreExact() {
        var histogram = LogHistogram()
        for value in [3, 3, 7, 63] { histogram.record(Int64(value)) }
        #expect(histogram.quantiles([0.5, 0.75, 1.0]) == [3, 7, 63])
    }

    @Test func quantilesAreWithinOnePercentOfExactSampleQuantiles() throws {
        let latency = try Distribution.lognormal(median: 20e6, p99: 400e6)
        var rng = Xoshiro256StarStar(seed: 12)
        var histogram = LogHistogram()
        var values: [Int64] = []
        for _ in 0..<50_000 {
            let value = latency.sampleDuration(using: &rng).ns
            values.append(value)
            histogram.record(value)
        }
        values.sort()
        for q in [0.5, 0.9, 0.99, 0.999] {
            let exact = Double(values[Int((q * Double(values.count)).rounded(.up)) - 1])
            let estimate = histogram.quantile(q)!
            #expect(abs(estimate - exact) / exact <= 1.0 / 128, "q=\(q): \(estimate) vs \(exact)")
        }
        #expect(histogram.quantile(1) == Double(values.last!))
        #expect(histogram.quantile(0) == Double(values.first!))
    }

    @Test func mergingEqualsRecordingEverythingInOne() {
        var rng = SplitMix64(seed: 2)
        var a = LogHistogram(), b = LogHistogram(), all = LogHistogram()
        for index in 0..<10_000 {
            let value = Int64(rng.nextBelow(5_000_000_000))
            if index % 3 == 0 { a.record(value) } else { b.record(value) }
            all.record(value)
        }
        a.merge(b)
        #expect(a == all)
        a.reset()
        #expect(a.total == 0 && a.quantile(0.5) == nil)
    }
}
