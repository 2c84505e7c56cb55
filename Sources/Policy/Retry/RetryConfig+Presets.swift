/// Published retry defaults of the reference libraries.
extension RetryConfig {
    /// That library's default retry policy, or `nil` if it has none (Hystrix,
    /// Netflix, Kubernetes; Finagle's requeues are governed by its retry budget,
    /// see `RetryBudgetConfig.preset(.finagle)`).
    public static func preset(_ preset: PolicyPreset) -> RetryConfig? {
        guard let backoff = BackoffConfig.preset(preset) else { return nil }
        switch preset {
        case .resilience4j:
            // RetryConfig: maxAttempts 3 (including the first), waitDuration 500 ms;
            // every exception is retried by default.
            return RetryConfig(maxAttempts: 3, retryOn: .allFailures, backoff: backoff)
        case .pollyV8:
            // RetryStrategyOptions: MaxRetryAttempts 3 "in addition to the original call",
            // Delay 2 s, BackoffType Constant, UseJitter false (Polly.Core source);
            // ShouldHandle defaults to every exception except cancellation.
            return RetryConfig(maxAttempts: 4, retryOn: .allFailures, backoff: backoff)
        case .envoy:
            // route RetryPolicy num_retries "optional and defaults to 1"; retry_on "5xx"
            // covers 5xx, resets, connect failures and per-try timeouts; the route timeout
            // (15 s by default) is the overall deadline.
            return RetryConfig(maxAttempts: 2, retryOn: [.timeout, .serverError, .overloaded, .connectionError],
                               deadline: .seconds(15), backoff: backoff)
        case .grpc:
            // A6 has no defaults; its retryPolicy example: maxAttempts 4,
            // retryableStatusCodes [UNAVAILABLE] (connection failures and 503s).
            // grpc-retry-pushback-ms is always honoured, unbounded.
            return RetryConfig(maxAttempts: 4, retryOn: [.overloaded, .connectionError],
                               honorRetryAfter: true, maxRetryAfter: .max, backoff: backoff)
        case .awsStandard, .aws2026:
            // Standard mode and AWS_NEW_RETRIES_2026: max attempts 3; transient errors
            // (timeouts, connection errors, 500/502/503/504) and throttling are retried.
            return RetryConfig(maxAttempts: 3, retryOn: .transientFailures, backoff: backoff)
        case .googleSRE:
            // SRE book, "Handling Overload": "a per-request retry budget of up to three attempts".
            return RetryConfig(maxAttempts: 3, retryOn: .transientFailures, backoff: backoff)
        case .hystrix, .finagle, .netflix, .kubernetes:
            return nil
        }
    }
}
