import Testing
@testable import Sim

@Suite struct AnalysisSLOTests {
    @Test func attainmentCountsWindowsAndRequestsAndBudget() {
        let health = healthScript("HHUNH")
        let target = SLOTarget(successRatio: 0.75)   // budget 0.25: exact in binary
        let result = SLOAttainment(health: health, good: [100, 100, 50, 0, 100], total: [100, 100, 100, 0, 100], target: target)
        #expect(result.windowAttainment == 0.75)        // 3 healthy of 4 judged; the no-data window is left out
        #expect(result.requestAttainment == 0.875)      // 350 / 400
        #expect(result.errorBudgetConsumed == 0.5)      // 50 bad / (400 x 0.25)
        #expect(result.healthyWindows == 3 && result.unhealthyWindows == 1 && result.noDataWindows == 1)
        #expect(result.goodRequests == 350 && result.totalRequests == 400)
    }

    @Test func attainmentWithoutTrafficIsUndefined() {
        let result = SLOAttainment(health: healthScript("NN"), good: [0, .nan], total: [0, .nan], target: SLOTarget())
        #expect(result.windowAttainment.isNaN && result.requestAttainment.isNaN && result.errorBudgetConsumed.isNaN)
    }

    @Test func trafficSharesDivideByOfferedAndFinishedWork() {
        let shares = TrafficShares(offered: [100, 100], goodput: [90, 60], wasted: [10, 40], fallbacks: [5, 15], shed: [0, 20],
                                   rejected: [("rejected.breaker", [10, 30]), ("rejected.limiter", [0, 10])])
        #expect(shares.goodputRatio == 0.75)
        #expect(shares.fallbackHitRatio == 0.1)
        #expect(shares.shedShare == 0.1)
        #expect(shares.rejectedShare == 0.25)
        #expect(shares.rejectedByReason == [.init(reason: "rejected.breaker", share: 0.2), .init(reason: "rejected.limiter", share: 0.05)])
    }

    @Test func pairedDifferenceUsesPerSeedDifferences() {
        let comparison = PairedComparison(baseline: [10, 12, 14, 16], candidate: [8, 10, 13, 13])
        #expect(comparison.pairs == 4)
        #expect(comparison.baseline.mean == 13 && comparison.candidate.mean == 11)
        #expect(comparison.difference.mean == -2)
        // d = [-2, -2, -1, -3]: s = sqrt(2/3); half-width = t(0.975, 3) x s / 2 = 3.182 x 0.408248...
        #expect(comparison.difference.halfWidth == 3.182 * (2.0 / 3.0 / 4.0).squareRoot())
        #expect(comparison.relativeChange == -2.0 / 13.0)
        #expect(comparison.isSignificant)
        // The same numbers unpaired would not separate: the seeds' spread swamps the effect.
        #expect(comparison.baseline.halfWidth > 2)
    }

    @Test func seedsWithAnUndefinedValueOnEitherSideAreDropped() {
        let comparison = PairedComparison(baseline: [10, .nan, 14], candidate: [9, 5, 12])
        #expect(comparison.pairs == 2)
        #expect(comparison.difference.mean == -1.5)
        #expect(comparison.candidate.mean == 10.5)
        let single = PairedComparison(baseline: [1], candidate: [2])
        #expect(single.difference.halfWidth == 0 && !single.isSignificant)
    }

    @Test func seedSummaryLeavesOutUndefinedRuns() {
        let interval = SeedSummary.interval([1, .nan, 3])
        #expect(interval.samples == 2 && interval.mean == 2)
        #expect(interval.halfWidth == 12.706 * (2.0 / 2.0).squareRoot())
    }
}
