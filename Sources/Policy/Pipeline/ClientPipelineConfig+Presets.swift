extension ClientPipelineConfig {
    /// A whole client as the named library configures it by default, composed
    /// from the families' own presets (so every number has one source).
    ///
    /// | preset | order | what is on |
    /// |---|---|---|
    /// | resilience4j | retry, breaker | Retry 3 x 500 ms; CircuitBreaker defaults (Retry wraps CircuitBreaker in its default aspect order) |
    /// | hystrix | retry, breaker, bulkhead | one attempt, 1 s timeout; breaker 20 / 50% / 5 s; thread pool 10 as a bulkhead |
    /// | polly-v8 | bulkhead, retry, breaker | the standard resilience handler: concurrency limiter 1000, total 30 s, 3 retries (2 s, exponential, jitter) on transient failures, breaker 10% / 100 / 30 s / 5 s on transient failures, attempt timeout 10 s |
    /// | envoy | retry | 1 retry (25 ms base), 15 s route timeout, retry budget 20% / 3, round robin; outlier detection configured but off (Envoy runs it only when a cluster configures it) |
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
                breaker: .preset(.hystrix)!, bulkhead: .preset(.hystrix)!)
        case .pollyV8:
            // Microsoft.Extensions.Http.Resilience, HttpStandardResilienceOptions: "Bulkhead -> Total
            // Request Timeout -> Retry -> Circuit Breaker -> Attempt Timeout", outermost first. The
            // bulkhead is Polly's default rate limiter, a ConcurrencyLimiter of 1000 permits without a
            // queue; total timeout 30 s; attempt timeout 10 s; HttpRetryStrategyOptions: 3 retries,
            // exponential from 2 s with jitter, handling only transient failures (408, 429, 5xx,
            // HttpRequestException, timeouts), and the breaker counts the same failures. Polly's
            // exponential jitter is its own decorrelated curve; full jitter stands in for it.
            let retry = RetryConfig(maxAttempts: 4, retryOn: .transientFailures, perTryTimeout: .seconds(10), deadline: .seconds(30),
                                    backoff: BackoffConfig(kind: .exponential, base: .seconds(2), multiplier: 2, cap: .seconds(30), jitter: .full))
            var breaker = CircuitBreakerConfig.preset(.pollyV8)!
            breaker.recordedFailures = .transientFailures
            return ClientPipelineConfig(order: [.bulkhead, .retry, .breaker], retry: retry, breaker: breaker, bulkhead: .preset(.pollyV8)!)
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
