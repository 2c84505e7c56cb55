/// The decision state of one controller, by kind. Each wraps a Policy
/// library decision value (or, for routing and failover, the simulator's
/// own rules) plus what the World needs to act on its decisions.
enum ControlLoop {
    case canary(CanaryLoop)
    case autoscaler(AutoscalerLoop)
    case routing(RoutingLoop)
    case alert(AlertLoop)
    case failover(FailoverLoop)
}

/// A canary rollout on one service's splitter.
struct CanaryLoop {
    var rollout: CanaryController
    let service: Int32
    /// Splitter positions of the canary and the baseline.
    let canaryPosition: Int
    let baselinePosition: Int
    /// The canary's version index (its recording entity counts exposure).
    let canaryVersion: Int32
    let canaryName: String
    let baselineName: String
    /// Whether the first step's weight has been asked for.
    var begun = false
    /// Truth, not telemetry: requests the canary version finished since the
    /// rollout began, and how many failed, until its end was applied.
    var exposedRequests: Double = 0
    var exposedFailures: Double = 0
    /// The first analysis that saw a breach.
    var firstBreachSeenAt: SimTime?
    /// When the promotion or rollback took effect.
    var finishedAt: SimTime?
}

/// An HPA on one service's replicas.
struct AutoscalerLoop {
    var autoscaler: Autoscaler
    let service: Int32
    /// The version new instances run.
    let version: Int32
    let metric: AutoscalerControllerSpec.Metric
    let provisioningDelay: SimTime
    let drainTime: SimTime
}

/// Health-weighted routing across a splitter's versions or a client's services.
struct RoutingLoop {
    let spec: AdaptiveRoutingSpec
    /// Target names, in splitter order.
    let names: [String]
    /// When this controller's last change took effect (for cooldown and the minimum evaluation window).
    var lastChangeAt: SimTime?
}

/// SLO burn-rate alerting on one entity's requests.
struct AlertLoop {
    var alert: Policy.BurnRateAlert
    /// Reused between evaluations (no allocation per tick).
    var transitions: [AlertTransition] = []
}

/// Regional failover of one client's route (position 0 primary, 1 secondary).
struct FailoverLoop {
    let spec: FailoverSpec
    let primaryName: String
    let secondaryName: String
    /// Consecutive evaluations that found the primary unhealthy / healthy.
    var unhealthyStreak = 0
    var healthyStreak = 0
}
