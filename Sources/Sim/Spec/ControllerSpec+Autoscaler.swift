/// The `autoscaler` block: the metric, how instances come and go, and the
/// Kubernetes HPA settings (`AutoscalerConfig`).
///
/// Instances added start cold: `provisioningDelay` (scheduling a pod, booting
/// a VM), then the service's `startupTime`, then its warm-up. Instances
/// removed leave service discovery at once and stop after `drainTime` (what
/// they still hold then fails, as with a load balancer's deregistration delay).
public struct AutoscalerControllerSpec: SpecDefaults, Equatable {
    /// The per-replica metric the HPA formula divides by `policy.targetValue`.
    public enum Metric: String, Codable, CaseIterable, Sendable {
        /// Busy servers / servers on ready instances over the telemetry window, in percent.
        case utilisation
        /// Requests the service finished per second per ready instance.
        case requestRate
        /// The service's p99 latency over the telemetry window, in milliseconds.
        case latencyP99
    }

    /// What the HPA formula is applied to.
    public var metric: Metric
    /// The version new instances run; "" = the service's first version.
    public var version: String
    /// From the scale-out decision taking effect to the instance starting up (scheduling, booting).
    public var provisioningDelay: SimTime
    /// From a scale-in taking effect to the instance stopping (deregistration delay).
    public var drainTime: SimTime
    /// Target, tolerance, replica bounds, evaluation interval, stabilization
    /// windows and rate limits (`AutoscalerConfig`; `preset: "kubernetes"`).
    public var policy: AutoscalerConfig

    /// An autoscaler block; defaults: utilisation, 30 s provisioning, 10 s drain, the Kubernetes HPA defaults.
    public init(metric: Metric = .utilisation, version: String = "", provisioningDelay: SimTime = .seconds(30),
                drainTime: SimTime = .seconds(10), policy: AutoscalerConfig = AutoscalerConfig()) {
        self.metric = metric
        self.version = version
        self.provisioningDelay = provisioningDelay
        self.drainTime = drainTime
        self.policy = policy
    }

    public static let defaultValue = AutoscalerControllerSpec()
}
