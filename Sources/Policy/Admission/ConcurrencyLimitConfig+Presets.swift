/// Published concurrency-limit defaults of the reference libraries.
extension ConcurrencyLimitConfig {
    /// That library's default concurrency limit, or `nil` if it has none.
    ///
    /// - Resilience4j `BulkheadConfig`: maxConcurrentCalls 25, maxWaitDuration 0.
    /// - Hystrix semaphore isolation: `execution.isolation.semaphore.maxConcurrentRequests` 10.
    /// - Polly v8 `RateLimiterStrategyOptions.DefaultRateLimiterOptions`: a
    ///   `ConcurrencyLimiter` with PermitLimit 1000, QueueLimit 0.
    /// - Envoy cluster circuit breaker `max_requests` 1024 (excess requests fail at once).
    /// - Netflix concurrency-limits: `AbstractLimiter.Builder` defaults to
    ///   `VegasLimit.newDefault()`, so the preset is `.vegas`; `aimd` and
    ///   `gradient2` hold their builders' defaults too. Use `netflix(_:)` to pick another.
    public static func preset(_ preset: PolicyPreset) -> ConcurrencyLimitConfig? {
        switch preset {
        case .resilience4j: return ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 25, maxWait: .zero)
        case .hystrix: return ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 10, maxWait: .zero)
        case .pollyV8: return ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 1000, maxWait: .zero)
        case .envoy: return ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 1024, maxWait: .zero)
        case .netflix: return netflix(.vegas)
        case .grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .kubernetes: return nil
        }
    }

    /// Netflix concurrency-limits with the given algorithm at its builder's defaults.
    /// `.fixed` is Netflix's `FixedLimit`, which has no default; 20, the initial
    /// limit of the adaptive kinds, stands in (unverified as a Netflix number).
    public static func netflix(_ kind: Kind) -> ConcurrencyLimitConfig {
        ConcurrencyLimitConfig(kind: kind, maxConcurrent: 20, maxWait: .zero)
    }
}
