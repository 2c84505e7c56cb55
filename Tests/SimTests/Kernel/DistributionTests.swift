import Testing
@testable import Sim

@Suite struct DistributionValidationTests {
    func error(_ build: () throws -> Distribution) -> DistributionError? {
        do { _ = try build(); return nil } catch { return error as? DistributionError }
    }

    @Test func negativeMeanIsRefusedNamingTheParameter() {
        #expect(error { try .exponential(mean: -1) } == DistributionError(parameter: "mean", reason: "must be > 0, got -1.0"))
    }

    @Test func p99BelowMedianIsRefused() {
        #expect(error { try .lognormal(median: 20, p99: 10) }?.parameter == "p99")
        #expect(error { try .lognormal(median: 20, p99: 10) }?.reason == "must be >= the median (20.0), got 10.0")
    }

    @Test func mixtureWeightsMustSumToOne() throws {
        let fast = try Distribution.constant(1)
        let slow = try Distribution.constant(100)
        #expect(error { try .mixture([(0.9, fast), (0.05, slow)]) } == DistributionError(parameter: "components", reason: "weights must sum to 1, got 0.9500000000000001"))
        #expect(error { try .mixture([(1.2, fast), (-0.2, slow)]) }?.parameter == "components[0].weight")
    }

    @Test func otherNonsenseParametersAreRefused() {
        #expect(error { try .uniform(low: 5, high: 1) }?.parameter == "high")
        #expect(error { try .pareto(scale: 0, shape: 2) }?.parameter == "scale")
        #expect(error { try .pareto(scale: 1, shape: -2) }?.parameter == "shape")
        #expect(error { try .normal(mean: 1, standardDeviation: -1, truncatedAtZero: true) }?.parameter == "standardDeviation")
        #expect(error { try .constant(.nan) }?.parameter == "value")
        #expect(error { try .empirical(samples: []) }?.parameter == "samples")
        #expect(error { try .empirical(percentiles: [(50, 10), (100, 20)]) }?.parameter == "percentiles[0].percentile")
        #expect(error { try .empirical(percentiles: [(0, 10), (99, 20)]) }?.parameter == "percentiles[1].percentile")
        #expect(error { try .empirical(percentiles: [(0, 10), (50, 5), (100, 20)]) }?.parameter == "percentiles[1].value")
    }
}

@Suite struct DistributionSamplingTests {
    /// Sample mean with a 99.9% normal interval from the sample variance.
    func sampleMean(_ distribution: Distribution, count: Int = 200_000, seed: UInt64 = 1) -> (mean: Double, halfWidth: Double) {
        var rng = Xoshiro256StarStar(seed: seed)
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<count {
            let x = distribution.sample(using: &rng)
            sum += x
            sumSquares += x * x
        }
        let mean = sum / Double(count)
        let variance = (sumSquares - Double(count) * mean * mean) / Double(count - 1)
        return (mean, 3.29 * (variance / Double(count)).squareRoot())
    }

    @Test(arguments: [
        ("uniform", try! Distribution.uniform(low: 2, high: 6), 4.0),
        ("exponential", try! Distribution.exponential(mean: 3), 3.0),
        ("normal", try! Distribution.normal(mean: 10, standardDeviation: 2, truncatedAtZero: false), 10.0),
        ("lognormal", try! Distribution.lognormal(mu: 0, sigma: 0.5), 1.1331484530668263),
        ("pareto", try! Distribution.pareto(scale: 1, shape: 3), 1.5),
    ])
    func sampleMeanMatchesClosedForm(name: String, distribution: Distribution, expected: Double) {
        let (mean, halfWidth) = sampleMean(distribution)
        #expect(abs(mean - expected) <= halfWidth, "\(name): \(mean) vs \(expected) ± \(halfWidth)")
        #expect(abs(distribution.mean! - expected) < 1e-12)
    }

    @Test func lognormalByMedianAndP99HitsBothPercentiles() throws {
        let distribution = try Distribution.lognormal(median: 20e6, p99: 200e6)
        var rng = Xoshiro256StarStar(seed: 8)
        let samples = (0..<200_000).map { _ in distribution.sample(using: &rng) }.sorted()
        // Order-statistic standard errors: p50 ~ 0.3%, p99 ~ 1.4% here; allow 3x.
        #expect(abs(samples[100_000] / 20e6 - 1) < 0.01)
        #expect(abs(samples[198_000] / 200e6 - 1) < 0.045)
    }

    @Test func truncatedNormalNeverGoesNegativeAndKeepsTheUpperShape() throws {
        let distribution = try Distribution.normal(mean: 1, standardDeviation: 1, truncatedAtZero: true)
        var rng = Xoshiro256StarStar(seed: 2)
        var sum = 0.0
        for _ in 0..<100_000 {
            let x = distribution.sample(using: &rng)
            #expect(x >= 0)
            sum += x
        }
        // Mean of N(1,1) truncated at 0: 1 + φ(1)/Φ(1) = 1 + 0.24197/0.84134 = 1.28760.
        #expect(abs(sum / 100_000 - 1.28760) < 0.01)
    }

    @Test func percentileTableReproducesItsPercentiles() throws {
        let table: [(percentile: Double, value: Double)] = [(0, 1), (50, 20), (90, 50), (99, 200), (100, 1_000)]
        let distribution = try Distribution.empirical(percentiles: table)
        var rng = Xoshiro256StarStar(seed: 4)
        let count = 100_000
        let samples = (0..<count).map { _ in distribution.sample(using: &rng) }
        // The CDF at each table value must equal its percentile: the share of
        // samples at or below it is Binomial(n, p) / n, so allow 4 standard errors.
        for (percentile, value) in table.dropFirst().dropLast() {
            let p = percentile / 100
            let share = Double(samples.filter { $0 <= value }.count) / Double(count)
            #expect(abs(share - p) <= 4 * (p * (1 - p) / Double(count)).squareRoot(), "p\(percentile)")
        }
        #expect(samples.min()! >= 1 && samples.max()! <= 1_000)
        // Mean of the piecewise-linear inverse CDF: sum of segment midpoints x widths.
        #expect(abs(distribution.mean! - (0.5 * 10.5 + 0.4 * 35 + 0.09 * 125 + 0.01 * 600)) < 1e-9)
    }

    @Test func empiricalSamplesStayWithinTheirRange() throws {
        let distribution = try Distribution.empirical(samples: [5, 1, 3])
        var rng = Xoshiro256StarStar(seed: 4)
        for _ in 0..<1_000 {
            let x = distribution.sample(using: &rng)
            #expect(x >= 1 && x <= 5)
        }
        #expect(distribution.mean == 3)
    }

    @Test func mixtureDrawsTheTailAtItsWeight() throws {
        let distribution = try Distribution.mixture([(0.99, .constant(1)), (0.01, .constant(100))])
        var rng = Xoshiro256StarStar(seed: 6)
        let slow = (0..<100_000).filter { _ in distribution.sample(using: &rng) == 100 }.count
        // Binomial(100000, 0.01): sd = 31.5; allow 4 sd.
        #expect(abs(slow - 1_000) < 126)
        #expect(abs(distribution.mean! - 1.99) < 1e-12)
    }

    @Test func everyInvertedSamplerUsesExactlyOneDraw() throws {
        // Swapping one of these distributions for another must not shift a
        // stream. (The exponential, drawn by the ziggurat, takes one draw
        // 97.8% of the time: `UnitExponentialTests`.)
        let distributions: [Distribution] = [
            try .uniform(low: 0, high: 1), try .normal(mean: 0, standardDeviation: 1, truncatedAtZero: false),
            try .normal(mean: 0.1, standardDeviation: 1, truncatedAtZero: true), try .lognormal(mu: 0, sigma: 1),
            try .pareto(scale: 1, shape: 2), try .empirical(samples: [1, 2, 3]),
        ]
        for distribution in distributions {
            var used = Xoshiro256StarStar(seed: 10)
            var reference = Xoshiro256StarStar(seed: 10)
            _ = distribution.sample(using: &used)
            _ = reference.next()
            #expect(used.next() == reference.next())
        }
    }

    @Test func durationsAreNanosecondsAndNeverNegative() throws {
        var rng = Xoshiro256StarStar(seed: 1)
        #expect(try Distribution.constant(250e6).sampleDuration(using: &rng) == .ms(250))
        #expect(try Distribution.constant(-5).sampleDuration(using: &rng) == .zero)
    }
}

@Suite struct DistributionDurationTests {
    /// `sampleDuration` draws an exponential without going through `sample`;
    /// both must give the same value from the same generator state (and use
    /// exactly one draw), or reports would change with the fast path.
    @Test func exponentialDurationEqualsTheRoundedSample() throws {
        for distribution in [try Distribution.exponential(mean: 4e6), try Distribution.lognormal(median: 2e6, p99: 9e6),
                             try Distribution.uniform(low: 10, high: 20)] {
            var viaSample = SplitMix64(seed: 42), viaDuration = SplitMix64(seed: 42)
            for _ in 0..<10_000 {
                let value = distribution.sample(using: &viaSample)
                let duration = distribution.sampleDuration(using: &viaDuration)
                #expect(duration == (value > 0 ? SimTime(roundingSaturated: value) : .zero))
            }
            #expect(viaSample.state == viaDuration.state)
        }
    }

    /// Known draws, pinned: mean times the ziggurat's unit draws from seed 7, rounded.
    @Test func exponentialDurationPinsItsDraws() throws {
        let distribution = try Distribution.exponential(mean: 1_000_000)
        var rng = SplitMix64(seed: 7), reference = SplitMix64(seed: 7)
        let durations = (0..<4).map { _ in distribution.sampleDuration(using: &rng).ns }
        let units = (0..<4).map { _ in SimTime(roundingSaturated: 1_000_000 * UnitExponential.sample(using: &reference)).ns }
        #expect(durations == units)
        #expect(durations == [272_632, 63_448, 6_252_210, 484_813])
    }
}
