/// How a client spreads calls across the instances (hosts) of a service.
public struct LoadBalancerConfig: ValidatedConfig {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Each eligible host in turn (Envoy's default `ROUND_ROBIN`).
        case roundRobin
        /// A uniformly random eligible host.
        case random
        /// The eligible host with the fewest outstanding calls from this client
        /// (full scan; ties go to the next host after the previous pick).
        /// Famous for sinkholing: a host that fails fast always looks least busy.
        case leastOutstanding
        /// Two random eligible hosts, the less busy one wins (Mitzenmacher's
        /// "power of two choices"; Envoy's `LEAST_REQUEST` with choice_count 2).
        case powerOfTwoChoices
    }

    public var kind: Kind

    /// Round robin, Envoy's default.
    public init(kind: Kind = .roundRobin) {
        self.kind = kind
    }

    /// Envoy's default cluster policy is round robin; gRPC's pick_first is not a
    /// balancer, so gRPC maps to round_robin as well; other libraries have none.
    public static func preset(_ preset: PolicyPreset) -> LoadBalancerConfig? {
        switch preset {
        case .envoy, .grpc: LoadBalancerConfig(kind: .roundRobin)
        default: nil
        }
    }

    public func validate() throws(PolicyConfigError) {}
}
