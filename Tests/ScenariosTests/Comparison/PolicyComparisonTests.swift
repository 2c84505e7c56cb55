import Testing
import Sim
@testable import Scenarios

@Suite struct PolicyComparisonTests {
    static func retryStorm(_ sets: [String] = []) throws -> Scenario {
        try #require(try Catalog.load(named: "retry-storm", overrides: sets.map { try Override(parsing: $0) }))
    }

    /// The end-to-end case: fixed retries are metastable on every seed,
    /// the retry budget on none, and the comparison says so.
    @Test func aRetryBudgetEndsTheMetastableStormOnEverySeed() throws {
        let baseline = try Self.retryStorm()
        let candidate = try Self.retryStorm(["services.api.policy.retryBudget.kind=ratio"])
        let c = try PolicyComparison.run(baseline: baseline, candidate: candidate, seeds: [1, 2, 3], version: "test")
        let metastable = try #require(c.figures.first { $0.name == .metastable })
        #expect(metastable.baseline == [.flag(true), .flag(true), .flag(true)])
        #expect(metastable.candidate == [.flag(false), .flag(false), .flag(false)])
        #expect(metastable.paired.difference.mean == -1)
        let goodput = try #require(c.figures.first { $0.name == .goodputRatio })
        #expect(goodput.paired.pairs == 3)
        #expect(goodput.paired.isSignificant && goodput.paired.difference.lower > 0.5)
        // MTTR: never recovered on the baseline, recovered on every candidate seed.
        let mttr = try #require(c.figures.first { $0.name == .mttr })
        #expect(mttr.baselineMean.samples == 0 && mttr.candidateMean.samples == 3 && mttr.paired.pairs == 0)
        #expect(FigureComparison.absences(mttr.baseline) == "not recovered x3")
        let flips = c.expectations.filter(\.flips).map(\.expectation.metric)
        #expect(flips.contains("metastable") && flips.contains("goodputRatio"))
        let held = try #require(c.expectations.first { $0.expectation.metric == "metastable" })
        #expect(held.baselineHeld == 3 && held.candidateHeld == 0 && held.flipText == "holds -> fails")
    }

    @Test func theSameSidesGiveZeroDeltasAndIdenticalReportBytes() throws {
        let scenario = try Self.retryStorm(["duration=90s"])
        let a = try PolicyComparison.run(baseline: scenario, candidate: scenario, seeds: [7, 8], version: "test")
        for figure in a.figures where figure.paired.pairs > 0 { #expect(figure.paired.difference.mean == 0, "\(figure.name)") }
        #expect(a.expectations.allSatisfy { !$0.flips })
        let b = try PolicyComparison.run(baseline: scenario, candidate: scenario, seeds: [7, 8], version: "test")
        let first = ComparisonReport.files(a, candidateLabel: "same", version: "test")
        let second = ComparisonReport.files(b, candidateLabel: "same", version: "test")
        #expect(first.map(\.name) == ["compare.md", "compare.csv", "compare-seeds.csv", "compare-success-ratio.svg",
                                      "compare-latency-p99.svg", "compare-amplification.svg"])
        #expect(first.map(\.bytes) == second.map(\.bytes))
    }

    @Test func valuesAreSpelledInTheFiguresOwnUnits() {
        #expect(ComparisonReport.delta(0.125, like: .number(0.5, .ratio)) == "+12.50 pts")
        #expect(ComparisonReport.delta(-40, like: .duration(.seconds(1))) == "-40s")
        #expect(ComparisonReport.delta(0.75, like: .number(1, .times)) == "+0.75x")
        #expect(ComparisonReport.delta(0, like: .number(1, .times)) == "0")
        #expect(ComparisonReport.delta(.nan, like: .number(1, .times)) == "–")
        #expect(ComparisonReport.mean(0.6, like: .flag(true), seeds: 5) == "yes in 3 of 5")
        #expect(ComparisonReport.mean(72, like: .duration(.seconds(1)), seeds: 5) == "1m 12s")
        #expect(ComparisonReport.mean(0.97314, like: .number(0.5, .ratio), seeds: 5) == "97.31%")
    }
}
