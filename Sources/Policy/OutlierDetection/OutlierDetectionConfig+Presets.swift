/// Published outlier-ejection defaults.
extension OutlierDetectionConfig {
    /// Envoy's defaults for `.envoy`; `nil` for libraries without host ejection
    /// (their breakers guard a whole dependency, see `CircuitBreakerConfig`).
    ///
    /// Sources: Envoy `outlier_detection.proto` field docs (consecutive_5xx 5,
    /// interval 10 s, base_ejection_time 30 s, max_ejection_percent 10,
    /// enforcing_consecutive_5xx 100, enforcing_success_rate 100,
    /// success_rate_minimum_hosts 5, success_rate_request_volume 100,
    /// success_rate_stdev_factor 1900, consecutive_gateway_failure 5 enforced 0,
    /// failure_percentage_threshold 85 enforced 0 with 5 hosts and 50 requests,
    /// max_ejection_time 300 s, max_ejection_time_jitter 0, always_eject_one_host false).
    public static func preset(_ preset: PolicyPreset) -> OutlierDetectionConfig? {
        switch preset {
        case .envoy:
            return OutlierDetectionConfig()
        case .resilience4j, .hystrix, .pollyV8, .grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .netflix, .kubernetes:
            return nil
        }
    }
}
