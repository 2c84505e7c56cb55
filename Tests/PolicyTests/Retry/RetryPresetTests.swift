import Testing
@testable import Policy

/// Every preset number pinned. Sources: /work/shared/REFERENCE.md plus the
/// searches cited in the preset code: A6 examples (A6 itself has no defaults);
/// Envoy route_components.proto (num_retries 1, retry back-off 25 ms, max 10x)
/// and circuit_breaker.proto (20%, 3); Polly.Core RetryStrategyOptions (3
/// retries, 2 s, Constant, no jitter) and HedgingStrategyOptions (1 hedge, 2 s);
/// @smithy/util-retry (100 ms, 500 ms throttled, 20 s); the 2026 tables in
/// aws-sdk-js-v3 #8037 / aws-sdk-cpp #3832 (50 ms, 1 s, costs 14 and 5);
/// Finagle RetryBudget scaladoc; SRE book "Handling Overload" (3 attempts, 10%).
@Suite struct RetryPresetTests {
    @Test func resilience4jRetriesTwiceAfter500msConstant() throws {
        let retry = try #require(RetryConfig.preset(.resilience4j))
        #expect(retry.maxAttempts == 3)
        #expect(retry.retryOn == .allFailures)
        #expect(retry.backoff.kind == .constant && retry.backoff.base == .ms(500) && retry.backoff.jitter == .none)
        #expect(retry.backoff.cap == .max && retry.backoff.multiplier == 1.5)
        #expect(retry.perTryTimeout == .max && retry.deadline == .max && !retry.honorRetryAfter)
        #expect(RetryBudgetConfig.preset(.resilience4j) == nil)
        #expect(HedgingConfig.preset(.resilience4j) == nil)
    }

    @Test func pollyV8RetriesThreeTimesAfterTwoSecondsConstantWithoutJitter() throws {
        let retry = try #require(RetryConfig.preset(.pollyV8))
        #expect(retry.maxAttempts == 4)
        #expect(retry.backoff == BackoffConfig(kind: .constant, base: .seconds(2), multiplier: 2, cap: .max, jitter: .none))
        #expect(retry.retryOn == .allFailures)
        let hedging = try #require(HedgingConfig.preset(.pollyV8))
        #expect(hedging == HedgingConfig(maxAttempts: 2, hedgeDelay: .seconds(2), cancelLosers: true))
        #expect(RetryBudgetConfig.preset(.pollyV8) == nil)
    }

    @Test func envoyRetriesOnceWith25msBaseCappedAtTenTimesAndBudget20PercentOr3() throws {
        let retry = try #require(RetryConfig.preset(.envoy))
        #expect(retry.maxAttempts == 2)
        #expect(retry.retryOn == [.timeout, .serverError, .overloaded, .connectionError])
        #expect(retry.deadline == .seconds(15))
        #expect(retry.backoff == BackoffConfig(kind: .cumulative, base: .ms(25), multiplier: 2, cap: .ms(250), jitter: .full))
        let budget = try #require(RetryBudgetConfig.preset(.envoy))
        #expect(budget.kind == .concurrency)
        #expect(budget.concurrency == ConcurrencyBudgetConfig(budgetPercent: 20, minRetryConcurrency: 3))
        #expect(HedgingConfig.preset(.envoy) == nil)
    }

    @Test func grpcUsesTheA6Examples() throws {
        let retry = try #require(RetryConfig.preset(.grpc))
        #expect(retry.maxAttempts == 4)
        #expect(retry.retryOn == [.overloaded, .connectionError])
        #expect(retry.honorRetryAfter && retry.maxRetryAfter == .max)
        #expect(retry.backoff == BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(1), jitter: .full))
        let budget = try #require(RetryBudgetConfig.preset(.grpc))
        #expect(budget.kind == .grpcThrottle)
        #expect(budget.grpcThrottle.maxTokens == 10 && budget.grpcThrottle.tokenRatio == 0.1)
        #expect(budget.grpcThrottle.countedFailures == .transientFailures)
        let hedging = try #require(HedgingConfig.preset(.grpc))
        #expect(hedging == HedgingConfig(maxAttempts: 4, hedgeDelay: .ms(500), cancelLosers: true))
    }

    @Test func finagleHasOnlyARatioBudgetOf20PercentPlus10PerSecondOver10Seconds() throws {
        let budget = try #require(RetryBudgetConfig.preset(.finagle))
        #expect(budget.kind == .ratio)
        #expect(budget.ratio == RatioBudgetConfig(percent: 20, minRetriesPerSecond: 10, ttl: .seconds(10)))
        #expect(RetryConfig.preset(.finagle) == nil)
        #expect(BackoffConfig.preset(.finagle) == nil)
        #expect(HedgingConfig.preset(.finagle) == nil)
    }

    @Test func awsStandardIsThreeAttemptsQuota500Cost5Timeout10() throws {
        let retry = try #require(RetryConfig.preset(.awsStandard))
        #expect(retry.maxAttempts == 3 && retry.retryOn == .transientFailures && !retry.honorRetryAfter)
        #expect(retry.backoff == BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: .full, throttledBase: .ms(500)))
        #expect(retry == RetryConfig())
        let budget = try #require(RetryBudgetConfig.preset(.awsStandard))
        #expect(budget.kind == .awsStandard)
        #expect(budget.awsStandard == RetryQuotaConfig(capacity: 500, retryCost: 5, timeoutRetryCost: 10, throttlingRetryCost: 5, noRetryIncrement: 1))
        #expect(HedgingConfig.preset(.awsStandard) == nil)
    }

    @Test func aws2026IsThreeAttemptsCost14Throttling5Base50msThrottled1s() throws {
        let retry = try #require(RetryConfig.preset(.aws2026))
        #expect(retry.maxAttempts == 3 && retry.retryOn == .transientFailures)
        #expect(retry.backoff == BackoffConfig(kind: .exponential, base: .ms(50), multiplier: 2, cap: .seconds(20), jitter: .full, throttledBase: .seconds(1)))
        let budget = try #require(RetryBudgetConfig.preset(.aws2026))
        #expect(budget.kind == .aws2026)
        #expect(budget.aws2026 == RetryQuotaConfig(capacity: 500, retryCost: 14, timeoutRetryCost: 14, throttlingRetryCost: 5, noRetryIncrement: 1))
    }

    @Test func googleSREIsThreeAttemptsAndATenPercentBudget() throws {
        let retry = try #require(RetryConfig.preset(.googleSRE))
        #expect(retry.maxAttempts == 3)
        #expect(retry.backoff.kind == .exponential && retry.backoff.jitter == .full)
        let budget = try #require(RetryBudgetConfig.preset(.googleSRE))
        #expect(budget.kind == .ratio)
        #expect(budget.ratio == RatioBudgetConfig(percent: 10, minRetriesPerSecond: 0, ttl: .seconds(10)))
    }

    @Test func librariesWithoutRetriesHaveNoPresets() {
        for preset in [PolicyPreset.hystrix, .netflix, .kubernetes] {
            #expect(RetryConfig.preset(preset) == nil)
            #expect(BackoffConfig.preset(preset) == nil)
            #expect(RetryBudgetConfig.preset(preset) == nil)
            #expect(HedgingConfig.preset(preset) == nil)
        }
    }

    @Test(arguments: PolicyPreset.allCases)
    func everyPresetValidates(preset: PolicyPreset) {
        #expect(throws: Never.self) {
            try RetryConfig.preset(preset)?.validate()
            try BackoffConfig.preset(preset)?.validate()
            try RetryBudgetConfig.preset(preset)?.validate()
            try HedgingConfig.preset(preset)?.validate()
        }
    }

    @Test func defaultsNameTheirReferenceLibrary() {
        #expect(BackoffConfig() == BackoffConfig.preset(.awsStandard))
        #expect(RetryBudgetConfig().kind == .none)
        #expect(RetryBudgetConfig().ratio == RetryBudgetConfig.preset(.finagle)!.ratio)
        #expect(RetryBudgetConfig().concurrency == RetryBudgetConfig.preset(.envoy)!.concurrency)
        #expect(RetryBudgetConfig().grpcThrottle == RetryBudgetConfig.preset(.grpc)!.grpcThrottle)
    }
}
