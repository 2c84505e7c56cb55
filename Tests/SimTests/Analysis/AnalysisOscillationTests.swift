import Testing
@testable import Sim

@Suite struct AnalysisOscillationTests {
    /// Level 10, +-3, period 8 windows (low, low, high x 4, low, low): symmetric
    /// within a cycle, so the least-squares trend of whole cycles is exactly flat.
    func squareWave(cycles: Int, level: Double = 10, amplitude: Double = 3) -> [Double] {
        (0..<(8 * cycles)).map { (2...5).contains($0 % 8) ? level + amplitude : level - amplitude }
    }

    @Test func squareWaveHasItsPeriodAndAmplitude() {
        let result = Oscillation(squareWave(cycles: 8), windowWidth: .seconds(5))
        #expect(result.periodWindows == 8)
        #expect(result.period == .seconds(40))
        #expect(result.autocorrelationAtPeriod == 0.875)   // (64 - 8) / 64: the biased estimator
        #expect(result.amplitude == 3)
        #expect(result.meanLevel == 10)
        #expect(result.cycles == 8)
        #expect(result.isOscillating)
    }

    @Test func aLinearTrendDoesNotHideTheRhythm() {
        let values = squareWave(cycles: 8).enumerated().map { $1 + 0.25 * Double($0) }
        let result = Oscillation(values, windowWidth: .seconds(1))
        #expect(result.periodWindows == 8)
        #expect((result.amplitude - 3).magnitude < 1e-9)
        #expect(result.isOscillating)
    }

    @Test func sineWaveHasItsPeriod() {
        // sin at 12 points per cycle from a table, so the test needs no libm.
        let table = [0, 0.5, 0.8660254037844386, 1, 0.8660254037844386, 0.5, 0, -0.5, -0.8660254037844386, -1, -0.8660254037844386, -0.5]
        let values = (0..<120).map { 50 + 20 * table[$0 % 12] }
        let result = Oscillation(values, windowWidth: .seconds(1))
        #expect(result.periodWindows == 12)
        #expect(result.cycles == 10)
        #expect(result.amplitude > 19 && result.amplitude <= 20)
        #expect(result.isOscillating)
    }

    @Test func whiteNoiseIsNotOscillating() {
        var rng = SplitMix64(seed: 2024)
        let values = (0..<240).map { _ in 100 + 20 * rng.nextUnit() }
        let result = Oscillation(values, windowWidth: .seconds(1))
        #expect(!result.isOscillating)
        #expect(result.periodWindows == nil || result.autocorrelationAtPeriod < 0.3)
        #expect(result.amplitude > 5)   // it is loud, just not rhythmic
    }

    @Test func noSeedOfWhiteNoiseIsCalledOscillating() {
        // 500 seeded series of 60 uniform values: |r| stays near 1/sqrt(60) = 0.13.
        var highest = 0.0
        for seed in 0..<500 as Range<UInt64> {
            var rng = SplitMix64(seed: seed)
            let result = Oscillation((0..<60).map { _ in rng.nextUnit() }, windowWidth: .seconds(1))
            #expect(!result.isOscillating)
            if !result.autocorrelationAtPeriod.isNaN { highest = max(highest, result.autocorrelationAtPeriod) }
        }
        #expect(highest < 0.5)
    }

    @Test func squareWavesOfAnyPeriodAndPhaseAreFoundDespiteNoise() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let period = 4 + Int(rng.nextBelow(17))            // 4...20 windows
            let phase = Int(rng.nextBelow(UInt64(period)))
            let values = (0..<(period * 6)).map { t in
                ((t + phase) % period < period / 2 ? 80.0 : 120.0) + 4 * (rng.nextUnit() - 0.5)
            }
            let result = Oscillation(values, windowWidth: .seconds(1))
            #expect(result.periodWindows == period)
            #expect(result.isOscillating)
        }
    }

    @Test func fewerThanThreeCyclesIsNotARhythm() {
        let values = Array(squareWave(cycles: 3).prefix(20))
        let result = Oscillation(values, windowWidth: .seconds(1))
        #expect(result.periodWindows == 8)
        #expect(result.cycles == 2.5)
        #expect(!result.isOscillating)
    }

    @Test func tinyWiggleAroundALargeLevelIsNotOscillating() {
        let result = Oscillation(squareWave(cycles: 8, level: 1000, amplitude: 1), windowWidth: .seconds(1))
        #expect(result.periodWindows == 8 && result.autocorrelationAtPeriod == 0.875)
        #expect(result.amplitude == 1)
        #expect(!result.isOscillating)   // 1 < 5 % of 1000
        let loose = OscillationCriteria(minimumRelativeAmplitude: 0.0005)
        #expect(Oscillation(squareWave(cycles: 8, level: 1000, amplitude: 1), windowWidth: .seconds(1), criteria: loose).isOscillating)
    }

    @Test func constantAndEmptySeriesHaveNoPeriod() {
        let flat = Oscillation(Array(repeating: 4, count: 50), windowWidth: .seconds(1))
        #expect(flat.periodWindows == nil && flat.amplitude == 0 && !flat.isOscillating)
        let empty = Oscillation([], windowWidth: .seconds(1))
        #expect(empty.periodWindows == nil && empty.amplitude.isNaN && !empty.isOscillating)
    }

    @Test func nanGapsSitOnTheTrendAndKeepThePeriod() {
        var values = squareWave(cycles: 8)
        values[10] = .nan
        values[43] = .nan
        let result = Oscillation(values, windowWidth: .seconds(1))
        #expect(result.periodWindows == 8)
        #expect(result.isOscillating)
    }

    @Test func percentileInterpolatesBetweenClosestRanks() {
        #expect(SeriesMath.percentile(sorted: [1, 2, 3, 4, 5], 0.5) == 3)
        #expect(SeriesMath.percentile(sorted: [0, 10], 0.95) == 9.5)
        #expect(SeriesMath.percentile(sorted: [], 0.5).isNaN)
    }

    @Test func flipsPerMinuteCountRealChangesOfOneCategory() {
        let events = [
            StateChangeEvent(time: .seconds(10), entity: "edge:web->api", category: .breaker, from: "closed", to: "open", cause: "failure rate 60% >= 50%"),
            StateChangeEvent(time: .seconds(20), entity: "edge:web->api", category: .breaker, from: "open", to: "half-open", cause: "wait 10s elapsed"),
            StateChangeEvent(time: .seconds(25), entity: "edge:web->api", category: .breaker, from: "half-open", to: "closed", cause: "trial calls ok"),
            StateChangeEvent(time: .seconds(30), entity: "edge:api->db", category: .breaker, from: "closed", to: "open", cause: "slow calls"),
            StateChangeEvent(time: .seconds(40), entity: "edge:api->db", category: .breaker, from: "open", to: "open", cause: "forced: not a flip"),
            StateChangeEvent(time: .seconds(50), entity: "version:api@v2", category: .weight, from: "10", to: "20", cause: "canary step"),
        ]
        let rates = StateFlipRate.rates(events, category: .breaker, duration: .minutes(2))
        #expect(rates == [StateFlipRate(entity: "edge:api->db", category: .breaker, flips: 1, perMinute: 0.5),
                          StateFlipRate(entity: "edge:web->api", category: .breaker, flips: 3, perMinute: 1.5)])
    }
}
