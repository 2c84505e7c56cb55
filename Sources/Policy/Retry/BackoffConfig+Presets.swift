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
            // route RetryPolicy.retry_back_off: "the default base interval is 25 milliseconds
            // ... The default maximum interval is 10 times the base interval"
            // (route_components.proto). Envoy's JitteredExponentialBackOffStrategy draws
            // `random % (base * ((1 << n) - 1))`, i.e. uniform in [0, (2^n - 1) * base)
            // (envoyproxy/envoy PR #3791), capped at the maximum.
            return BackoffConfig(kind: .cumulative, base: .ms(25), multiplier: 2, cap: .ms(250), jitter: .full)
        case .grpc:
            // Proposal A6 gives no defaults (initialBackoff, maxBackoff and
            // backoffMultiplier are required in the service config), so this is its
            // retryPolicy example: 0.1 s, 1 s, x2; delay random(0, min(initial *
            // mult^(n-1), max)). The often-quoted x1.6 is gRPC's connection backoff
            // (1 s, x1.6, 120 s), not a retry-policy default.
            return BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(1), jitter: .full)
        case .awsStandard:
            // @smithy/util-retry: DEFAULT_RETRY_DELAY_BASE 100 ms, MAXIMUM_RETRY_DELAY 20 s,
            // delay = random * 2^retryCount * base (retryCount 0 for the first retry), and
            // StandardRetryStrategy sets the base to THROTTLING_RETRY_DELAY_BASE 500 ms for
            // THROTTLING errors. (AWS's 2026 announcement table, aws-sdk-js-v3 #8037, lists
            // the pre-2026 JS throttling base as 100 ms; we follow the shipped code.)
            return BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: .full, throttledBase: .ms(500))
        case .aws2026:
            // AWS_NEW_RETRIES_2026 announcement tables (aws-sdk-js-v3 #8037, aws-sdk-java-v2
            // #6987, aws-sdk-cpp #3832): transient base 50 ms, throttling base 1,000 ms
            // (DynamoDB differs: 25 ms and 4 attempts). Cap 20 s kept from standard mode (unverified).
            return BackoffConfig(kind: .exponential, base: .ms(50), multiplier: 2, cap: .seconds(20), jitter: .full, throttledBase: .seconds(1))
        case .googleSRE:
            // SRE book, "Handling Overload" / "Addressing Cascading Failures": randomized
            // exponential backoff. The books give no numbers; 100 ms x2 capped at 20 s (unverified).
            return BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: .full)
        case .hystrix, .finagle, .netflix, .kubernetes:
            return nil
        }
    }
}
