/// Published client-side throttling numbers.
extension AdaptiveThrottleConfig {
    /// That source's adaptive throttle, or `nil` if it has none.
    ///
    /// - Google SRE book, "Handling Overload": K = 2, requests and accepts over
    ///   the last 2 minutes, denominator `requests + 1`. The book names no
    ///   bucket size; 1 s is ours (unverified).
    /// - gRPC (grpc-go `balancer/rls/internal/adaptive`): ratioForAccepts 2.0,
    ///   requestsPadding 8, 30 s of history in 100 bins (300 ms each). gRPC counts
    ///   requests as accepts + throttles when each answer arrives rather than when
    ///   each request is sent; the numbers are the same.
    public static func preset(_ preset: PolicyPreset) -> AdaptiveThrottleConfig? {
        switch preset {
        case .googleSRE:
            return AdaptiveThrottleConfig(k: 2, window: .minutes(2), bucketWidth: .seconds(1), requestsPadding: 1)
        case .grpc:
            return AdaptiveThrottleConfig(k: 2, window: .seconds(30), bucketWidth: .ms(300), requestsPadding: 8)
        case .resilience4j, .hystrix, .pollyV8, .envoy, .finagle, .awsStandard, .aws2026, .netflix, .kubernetes:
            return nil
        }
    }
}
