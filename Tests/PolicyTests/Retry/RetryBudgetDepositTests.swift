import Testing
@testable import Policy

/// `recordRequest` is inlined into the pipeline and writes the `.ratio` level
/// directly: pin its deposits, the level after each one, and the expiry of
/// deposits as the window's buckets rotate.
@Suite struct RetryBudgetDepositTests {
    /// 50% of a request per deposit, no reserve, a 10 s ttl in ten 1 s slices.
    static func ratio() -> RetryBudget {
        var config = RetryBudgetConfig()
        config.kind = .ratio
        config.ratio.percent = 50
        config.ratio.minRetriesPerSecond = 0
        config.ratio.ttl = .seconds(10)
        return RetryBudget(config: config)
    }

    @Test func eachDepositRaisesTheLevelByItsShare() {
        var budget = Self.ratio()
        #expect(budget.level == 0)
        var expected: [Double] = []
        var levels: [Double] = []
        for index in 0..<6 {
            budget.recordRequest(now: .ms(Int64(index) * 100))
            levels.append(budget.level)
            expected.append(Double(index + 1) * 0.5)
        }
        #expect(levels == expected)
    }

    @Test func depositsExpireSliceBySliceAsBucketsRotate() {
        var budget = Self.ratio()
        budget.recordRequest(now: .ms(500))    // slice 0
        budget.recordRequest(now: .ms(1_500))  // slice 1
        budget.recordRequest(now: .ms(2_500))  // slice 2
        #expect(budget.level == 1.5)
        // At 10 s slice 0 leaves the window; the deposit made there lands in slice 10.
        budget.recordRequest(now: .seconds(10))
        #expect(budget.level == 1.5)
        #expect(budget.level(at: .seconds(11)) == 1.0)
        // Far later every slice has expired: only a new deposit counts.
        budget.recordRequest(now: .seconds(100))
        #expect(budget.level == 0.5)
    }

    @Test func otherKindsIgnoreRequests() {
        var budget = RetryBudget(config: RetryBudgetConfig.preset(.grpc)!)
        let before = budget.level
        for ms: Int64 in 0..<50 { budget.recordRequest(now: .ms(ms * 300)) }
        #expect(budget.level == before)
    }
}
