/// A control loop of the simulated system: it watches telemetry (never the
/// truth), runs one of the Policy library's decision functions, and changes
/// the system after an apply latency.
///
/// Common fields say what it acts on and how it sees and acts; the block
/// named after its kind (`canary`, `autoscaler`, `routing`, `alert`,
/// `failover`) holds the rest. As with a service's `cache` and `queue`
/// blocks, only the block of the controller's own kind may be given.
///
/// Targets: a service name (`api`: its version splitter or its replicas) or
/// a client (`client:web`: the services its requests go to, or its requests'
/// outcomes for an alert). Which a kind accepts is checked by the validator.
public struct ControllerSpec: SpecDefaults, Equatable {
    /// Which control loop a controller is.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Steps a canary version's weight in a service's splitter, judging
        /// canary against baseline; rolls back on a sustained breach.
        case canary
        /// Sets a service's replica count with the Kubernetes HPA algorithm.
        case autoscaler
        /// Weights a service's versions (or a client's services) by their observed health.
        case adaptiveRouting
        /// Fires and resolves SLO burn-rate alerts on a client's (or service's) requests.
        case burnRateAlert
        /// Moves a client's traffic to a service in another region when its own region is unhealthy.
        case failover
    }

    /// Unique among controllers; events name it `controller:NAME`.
    public var name: String
    /// Which loop, and so which block it takes.
    public var kind: Kind
    /// A service name, or `client:NAME`.
    public var target: String
    /// When two controllers change the same target, the higher priority wins:
    /// a lower-priority action is not applied within `conflictWindow` of a
    /// higher-priority change (it yields, and the event log says so).
    public var priority: Int
    /// When the controller starts evaluating (a canary rollout starts here).
    public var start: SimTime
    /// Time from a decision to its effect (the control plane pushing config):
    /// seed [000] "<1s for small changes", [001] "<500ms".
    public var applyLatency: SimTime
    /// Two controllers changing one target in opposite directions within this
    /// long of each other is a conflict (logged); also how long a higher-priority
    /// change holds lower-priority ones off.
    public var conflictWindow: SimTime
    /// How the controller sees the system.
    public var telemetry: TelemetrySpec
    public var canary: CanaryControllerSpec?
    public var autoscaler: AutoscalerControllerSpec?
    public var routing: AdaptiveRoutingSpec?
    public var alert: BurnRateAlertSpec?
    public var failover: FailoverSpec?

    public init(name: String = "", kind: Kind = .canary, target: String = "", priority: Int = 0, start: SimTime = .zero,
                applyLatency: SimTime = .seconds(1), conflictWindow: SimTime = .seconds(60), telemetry: TelemetrySpec = .defaultValue,
                canary: CanaryControllerSpec? = nil, autoscaler: AutoscalerControllerSpec? = nil, routing: AdaptiveRoutingSpec? = nil,
                alert: BurnRateAlertSpec? = nil, failover: FailoverSpec? = nil) {
        self.name = name
        self.kind = kind
        self.target = target
        self.priority = priority
        self.start = start
        self.applyLatency = applyLatency
        self.conflictWindow = conflictWindow
        self.telemetry = telemetry
        self.canary = canary
        self.autoscaler = autoscaler
        self.routing = routing
        self.alert = alert
        self.failover = failover
    }

    public static let defaultValue = ControllerSpec()

    /// The client a `client:NAME` target names, nil for a service target.
    public var targetClient: String? {
        target.hasPrefix("client:") ? String(target.dropFirst("client:".count)) : nil
    }

    /// For a client target: the services besides the client's own target that
    /// its requests may be routed to (they need edges from the client).
    public var routedServices: [String] {
        switch kind {
        case .failover: failover.map { [$0.secondary] } ?? []
        case .adaptiveRouting: targetClient == nil ? [] : routing?.services ?? []
        case .canary, .autoscaler, .burnRateAlert: []
        }
    }

    /// The entity name events use for this controller.
    public var entityText: String { "controller:\(name)" }

    /// The blocks given, as (key, whether its kind is `kind`), for the
    /// "only a canary controller takes a canary block" check.
    public var givenBlocks: [(key: String, kind: Kind)] {
        var blocks: [(String, Kind)] = []
        if canary != nil { blocks.append(("canary", .canary)) }
        if autoscaler != nil { blocks.append(("autoscaler", .autoscaler)) }
        if routing != nil { blocks.append(("routing", .adaptiveRouting)) }
        if alert != nil { blocks.append(("alert", .burnRateAlert)) }
        if failover != nil { blocks.append(("failover", .failover)) }
        return blocks
    }
}
