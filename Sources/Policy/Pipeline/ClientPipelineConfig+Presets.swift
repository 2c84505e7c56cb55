extension ClientPipelineConfig {
    /// A whole client as the named library configures it by default, composed
    /// from the families' own presets (so every number has one source).
    ///
    /// | preset | order | what is on |
    /// |---|---|---|
    /// | resilience4j | retry, breaker | Retry 3 x 500 ms; CircuitBreaker defaults (Retry wraps CircuitBreaker in its default aspect order) |
    /// | hystrix | retry, breaker, bulkhead | one attempt, 1 s timeout; breaker 20 / 50% / 5 s; thread pool 10 as a bulkhead |
    /// | polly-v8 | rateLimit, retry, breaker | the standard resilience handler: total 30 s, 3 retries (2 s, exponential, jitter), breaker 10% / 100 / 30 s / 5 s, attempt timeout 10 s (unverified: the handler's numbers) |
    /// | envoy | retry | 1 retry (25 ms base), 15 s route timeout, retry budget 20% / 3, round robin |
    /// | grpc | retry | A6 example: 4 attempts on UNAVAILABLE, throttling 10 tokens / 0.1 |
    /// | aws-standard, aws-2026 | retry | 3 attempts and the matching retry quota |
    /// | google-sre | retry, throttle | 3 attempts, 10% per-client retry budget, adaptive throttling K = 2 |
    /// | finagle | retry | the 20% + 10/s retry budget with up to 3 attempts |
    public static func preset(_ preset: PolicyPreset) -> ClientPipelineConfig? {
        switch preset {
        case .resilience4j:
            return ClientPipelineConfig(order: [.retry, .breaker], retry: .preset(.resilience4j)!, breaker: .preset(.resilience4j)!)
        case .hystrix:
            return ClientPipelineConfig(
                order: [.retry, .breaker, .bulkhead],
                retry: RetryConfig(maxAttempts: 1, perTryTimeout: .seconds(1), deadline: .seconds(1)),
                breaker: .preset(.hystrix)!, bulkhead: ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 10))
        case .pollyV8:
            var retry = RetryConfig(maxAttempts: 4, retryOn: .allFailures, perTryTimeout: .seconds(10), deadline: .seconds(30),
                                    backoff: BackoffConfig(kind: .exponential, base: .seconds(2), multiplier: 2, cap: .seconds(30), jitter: .full))
            retry.retryOn.remove(.rejected)
            return ClientPipelineConfig(order: [.rateLimit, .retry, .breaker], retry: retry, breaker: .preset(.pollyV8)!,
                                        rateLimit: RateLimiterConfig(rateRps: 1_000, burst: 1_000))
        case .envoy:
            return ClientPipelineConfig(order: [.retry], retry: .preset(.envoy)!, retryBudget: .preset(.envoy)!,
                                        loadBalancer: .preset(.envoy)!, outlierDetection: .preset(.envoy)!)
        case .grpc:
            return ClientPipelineConfig(order: [.retry], retry: .preset(.grpc)!, retryBudget: .preset(.grpc)!, loadBalancer: .preset(.grpc)!)
        case .awsStandard, .aws2026:
            return ClientPipelineConfig(order: [.retry], retry: .preset(preset)!, retryBudget: .preset(preset)!)
        case .googleSRE:
            return ClientPipelineConfig(order: [.retry, .throttle], retry: .preset(.googleSRE)!, retryBudget: .preset(.googleSRE)!,
                                        throttle: .preset(.googleSRE)!)
        case .finagle:
            return ClientPipelineConfig(order: [.retry], retry: RetryConfig(maxAttempts: 3, retryOn: .transientFailures,
                                                                            deadline: .seconds(15)),
                                        retryBudget: .preset(.finagle)!)
        case .netflix, .kubernetes:
            return nil
        }
    }
}
