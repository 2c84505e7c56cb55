/// Published backoff defaults of the reference libraries.
extension BackoffConfig {
    /// That library's default retry backoff, or `nil` if it has none
    /// (Hystrix, Netflix, Kubernetes; Finagle requeues without delay and is
    /// modelled by its retry budget instead).
    public static func preset(_ preset: PolicyPreset) -> BackoffConfig? {
        switch preset {
        case .resilience4j:
            // RetryConfig waitDuration 500 ms, fixed interval. The multiplier is
            // IntervalFunction's default (1.5), used only if `kind` is overridden.
            return BackoffConfig(kind: .constant, base: .ms(500), multiplier: 1.5, cap: .max, jitter: .none)
        case .pollyV8:
            // RetryStrategyOptions: Delay 2 s, BackoffType Constant, UseJitter false, MaxDelay unset.
            return BackoffConfig(kind: .constant, base: .seconds(2), multiplier: 2, cap: .max, jitter: .none)
        case .envoy:
            // RetryPolicy.retry_back_off: base_interval 25 ms, max_interval 10 x base (envoy
            // docs, backoff.proto). Nth retry uniform in [0, (2^N - 1) * base) (Envoy's
            // JitteredExponentialBackOffStrategy; formula recalled, unverified here).
            return BackoffConfig(kind: .cumulative, base: .ms(25), multiplier: 2, cap: .ms(250), jitter: .full)
        case .grpc:
            // Proposal A6 retryPolicy example: initialBackoff 0.1 s, maxBackoff 1 s,
            // backoffMultiplier 2; delay random(0, min(initial * mult^(n-1), max)).
            return BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(1), jitter: .full)
        case .awsStandard:
            // @smithy/util-retry constants: DEFAULT_RETRY_DELAY_BASE 100 ms,
            // THROTTLING_RETRY_DELAY_BASE 500 ms, MAXIMUM_RETRY_DELAY 20 s;
            // delay = random * 2^retryCount * base with retryCount 0 for the first retry.
            return BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: .full, throttledBase: .ms(500))
        case .aws2026:
            // AWS_NEW_RETRIES_2026 (aws-sdk-cpp issue #3832 table): transient base 50 ms,
            // throttling base 1000 ms. Cap 20 s kept from standard mode (unverified).
            return BackoffConfig(kind: .exponential, base: .ms(50), multiplier: 2, cap: .seconds(20), jitter: .full, throttledBase: .seconds(1))
        case .googleSRE:
            // SRE book, "Handling Overload": randomized exponential backoff. The
            // book gives no numbers; 100 ms x2 capped at 20 s (unverified).
            return BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: .full)
        case .hystrix, .finagle, .netflix, .kubernetes:
            return nil
        }
    }
}
