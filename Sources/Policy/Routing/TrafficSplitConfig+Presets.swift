/// Library defaults for a traffic split.
extension TrafficSplitConfig {
    /// That library's default split, or `nil` if it has no weighted split.
    ///
    /// Only Envoy routes by weight itself (`weighted_clusters`): each request
    /// picks a cluster at random by weight, with no stickiness unless a hash
    /// policy is configured. The weights are always the operator's, so the
    /// preset is the routing behaviour (random, one target at 100 %), not a
    /// split. Every other library has no traffic splitter.
    public static func preset(_ preset: PolicyPreset) -> TrafficSplitConfig? {
        switch preset {
        case .envoy:
            return TrafficSplitConfig(targets: [SplitTarget(name: "v1", weightPercent: 100)], mode: .random)
        case .resilience4j, .hystrix, .pollyV8, .grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .netflix, .kubernetes:
            return nil
        }
    }
}
