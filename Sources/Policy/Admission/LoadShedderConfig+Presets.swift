/// Reference presets for load shedding.
extension LoadShedderConfig {
    /// Always `nil`: none of the reference libraries ships a server-side load
    /// shedder with default numbers. CoDel's 5 ms / 100 ms come from RFC 8289
    /// and are the `init()` values; Envoy's `max_pending_requests` (1024) is the
    /// default `maxQueueLength`.
    public static func preset(_ preset: PolicyPreset) -> LoadShedderConfig? {
        switch preset {
        case .resilience4j, .hystrix, .pollyV8, .envoy, .grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .netflix, .kubernetes:
            return nil
        }
    }
}
