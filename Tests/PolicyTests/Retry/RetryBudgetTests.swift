import Testing
@testable import Policy

/// Exact arithmetic of each budget kind over scripted sequences.
/// Sources checked with the search tool: Finagle RetryBudget scaladoc ("20% of
/// the total requests ... on top of 10 retries per second"); gRPC A6 retry
/// throttling text ("Every outgoing RPC ... Every failed RPC will decrement the
/// token_count by 1. Every successful RPC will increment the token_count by
/// tokenRatio", threshold "less than or equal to maxTokens / 2"); Envoy
/// circuit_breaker.proto RetryBudget (20% of active + pending, minimum 3);
/// AWS quota constants 500 / 5 / 10 / 1 and smithy-python `record_success`
/// (refund the last retry's cost, else 1); 2026 costs 14 / 5 from
/// aws-sdk-js-v3 #8037 and aws-smithy-runtime 1.14.
@Suite struct RetryBudgetTests {
    static func budget(_ config: RetryBudgetConfig) -> RetryBudget { RetryBudget(config: config) }

    static func acquire(_ budget: inout RetryBudget, at now: Nanoseconds = .zero, _ outcome: OutcomeClass = .serverError,
                        active: Int = 0, retries: Int = 0) -> Bool {
        budget.tryAcquireRetry(now: now, outcome: outcome, activeRequests: active, activeRetries: retries)
    }

    // MARK: none

    @Test func noBudgetAlwaysAllows() {
        var budget = Self.budget(RetryBudgetConfig())
        for _ in 0..<1_000 { #expect(Self.acquire(&budget)) }
        #expect(budget.level == 0)
    }

    // MARK: ratio (Finagle)

    @Test func ratioStartsWithTheReserveOfMinRetriesTimesTtl() {
        var budget = Self.budget(RetryBudgetConfig.preset(.finagle)!)
        #expect(budget.level == 100)
        for _ in 0..<100 { #expect(Self.acquire(&budget)) }
        #expect(budget.level == 0)
        let refused = Self.acquire(&budget)
        #expect(!refused)
        // Five requests at 20% earn exactly one retry.
        for _ in 0..<4 { budget.recordRequest(now: .ms(10)) }
        #expect(budget.level == 0.8)
        let stillRefused = Self.acquire(&budget, at: .ms(10))
        #expect(!stillRefused)
        budget.recordRequest(now: .ms(10))
        #expect(budget.level == 1)
        let earned = Self.acquire(&budget, at: .ms(10))
        #expect(earned)
        #expect(budget.level == 0)
    }

    @Test func ratioWithdrawalsExpireAfterTheTtlAndTheReserveReturns() {
        var budget = Self.budget(RetryBudgetConfig.preset(.finagle)!)
        for _ in 0..<100 { _ = Self.acquire(&budget) }
        #expect(budget.level(at: .ms(9_999)) == 0)
        #expect(budget.level(at: .seconds(10)) == 100)
    }

    @Test func ratioDepositsLiveBetweenNineTenthsAndOneTtl() {
        let config = RetryBudgetConfig(kind: .ratio, ratio: RatioBudgetConfig(percent: 20, minRetriesPerSecond: 0, ttl: .seconds(10)))
        var budget = Self.budget(config)
        #expect(budget.level == 0)
        for _ in 0..<10 { budget.recordRequest(now: .ms(500)) }
        #expect(budget.level == 2)
        #expect(budget.level(at: .ms(9_999)) == 2)
        #expect(budget.level(at: .seconds(10)) == 0)
        // A deposit late in its one-second slice lives just over 9 s.
        for _ in 0..<5 { budget.recordRequest(now: .ms(10_900)) }
        #expect(budget.level(at: .ms(19_999)) == 1)
        #expect(budget.level(at: .seconds(20)) == 0)
    }

    @Test func ratioWithdrawalOutlivingItsDepositLeavesADebt() {
        // As in Finagle's leaky bucket: deposits and withdrawals expire separately.
        let config = RetryBudgetConfig(kind: .ratio, ratio: RatioBudgetConfig(percent: 100, minRetriesPerSecond: 0, ttl: .seconds(10)))
        var budget = Self.budget(config)
        budget.recordRequest(now: .zero)
        let first = Self.acquire(&budget, at: .seconds(5))
        #expect(first)
        #expect(budget.level(at: .seconds(10)) == 0)  // balance is -1 retry, reported as 0
        budget.recordRequest(now: .seconds(10))
        let inDebt = Self.acquire(&budget, at: .seconds(10))
        #expect(!inDebt)
        budget.recordRequest(now: .seconds(10))
        let repaid = Self.acquire(&budget, at: .seconds(10))
        #expect(repaid)
    }

    @Test func ratioIgnoresOutcomes() {
        var budget = Self.budget(RetryBudgetConfig.preset(.finagle)!)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: true)
        budget.recordOutcome(now: .zero, outcome: .serverError, wasRetry: false)
        #expect(budget.level == 100)
    }

    // MARK: concurrency (Envoy)

    @Test(arguments: [
        (0, 0, true, 2.0), (10, 2, true, 0), (10, 3, false, 0), (24, 3, true, 0), (24, 4, false, 0),
        (100, 19, true, 0), (100, 20, false, 0), (100, 10, true, 9), (1_000, 150, true, 49),
    ])
    func concurrencyAllowsTheLargerOfMinimumAndPercentOfActive(active: Int, retries: Int, allowed: Bool, level: Double) {
        var budget = Self.budget(RetryBudgetConfig.preset(.envoy)!)
        #expect(Self.acquire(&budget, active: active, retries: retries) == allowed)
        #expect(budget.level == level)
    }

    @Test func concurrencyLimitRoundsDown() {
        let budget = Self.budget(RetryBudgetConfig.preset(.envoy)!)
        #expect(budget.concurrencyLimit(activeRequests: 0) == 3)
        #expect(budget.concurrencyLimit(activeRequests: 24) == 4)
        #expect(budget.concurrencyLimit(activeRequests: 25) == 5)
        #expect(budget.concurrencyLimit(activeRequests: -3) == 3)
    }

    // MARK: grpcThrottle (A6)

    @Test func grpcThrottleRefusesAtHalfOfMaxTokens() {
        var budget = Self.budget(RetryBudgetConfig.preset(.grpc)!)
        #expect(budget.level == 10)
        for _ in 0..<4 { budget.recordOutcome(now: .zero, outcome: .overloaded, wasRetry: false) }
        #expect(budget.level == 6)
        let above = Self.acquire(&budget)
        #expect(above)
        #expect(budget.level == 6)  // nothing is withdrawn
        budget.recordOutcome(now: .zero, outcome: .timeout, wasRetry: true)
        #expect(budget.level == 5)
        let atHalf = Self.acquire(&budget)
        #expect(!atHalf)  // "less than or equal to maxTokens / 2"
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: false)
        #expect(budget.level == 5.1)
        let over = Self.acquire(&budget)
        #expect(over)
    }

    @Test func grpcThrottleCountsOnlyRetryableFailures() {
        var budget = Self.budget(RetryBudgetConfig.preset(.grpc)!)
        for _ in 0..<20 {
            budget.recordOutcome(now: .zero, outcome: .clientError, wasRetry: false)
            budget.recordOutcome(now: .zero, outcome: .rejected, wasRetry: false)
        }
        #expect(budget.level == 10)
    }

    @Test func grpcThrottleStaysWithinZeroAndMaxAndRecoversExactly() {
        var budget = Self.budget(RetryBudgetConfig.preset(.grpc)!)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: false)
        #expect(budget.level == 10)
        for _ in 0..<25 { budget.recordOutcome(now: .zero, outcome: .serverError, wasRetry: false) }
        #expect(budget.level == 0)
        for _ in 0..<50 { budget.recordOutcome(now: .zero, outcome: .success, wasRetry: false) }
        #expect(budget.level == 5)
        let fifty = Self.acquire(&budget)
        #expect(!fifty)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: false)
        #expect(budget.level == 5.1)
        let fiftyOne = Self.acquire(&budget)
        #expect(fiftyOne)
    }

    @Test func grpcThrottleCountsEveryAttemptRetriesAndHedgesIncluded() {
        // A6: "Every outgoing RPC" moves the count, whatever kind of attempt it was.
        var budget = Self.budget(RetryBudgetConfig.preset(.grpc)!)
        budget.recordOutcome(now: .zero, outcome: .overloaded, wasRetry: false)
        budget.recordOutcome(now: .zero, outcome: .overloaded, wasRetry: true)
        budget.recordOutcome(now: .zero, outcome: .connectionError, wasRetry: true)
        #expect(budget.level == 7)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: true)
        #expect(budget.level == 7.1)
        // Asking does not cost anything: the failures already did.
        for _ in 0..<10 { _ = Self.acquire(&budget, .timeout) }
        #expect(budget.level == 7.1)
    }

    // MARK: AWS quotas

    @Test func awsSuccessfulRetryRefundsOnlyTheLastRetrysCost() {
        // A request fails, retries (5), fails again on a timeout, retries (10), then
        // succeeds: the success releases the last acquisition (10), not the 15 spent.
        var budget = Self.budget(RetryBudgetConfig.preset(.awsStandard)!)
        budget.recordOutcome(now: .zero, outcome: .serverError, wasRetry: false)
        _ = Self.acquire(&budget, .serverError)
        budget.recordOutcome(now: .zero, outcome: .timeout, wasRetry: true)
        _ = Self.acquire(&budget, .timeout)
        #expect(budget.level == 485)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: true, retryCause: .timeout)
        #expect(budget.level == 495)
    }

    @Test func awsStandardChargesFiveOrTenForTimeoutsAndRefunds() {
        var budget = Self.budget(RetryBudgetConfig.preset(.awsStandard)!)
        #expect(budget.level == 500)
        _ = Self.acquire(&budget, .serverError)
        #expect(budget.level == 495)
        _ = Self.acquire(&budget, .timeout)
        #expect(budget.level == 485)
        _ = Self.acquire(&budget, .throttled)
        #expect(budget.level == 480)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: false)
        #expect(budget.level == 481)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: true, retryCause: .timeout)
        #expect(budget.level == 491)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: true)
        #expect(budget.level == 496)
        budget.recordOutcome(now: .zero, outcome: .serverError, wasRetry: true)
        #expect(budget.level == 496)
        for _ in 0..<10 { budget.recordOutcome(now: .zero, outcome: .success, wasRetry: false) }
        #expect(budget.level == 500)
    }

    @Test func awsStandardRefusesWhenTheQuotaCannotPay() {
        var budget = Self.budget(RetryBudgetConfig.preset(.awsStandard)!)
        for _ in 0..<100 { #expect(Self.acquire(&budget, .serverError)) }
        #expect(budget.level == 0)
        let refused = Self.acquire(&budget, .serverError)
        #expect(!refused)
        #expect(budget.level == 0)
    }

    @Test func aws2026ChargesFourteenButFiveForThrottling() {
        var budget = Self.budget(RetryBudgetConfig.preset(.aws2026)!)
        _ = Self.acquire(&budget, .serverError)
        #expect(budget.level == 486)
        _ = Self.acquire(&budget, .throttled)
        #expect(budget.level == 481)
        _ = Self.acquire(&budget, .timeout)
        #expect(budget.level == 467)
        budget.recordOutcome(now: .zero, outcome: .success, wasRetry: true, retryCause: .connectionError)
        #expect(budget.level == 481)
    }

    @Test func aws2026RunsOutOfTransientRetriesBeforeThrottlingOnes() {
        var budget = Self.budget(RetryBudgetConfig.preset(.aws2026)!)
        for _ in 0..<35 { #expect(Self.acquire(&budget, .overloaded)) }
        #expect(budget.level == 10)
        let transient = Self.acquire(&budget, .overloaded)
        #expect(!transient)
        let throttled1 = Self.acquire(&budget, .throttled)
        let throttled2 = Self.acquire(&budget, .throttled)
        let throttled3 = Self.acquire(&budget, .throttled)
        #expect(throttled1 && throttled2 && !throttled3)
        #expect(budget.level == 0)
    }

    // MARK: Refunds of retries and hedges that end without an outcome

    @Test func awsRefundGivesBackWhatAnUnansweredRetryCostPricedByItsCause() {
        var standard = Self.budget(RetryBudgetConfig.preset(.awsStandard)!)
        _ = Self.acquire(&standard, .timeout)      // a hedge: priced as a retry after a timeout
        _ = Self.acquire(&standard, .serverError)
        #expect(standard.level == 485)
        standard.refundRetry(now: .zero, retryCause: .timeout)
        #expect(standard.level == 495)
        standard.refundRetry(now: .zero, retryCause: .serverError)
        #expect(standard.level == 500)
        standard.refundRetry(now: .zero, retryCause: .timeout)
        #expect(standard.level == 500)  // never above capacity

        var v2026 = Self.budget(RetryBudgetConfig.preset(.aws2026)!)
        _ = Self.acquire(&v2026, .timeout)
        _ = Self.acquire(&v2026, .throttled)
        #expect(v2026.level == 481)
        v2026.refundRetry(now: .zero, retryCause: .throttled)
        #expect(v2026.level == 486)
        v2026.refundRetry(now: .zero, retryCause: .timeout)
        #expect(v2026.level == 500)
    }

    @Test(arguments: [(RetryBudgetConfig.Kind.none, 0.0), (.ratio, 99), (.concurrency, 2), (.grpcThrottle, 10)])
    func otherKindsHaveNothingToRefund(kind: RetryBudgetConfig.Kind, level: Double) {
        // Finagle's ratio withdrawal stays (no refund in Finagle); gRPC withdrew nothing;
        // Envoy's concurrency budget counts retries in flight, which the caller stops counting.
        var budget = Self.budget(RetryBudgetConfig(kind: kind))
        _ = Self.acquire(&budget, .timeout, active: 1)
        #expect(budget.level(at: .ms(1)) == level)
        budget.refundRetry(now: .ms(1), retryCause: .timeout)
        #expect(budget.level(at: .ms(1)) == level)
    }
}

/// Invariants over thousands of seeded random event sequences, every kind.
@Suite struct RetryBudgetPropertyTests {
    @Test(arguments: RetryBudgetConfig.Kind.allCases)
    func levelNeverNegativeNeverAboveCapAndRetriesBoundedByEarnings(kind: RetryBudgetConfig.Kind) {
        let outcomes = OutcomeClass.allCases
        for seed in UInt64(0)..<200 {
            var rng = SplitMix64(seed: seed &* 0x9E37 &+ UInt64(kind.rawValue.utf8.count))
            var config = RetryBudgetConfig(kind: kind)
            config.ratio = RatioBudgetConfig(percent: Double(rng.nextBelow(101)), minRetriesPerSecond: Double(rng.nextBelow(5)),
                                             ttl: .ms(100 + Int64(rng.nextBelow(5_000))))
            config.grpcThrottle = TokenThrottleConfig(maxTokens: 1 + Double(rng.nextBelow(20)), tokenRatio: 0.001 * Double(1 + rng.nextBelow(1_000)))
            config.awsStandard.capacity = 1 + Int(rng.nextBelow(100))
            #expect(throws: Never.self) { try config.validate() }
            var budget = RetryBudget(config: config)
            var now = Nanoseconds.zero
            var requests: Int64 = 0
            var granted: Int64 = 0
            for _ in 0..<500 {
                now += .ms(Int64(rng.nextBelow(50)))
                let outcome = outcomes[Int(rng.nextBelow(UInt64(outcomes.count)))]
                switch rng.nextBelow(4) {
                case 0:
                    budget.recordRequest(now: now)
                    requests += 1
                case 3:
                    budget.refundRetry(now: now, retryCause: outcome)
                case 1:
                    let active = Int(rng.nextBelow(200))
                    let retries = Int(rng.nextBelow(50))
                    let allowed = budget.tryAcquireRetry(now: now, outcome: outcome, activeRequests: active, activeRetries: retries)
                    if allowed { granted += 1 }
                    if kind == .concurrency { #expect(allowed == (retries < budget.concurrencyLimit(activeRequests: active))) }
                    if kind == .none { #expect(allowed) }
                default:
                    budget.recordOutcome(now: now, outcome: outcome, wasRetry: rng.chance(0.5), retryCause: outcome)
                }
                let level = budget.level(at: now)
                #expect(level >= 0)
                switch kind {
                case .grpcThrottle: #expect(level <= config.grpcThrottle.maxTokens)
                case .awsStandard: #expect(level <= Double(config.awsStandard.capacity))
                case .aws2026: #expect(level <= Double(config.aws2026.capacity))
                case .concurrency: #expect(level <= 40)  // 20% of < 200 active
                case .ratio:
                    // Never more than the reserve plus every deposit ever made.
                    let reserve = config.ratio.minRetriesPerSecond * config.ratio.ttl.seconds
                    #expect(level <= reserve + Double(requests) * config.ratio.percent / 100 + 1e-9)
                case .none: #expect(level == 0)
                }
            }
            if kind == .ratio {
                // Over the whole run, retries can never exceed what was ever earned:
                // the reserve once per elapsed ttl plus every deposit.
                let ttls = Double(now.ns / config.ratio.ttl.ns + 2)
                let earned = config.ratio.minRetriesPerSecond * config.ratio.ttl.seconds * ttls + Double(requests) * config.ratio.percent / 100
                #expect(Double(granted) <= earned + 1e-9)
            }
        }
    }
}
