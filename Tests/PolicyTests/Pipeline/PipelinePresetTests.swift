import Testing
@testable import Policy

/// Each whole-client preset: its stage order and the numbers that matter,
/// composed from the families' presets. Polly v8's is the
/// Microsoft.Extensions.Http.Resilience standard handler, whose documented
/// order is "Bulkhead -> Total Request Timeout -> Retry -> Circuit Breaker ->
/// Attempt Timeout" with Polly's default limiter (ConcurrencyLimiter, 1000
/// permits, no queue) and transient-only handling (408, 429, 5xx; read with
/// the search tool on learn.microsoft.com and pollydocs.org).
@Suite struct PipelinePresetTests {
    @Test(arguments: PolicyPreset.allCases)
    func everyPresetValidatesOrIsAbsent(_ preset: PolicyPreset) throws {
        guard let config = ClientPipelineConfig.preset(preset) else {
            #expect([.netflix, .kubernetes].contains(preset))
            return
        }
        try config.validate()
        #expect(config.order.filter { $0 == .retry }.count == 1)
        _ = try ClientPipeline(config: config)
    }

    @Test func resilience4jRetriesAroundTheBreaker() throws {
        let config = try #require(ClientPipelineConfig.preset(.resilience4j))
        #expect(config.order == [.retry, .breaker])
        #expect(config.retry.maxAttempts == 3)
        #expect(config.retry.backoff.kind == .constant)
        #expect(config.retry.backoff.base == .ms(500))
        #expect(config.retry.backoff.jitter == .none)
        #expect(config.retry.deadline == .max)
        #expect(config.breaker == CircuitBreakerConfig())
        #expect(config.breaker.slidingWindowSize == 100)
        #expect(config.breaker.failureRateThresholdPercent == 50)
        #expect(config.breaker.waitInOpen == .seconds(60))
        #expect(config.retryBudget.kind == .none)
        #expect(config.hedging.maxAttempts == 1)
        #expect(!config.ejectOutliers)
    }

    @Test func hystrixIsOneAttemptOfOneSecondBehindABreakerAndTenThreads() throws {
        let config = try #require(ClientPipelineConfig.preset(.hystrix))
        #expect(config.order == [.retry, .breaker, .bulkhead])
        #expect(config.retry.maxAttempts == 1)
        #expect(config.retry.perTryTimeout == .seconds(1))
        #expect(config.retry.deadline == .seconds(1))
        #expect(config.breaker.slidingWindowType == .timeBased)
        #expect(config.breaker.slidingWindowSize == 10)
        #expect(config.breaker.minimumNumberOfCalls == 20)
        #expect(config.breaker.failureRateThresholdPercent == 50)
        #expect(config.breaker.waitInOpen == .seconds(5))
        #expect(config.breaker.permittedCallsInHalfOpen == 1)
        #expect(config.bulkhead.kind == .fixed)
        #expect(config.bulkhead.maxConcurrent == 10)
        #expect(config.bulkhead.maxWait == .zero)
    }

    @Test func pollyV8IsTheStandardResilienceHandler() throws {
        let config = try #require(ClientPipelineConfig.preset(.pollyV8))
        #expect(config.order == [.bulkhead, .retry, .breaker])
        #expect(config.bulkhead.kind == .fixed)
        #expect(config.bulkhead.maxConcurrent == 1_000)
        #expect(config.bulkhead.maxWait == .zero)
        #expect(config.retry.maxAttempts == 4)
        #expect(config.retry.retryOn == .transientFailures)
        #expect(config.retry.perTryTimeout == .seconds(10))
        #expect(config.retry.deadline == .seconds(30))
        #expect(config.retry.backoff.kind == .exponential)
        #expect(config.retry.backoff.base == .seconds(2))
        #expect(config.retry.backoff.jitter == .full)
        #expect(config.breaker.failureRateThresholdPercent == 10)
        #expect(config.breaker.minimumNumberOfCalls == 100)
        #expect(config.breaker.slidingWindowSize == 30)
        #expect(config.breaker.waitInOpen == .seconds(5))
        #expect(config.breaker.recordedFailures == .transientFailures)
        #expect(!config.isEnabled(.rateLimit))
    }

    @Test func envoyRetriesOnceWithinTheRouteTimeoutUnderARetryBudget() throws {
        let config = try #require(ClientPipelineConfig.preset(.envoy))
        #expect(config.order == [.retry])
        #expect(config.retry.maxAttempts == 2)
        #expect(config.retry.deadline == .seconds(15))
        #expect(config.retry.backoff.base == .ms(25))
        #expect(config.retry.backoff.cap == .ms(250))
        #expect(config.retryBudget.kind == .concurrency)
        #expect(config.retryBudget.concurrency.budgetPercent == 20)
        #expect(config.retryBudget.concurrency.minRetryConcurrency == 3)
        #expect(config.loadBalancer.kind == .roundRobin)
        #expect(!config.ejectOutliers)
        #expect(config.outlierDetection.consecutive5xx == 5)
        #expect(config.outlierDetection.baseEjectionTime == .seconds(30))
        #expect(config.outlierDetection.maxEjectionPercent == 10)
    }

    @Test func grpcRetriesUnavailableFourTimesWithThrottling() throws {
        let config = try #require(ClientPipelineConfig.preset(.grpc))
        #expect(config.order == [.retry])
        #expect(config.retry.maxAttempts == 4)
        #expect(config.retry.retryOn == [.overloaded, .connectionError])
        #expect(config.retry.honorRetryAfter)
        #expect(config.retry.backoff.base == .ms(100))
        #expect(config.retry.backoff.cap == .seconds(1))
        #expect(config.retryBudget.kind == .grpcThrottle)
        #expect(config.retryBudget.grpcThrottle.maxTokens == 10)
        #expect(config.retryBudget.grpcThrottle.tokenRatio == 0.1)
        #expect(config.loadBalancer.kind == .roundRobin)
    }

    @Test(arguments: [(PolicyPreset.awsStandard, RetryBudgetConfig.Kind.awsStandard, Nanoseconds.ms(100), 5),
                      (.aws2026, .aws2026, .ms(50), 14)])
    func awsRetriesThreeTimesUnderTheMatchingQuota(_ preset: PolicyPreset, _ kind: RetryBudgetConfig.Kind, _ base: Nanoseconds, _ cost: Int) throws {
        let config = try #require(ClientPipelineConfig.preset(preset))
        #expect(config.order == [.retry])
        #expect(config.retry.maxAttempts == 3)
        #expect(config.retry.retryOn == .transientFailures)
        #expect(config.retry.backoff.base == base)
        #expect(config.retry.backoff.cap == .seconds(20))
        #expect(config.retryBudget.kind == kind)
        let quota = kind == .aws2026 ? config.retryBudget.aws2026 : config.retryBudget.awsStandard
        #expect(quota.capacity == 500)
        #expect(quota.retryCost == cost)
    }

    @Test func googleSREThrottlesEveryAttemptUnderATenPercentBudget() throws {
        let config = try #require(ClientPipelineConfig.preset(.googleSRE))
        #expect(config.order == [.retry, .throttle])
        #expect(config.retry.maxAttempts == 3)
        #expect(config.retryBudget.kind == .ratio)
        #expect(config.retryBudget.ratio.percent == 10)
        #expect(config.retryBudget.ratio.minRetriesPerSecond == 0)
        #expect(config.throttle.k == 2)
        #expect(config.throttle.window == .minutes(2))
        #expect(config.throttle.requestsPadding == 1)
    }

    @Test func finagleRetriesUnderItsRatioBudget() throws {
        let config = try #require(ClientPipelineConfig.preset(.finagle))
        #expect(config.order == [.retry])
        #expect(config.retry.maxAttempts == 3)
        #expect(config.retry.retryOn == .transientFailures)
        #expect(config.retry.deadline == .seconds(15))
        #expect(config.retryBudget.kind == .ratio)
        #expect(config.retryBudget.ratio.percent == 20)
        #expect(config.retryBudget.ratio.minRetriesPerSecond == 10)
        #expect(config.retryBudget.ratio.ttl == .seconds(10))
    }

    @Test func theBareClientIsOneAttemptWithinFifteenSeconds() throws {
        let config = ClientPipelineConfig()
        #expect(config.order == [.retry])
        #expect(config.retry.maxAttempts == 1)
        #expect(config.retry.perTryTimeout == .max)
        #expect(config.retry.deadline == .seconds(15))
        #expect(config == .edgeDefault)
        // The memberwise init's default order is a named constant (Swift 6.3.1 miscompiles
        // array-literal default arguments in optimised testing builds); it must still arrive intact.
        #expect(ClientPipelineConfig(retry: PipelineFixtures.retry(2)).order == [.retry])
        #expect(ClientPipelineConfig.retryOnly == [.retry])
    }

    @Test func orderMustHoldRetryOnceAndEachStageAtMostOnce() {
        var noRetry = ClientPipelineConfig()
        noRetry.order = [.breaker]
        #expect(throws: PolicyConfigError(field: "order", expected: "a list containing \"retry\" exactly once", got: "[breaker]")) {
            try noRetry.validate()
        }
        var twice = ClientPipelineConfig()
        twice.order = [.bulkhead, .retry, .bulkhead]
        #expect(throws: PolicyConfigError(field: "order", expected: "each stage at most once", got: "\"bulkhead\" 2 times")) {
            try twice.validate()
        }
        var nested = ClientPipelineConfig()
        nested.breaker.failureRateThresholdPercent = 150
        #expect(throws: PolicyConfigError.self) { try nested.validate() }
        #expect(throws: PolicyConfigError.self) { _ = try ClientPipeline(config: noRetry) }
    }
}
