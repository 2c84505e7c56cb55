/// Published retry-budget defaults of the reference libraries.
extension RetryBudgetConfig {
    /// That library's default shared retry limit, or `nil` if it has none
    /// (Resilience4j, Polly v8, Hystrix, Netflix, Kubernetes).
    public static func preset(_ preset: PolicyPreset) -> RetryBudgetConfig? {
        switch preset {
        case .finagle:
            // RetryBudget(): ttl 10 s, minRetriesPerSec 10, percentCanRetry 0.2
            // ("about 20% of the total requests ... on top of 10 retries per second").
            return RetryBudgetConfig(kind: .ratio, ratio: RatioBudgetConfig(percent: 20, minRetriesPerSecond: 10, ttl: .seconds(10)))
        case .envoy:
            // circuit_breaker.proto RetryBudget: budget_percent "of the sum of active requests
            // and active pending requests ... Defaults to 20%", min_retry_concurrency "Defaults to 3".
            return RetryBudgetConfig(kind: .concurrency, concurrency: ConcurrencyBudgetConfig(budgetPercent: 20, minRetryConcurrency: 3))
        case .grpc:
            // A6 retryThrottling example (A6 has no defaults): maxTokens 10, tokenRatio 0.1.
            return RetryBudgetConfig(kind: .grpcThrottle, grpcThrottle: TokenThrottleConfig(maxTokens: 10, tokenRatio: 0.1))
        case .awsStandard:
            return RetryBudgetConfig(kind: .awsStandard)
        case .aws2026:
            return RetryBudgetConfig(kind: .aws2026)
        case .googleSRE:
            // SRE book, "Handling Overload": "A request will only be retried as long as this
            // ratio is below 10%" (retries to requests, per client). No floor; the book gives
            // no window, so Finagle's 10 s (unverified).
            return RetryBudgetConfig(kind: .ratio, ratio: RatioBudgetConfig(percent: 10, minRetriesPerSecond: 0, ttl: .seconds(10)))
        case .resilience4j, .pollyV8, .hystrix, .netflix, .kubernetes:
            return nil
        }
    }
}
