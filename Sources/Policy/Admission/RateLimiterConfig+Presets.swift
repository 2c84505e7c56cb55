/// Published rate-limiter defaults of the reference libraries.
extension RateLimiterConfig {
    /// That library's default rate limiter, or `nil` if it has none with default numbers.
    ///
    /// - Resilience4j `RateLimiterConfig.ofDefaults()`: limitForPeriod 50,
    ///   limitRefreshPeriod 500 ns, timeoutDuration 5 s (checked against the
    ///   Resilience4j configuration schema and `AtomicRateLimiter`, which refills
    ///   to at most limitForPeriod at each cycle boundary).
    /// - Envoy's local rate limit filter has a token bucket, but `max_tokens` and
    ///   `fill_interval` are required fields with no default, so there is nothing to preset.
    /// - Polly v8's rate limiter strategy defaults to a *concurrency* limiter
    ///   (see `ConcurrencyLimitConfig.preset(.pollyV8)`).
    public static func preset(_ preset: PolicyPreset) -> RateLimiterConfig? {
        switch preset {
        case .resilience4j:
            return .periodic(limitForPeriod: 50, refreshPeriod: .ns(500), maxWait: .seconds(5))
        case .hystrix, .pollyV8, .envoy, .grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .netflix, .kubernetes:
            return nil
        }
    }
}
