/// Descriptions the schema shows in editors (hover text), by `$defs` name or
/// `TypeName.field`, taken from the types' doc comments.
///
/// Why a table: doc comments are not available at run time. A test checks
/// that every entry names a definition or property the generator emits, so a
/// renamed field cannot leave a stale entry behind.
enum SchemaDescriptions {
    static let entries: [(name: String, text: String)] = [
        // The scenario file itself.
        ("Scenario.schemaVersion", "The format version this file was written for (this faultsim reads 1)."),
        ("Scenario.name", "The scenario's name; defaults to the file name without .json5."),
        ("Scenario.description", "What the scenario models and the lesson it teaches (shown in reports and `faultsim list`)."),
        ("Scenario.seed", "The root seed of every random draw; `faultsim run --seed` overrides it."),
        ("Scenario.duration", "Simulated time to run (default 5m)."),
        ("Scenario.window", "Width of one metrics window (default 1s)."),
        ("Scenario.services", "The services, databases, caches and queues of the simulated system."),
        ("Scenario.clients", "Open-loop or closed-loop sources of requests, each sending to one service."),
        ("Scenario.edges", "Client-side policy per caller -> callee pair, laid over the callee's `policy`; pairs not listed use it as is."),
        ("Scenario.network", "Network latency within and between regions, and what a call across a partition does."),
        ("Scenario.faults", "Faults injected during the run: what, where, when, how strong, and for whom."),
        ("Scenario.limits", "Bounds on one run; a run that reaches one stops and says which (exit status 3)."),
        ("Scenario.controllers", "Control loops (canary, autoscaler, adaptiveRouting, burnRateAlert, failover) that see the system through lagging telemetry and act after an apply latency."),
        // Parts of the system.
        ("ServiceSpec", "A service: named, with versions, instances, a service-time distribution, intrinsic errors, dependency calls and server-side policy at its entry."),
        ("ServiceSpec.instances", "Instances of each version unless the version says otherwise."),
        ("ServiceSpec.concurrency", "Requests one instance serves in parallel (threads, workers)."),
        ("ServiceSpec.queueCapacity", "Requests one instance may hold waiting; beyond it arrivals are refused (503)."),
        ("ServiceSpec.serviceTime", "Local work per request, before the dependency calls."),
        ("ServiceSpec.calls", "Dependency steps run in order after the local work; a step is one call or a parallel fan-out."),
        ("ServiceSpec.policy", "The client-side policy every caller uses to call this service; `edges` override it per caller."),
        ("ServiceSpec.entry", "Server-side policy at the service's entry."),
        ("ServiceSpec.deadlines", "ignore (default): callers' deadlines stop here; propagate: dependency calls inherit the request's deadline and requests already past it fail with timeout before any work (gRPC)."),
        ("ClientSpec", "An open-loop or closed-loop source of requests to one service."),
        ("ClientSpec.deadline", "The client gives up on a request after this long (\"never\" by default); services with deadlines: propagate pass it on to their dependency calls."),
        ("ClientSpec.attributes", "Routing attributes of every request from this client ({name, value}, at most 2), matched by split rules; dependency calls carry them on. Built in: client, priority."),
        ("RouteAttributeSpec", "One routing attribute: {name: \"cohort\", value: \"beta\"}."),
        ("EdgeSpec", "The client side of calls from one caller (a client or a service) to one service: pipeline, connection pool, scope."),
        ("FaultSpec", "A fault. Targets: `api` (a service), `api@v2` (a version), `api/0` (an instance), `api->db` (an edge), `region:NAME`, `client:NAME`; `controllers` or `controller:NAME` for telemetryLag and controlPlaneOutage."),
        ("FaultSpec.duration", "How long the fault lasts; \"never\" (the default) means until the end of the run."),
        ("FaultSpec.partitionMode", "partition only: fail or hang, for this partition; unset means network.partitionMode."),
        ("CallStepSpec", "One dependency call (`{target: \"db\"}`) or several in parallel (`{parallel: [{target: \"a\"}, {target: \"b\"}]}`)."),
        ("CallSpec", "One dependency call made while serving a request."),
        ("DurationDistributionSpec", "A distribution of durations: a bare duration is a constant; otherwise an object with a `kind` and that kind's parameters."),
        ("RateSchedule", "The offered rate of an open-loop client over time, in requests per second."),
        // Control loops (docs/control-loops.md).
        ("ControllerSpec", "A control loop: its kind, its target (a service or client:NAME), how it sees (telemetry) and acts (applyLatency, priority), and the block of its kind."),
        ("ControllerSpec.priority", "On a target two controllers change, a lower priority yields within `conflictWindow` of a higher one's change."),
        ("ControllerSpec.applyLatency", "Time from a decision to its effect: the control plane pushing config (default 1s)."),
        ("ControllerSpec.conflictWindow", "Changes reversing another controller's change younger than this are reported as conflicts (default 60s)."),
        ("TelemetrySpec", "What the controller sees: scrapes every `scrapeInterval` (a multiple of the metrics window), aggregated over `window`, visible `lag` later, `lossPercent` of them lost."),
        ("AdaptiveRoutingSpec", "Weights that follow observed health: score = successRatio^gain (or p99-based), then damping, hysteresis, cooldown and a minimum evaluation window."),
        ("AutoscalerControllerSpec", "A Kubernetes HPA on the service's utilisation, request rate or p99; new instances pay provisioningDelay, start-up and warm-up."),
        ("CanaryControllerSpec", "A progressive rollout of `version` against `baseline` through the service's splitter, judged by the canary analysis in `policy`."),
        ("BurnRateAlertSpec", "SLO burn-rate alerting; firings are logged as alert events, which the report's MTTD uses."),
        ("FailoverSpec", "Moves a client's traffic to `secondary` after `failAfter` unhealthy evaluations of its own target, and back after `failBackAfter` healthy ones."),
        ("ClientPipelineConfig", "Resilience stages composed in a declared order (`order`, outermost first, containing `retry` once); stages not listed are off."),
        ("ClientPipelineConfig.order", "Stages from the outermost to the innermost; a guard listed before `retry` acts once per call, after it on every attempt."),
    ]

    static let byName: [String: String] = Dictionary(entries.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })

    static func text(for name: String) -> String? { byName[name] }

    /// The schema with the field's description first, if the table has one.
    static func attach(to schema: JSONValue, field: String) -> JSONValue {
        guard let text = byName[field], let members = schema.objectMembers, schema["description"] == nil else { return schema }
        return .object([JSONMember(key: "description", value: .string(text))] + members)
    }
}
