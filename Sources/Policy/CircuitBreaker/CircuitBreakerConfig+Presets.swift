/// Published circuit-breaker defaults of the reference libraries.
extension CircuitBreakerConfig {
    /// That library's default breaker, or `nil` if it has none.
    ///
    /// Envoy returns `nil`: its "circuit breakers" are concurrency limits
    /// (max_connections, max_pending_requests, max_requests, max_retries: 1024,
    /// 1024, 1024, 3), not a closed/open/half-open state machine. They belong to
    /// the concurrency-limit family; Envoy's failure-driven isolation is outlier
    /// ejection (`OutlierDetectionConfig.preset(.envoy)`).
    public static func preset(_ preset: PolicyPreset) -> CircuitBreakerConfig? {
        switch preset {
        case .resilience4j:
            // CircuitBreakerConfig.ofDefaults() (REFERENCE.md; DEFAULT_* constants of
            // CircuitBreakerConfig): count window 100, minimum 100, failure 50%,
            // slow 100% over 60 s, open 60 s, 10 permitted, max wait 0, no automatic transition.
            return CircuitBreakerConfig()
        case .hystrix:
            // HystrixCommandProperties defaults: circuitBreaker.requestVolumeThreshold 20,
            // errorThresholdPercentage 50 (trips when error% >= 50), sleepWindowInMilliseconds
            // 5000, metrics.rollingStats 10 s in 10 one-second buckets. After the sleep window
            // a single test request is let through; its result closes or reopens the circuit.
            // No slow-call rule: Hystrix's 1000 ms execution timeout makes slow calls
            // timeouts, which count as failures. Bad requests (4xx) are not counted.
            return CircuitBreakerConfig(
                slidingWindowType: .timeBased, slidingWindowSize: 10, minimumNumberOfCalls: 20,
                failureRateThresholdPercent: 50, slowCallRateThresholdPercent: 100, slowCallDuration: .max,
                waitInOpen: .ms(5_000), permittedCallsInHalfOpen: 1,
                recordedFailures: .transientFailures)
        case .pollyV8:
            // CircuitBreakerStrategyOptions defaults (Polly.Core CircuitBreakerConstants):
            // FailureRatio 0.1, MinimumThroughput 100, SamplingDuration 30 s, BreakDuration
            // 5 s; breaks when throughput >= 100 and failure ratio >= 0.1; one probe in
            // half-open. Polly samples in ten 3 s windows; FaultSim uses thirty 1 s buckets.
            // ShouldHandle defaults to every exception (cancellation aside).
            return CircuitBreakerConfig(
                slidingWindowType: .timeBased, slidingWindowSize: 30, minimumNumberOfCalls: 100,
                failureRateThresholdPercent: 10, slowCallRateThresholdPercent: 100, slowCallDuration: .max,
                waitInOpen: .seconds(5), permittedCallsInHalfOpen: 1)
        case .envoy, .grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .netflix, .kubernetes:
            return nil
        }
    }
}
