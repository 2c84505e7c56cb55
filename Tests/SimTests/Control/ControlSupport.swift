@testable import Sim

/// A finished run with its controllers' tallies and the report's analysis.
struct ControlRun {
    let spec: WorldSpec
    let result: RunResult
    let analysis: RunAnalysis

    init(_ spec: WorldSpec, seed: UInt64 = 1) throws {
        self.spec = spec
        result = try Simulation.run(spec, seed: seed)
        let input = ReportInput(scenarioName: "control", description: "", seed: seed, version: "test", duration: spec.duration,
                                topology: Topology(nodes: [], edges: []), faults: result.faults, slo: SLOTarget(),
                                recording: result.recording, stopReason: result.stopReason, eventsProcessed: result.eventsProcessed,
                                controllers: result.controllers)
        analysis = RunAnalysis(input)
    }

    var recording: Recording { result.recording }
    var summaries: [ControllerSummary] { result.controllers }

    func summary(_ name: String) -> ControllerSummary? { summaries.first { $0.name == name } }

    func controller(_ name: String) -> ControllerAnalysis? { analysis.controllers.first { $0.summary.name == name } }

    /// Events of `category` for `entity` whose state changed.
    func changes(_ category: StateChangeCategory, _ entity: String) -> [StateChangeEvent] {
        recording.events.filter { $0.category == category && $0.entity == entity && $0.from != $0.to }
    }

    /// Every event of `entity` (decisions, holds and changes).
    func events(_ entity: String) -> [StateChangeEvent] { recording.events.filter { $0.entity == entity } }

    /// Flips of `entity` in `category` (0 when it never changed).
    func flips(_ category: StateChangeCategory, _ entity: String) -> Int {
        recording.stateFlipRates(category).first { $0.entity == entity }?.flips ?? 0
    }

    /// Requests `entity` finished in windows [from, to) (window index = second with 1 s windows).
    func finished(_ entity: String, from: Int, to: Int) -> Double {
        let successes = recording.values(entity, .successes), failures = recording.values(entity, .failures)
        return (from..<min(to, successes.count)).reduce(0) { $0 + successes[$1] + failures[$1] }
    }
}

/// No retries, a generous timeout: the controllers' effects are not blurred by client policy.
let plainPolicy = ClientPipelineConfig(retry: RetryConfig(maxAttempts: 1, perTryTimeout: .seconds(2), deadline: .max))

/// The systems of the control-loop scenarios (scenarios/*.json5), built in
/// Swift so the tests can vary one parameter at a time.
enum ControlScenarios {
    /// adaptive-routing-flapping-lag / -damped: two zones of 200 req/s each
    /// carry 280; zone a is 4x slower for 30 s at 1 min; a router sees
    /// telemetry `lag` late over a 10 s window.
    static func routing(lag: SimTime = .seconds(20), damped: Bool = false, duration: SimTime = .minutes(10),
                        lossPercent: Double = 0) -> WorldSpec {
        var routing = AdaptiveRoutingSpec(interval: .seconds(5), signal: .successRatio, gain: 30)
        if damped {
            routing.damping = 0.7
            routing.hysteresisPercent = 10
            routing.cooldown = .seconds(60)
            routing.minimumEvaluationWindow = .seconds(10)
        }
        return WorldSpec(
            duration: duration,
            services: [ServiceSpec(name: "api", concurrency: 2, queueCapacity: 100, serviceTime: .exponential(mean: .ms(20)),
                                   versions: [VersionSpec(name: "a", instances: 2), VersionSpec(name: "b", instances: 2)],
                                   split: TrafficSplitConfig(targets: [SplitTarget(name: "a", weightPercent: 50), SplitTarget(name: "b", weightPercent: 50)]),
                                   policy: plainPolicy)],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(280))],
            faults: [FaultSpec(name: "zone-a-slow", kind: .latency, target: "api@a", start: .minutes(1), duration: .seconds(30), latencyMultiplier: 4)],
            controllers: [ControllerSpec(name: "router", kind: .adaptiveRouting, target: "api",
                                         telemetry: TelemetrySpec(scrapeInterval: .seconds(5), window: .seconds(10), lag: lag, lossPercent: lossPercent),
                                         routing: routing)])
    }

    /// autoscaler-thrash / -stabilized: load ripples +-40% every 4 min around
    /// 600 req/s; an HPA at 60% utilisation with cold starts.
    static func autoscaler(scaleDownStabilization: SimTime, duration: SimTime = .minutes(12)) -> WorldSpec {
        WorldSpec(
            duration: duration,
            services: [ServiceSpec(name: "api", instances: 5, concurrency: 4, queueCapacity: 200, serviceTime: .exponential(mean: .ms(20)),
                                   startupTime: .seconds(10), warmupDuration: .seconds(30), warmupMultiplier: 3, discoveryDelay: .seconds(2),
                                   policy: plainPolicy)],
            clients: [ClientSpec(name: "web", target: "api",
                                 rate: RateSchedule(kind: .diurnal, rateRps: 600, amplitudePercent: 40, period: .minutes(4)))],
            controllers: [ControllerSpec(name: "hpa", kind: .autoscaler, target: "api",
                                         telemetry: TelemetrySpec(scrapeInterval: .seconds(5), window: .seconds(15), lag: .seconds(5)),
                                         autoscaler: AutoscalerControllerSpec(
                                            metric: .utilisation, provisioningDelay: .seconds(20), drainTime: .seconds(10),
                                            policy: AutoscalerConfig(targetValue: 60, minReplicas: 2, maxReplicas: 20,
                                                                     scaleDownStabilization: scaleDownStabilization)))])
    }

    /// The canary policy of bad-canary-rollback / canary-promoted-short-analysis.
    static func canaryPolicy(hold: SimTime) -> CanaryConfig {
        CanaryConfig(steps: [CanaryStep(weightPercent: 10, hold: hold), CanaryStep(weightPercent: 25, hold: hold),
                             CanaryStep(weightPercent: 50, hold: hold)],
                     analysisInterval: .seconds(30), minimumSampleRequests: 100, maxErrorRateDeltaPercent: 1, failureHold: .minutes(1))
    }

    static let canaryTelemetry = TelemetrySpec(scrapeInterval: .seconds(10), window: .seconds(60), lag: .seconds(10))

    /// bad-canary-rollback / canary-promoted-short-analysis: v2 rolls out
    /// 10/25/50% with `hold` per step at 300 req/s; it fails 8% of requests from `defectAt` on.
    static func canary(hold: SimTime, defectAt: SimTime = .minutes(4), duration: SimTime = .minutes(8),
                       extraFaults: [FaultSpec] = []) -> WorldSpec {
        WorldSpec(
            duration: duration,
            services: [ServiceSpec(name: "api", concurrency: 4, serviceTime: .exponential(mean: .ms(20)),
                                   versions: [VersionSpec(name: "v1", instances: 4), VersionSpec(name: "v2", instances: 4)],
                                   split: TrafficSplitConfig(targets: [SplitTarget(name: "v1", weightPercent: 100), SplitTarget(name: "v2", weightPercent: 0)]),
                                   policy: plainPolicy)],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(300))],
            faults: [FaultSpec(name: "v2-defect", kind: .badRelease, target: "api@v2", start: defectAt, percent: 8)] + extraFaults,
            controllers: [ControllerSpec(name: "rollout", kind: .canary, target: "api", telemetry: canaryTelemetry,
                                         canary: CanaryControllerSpec(version: "v2", baseline: "v1", policy: canaryPolicy(hold: hold)))])
    }

    /// region-failover / telemetry-lag-mttr: us-east goes down at 2 min for
    /// 3 min; a failover controller and a burn-rate alert watch the client,
    /// their telemetry `addedLag` later during the outage.
    static func failover(addedLag: SimTime = .zero, extraFaults: [FaultSpec] = [], duration: SimTime = .minutes(6)) -> WorldSpec {
        let telemetry = TelemetrySpec(scrapeInterval: .seconds(5), window: .seconds(20), lag: .seconds(10))
        func api(_ name: String, _ region: String) -> ServiceSpec {
            ServiceSpec(name: name, region: region, instances: 4, concurrency: 4, serviceTime: .exponential(mean: .ms(20)),
                        discoveryDelay: .seconds(5), policy: plainPolicy)
        }
        var faults = [FaultSpec(name: "east-down", kind: .regionOutage, target: "region:us-east", start: .minutes(2), duration: .minutes(3))]
        if addedLag > .zero {
            faults.append(FaultSpec(name: "metrics-behind", kind: .telemetryLag, target: "controllers", start: .minutes(2),
                                    duration: .minutes(3), addedLatency: .constant(addedLag)))
        }
        return WorldSpec(
            duration: duration,
            services: [api("api-east", "us-east"), api("api-west", "us-west")],
            clients: [ClientSpec(name: "web", target: "api-east", region: "us-east", rate: .constant(300))],
            network: NetworkSpec(latency: .constant(.ms(1)), regions: [RegionLatencySpec(from: "us-east", to: "us-west", latency: .constant(.ms(30)))]),
            faults: faults + extraFaults,
            controllers: [
                ControllerSpec(name: "gslb", kind: .failover, target: "client:web", telemetry: telemetry,
                               failover: FailoverSpec(secondary: "api-west", interval: .seconds(10), failAfter: 2, failBackAfter: 3)),
                ControllerSpec(name: "slo", kind: .burnRateAlert, target: "client:web", telemetry: telemetry,
                               alert: BurnRateAlertSpec(interval: .seconds(10))),
            ])
    }

    /// Two autoscalers on one service that disagree: `eager` holds 30%
    /// utilisation (wants about 10 replicas at 600 req/s), `frugal` 90% (about 4).
    static func fightingAutoscalers(eagerPriority: Int = 0, frugalPriority: Int = 0) -> WorldSpec {
        func hpa(_ name: String, target: Double, priority: Int) -> ControllerSpec {
            ControllerSpec(name: name, kind: .autoscaler, target: "api", priority: priority,
                           telemetry: TelemetrySpec(scrapeInterval: .seconds(5), window: .seconds(15), lag: .seconds(5)),
                           autoscaler: AutoscalerControllerSpec(
                               metric: .utilisation, provisioningDelay: .seconds(5), drainTime: .seconds(5),
                               policy: AutoscalerConfig(targetValue: target, minReplicas: 2, maxReplicas: 20, scaleDownStabilization: .zero)))
        }
        return WorldSpec(
            duration: .minutes(5),
            services: [ServiceSpec(name: "api", instances: 6, concurrency: 4, queueCapacity: 200, serviceTime: .exponential(mean: .ms(20)),
                                   startupTime: .seconds(5), policy: plainPolicy)],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(600))],
            controllers: [hpa("eager", target: 30, priority: eagerPriority), hpa("frugal", target: 90, priority: frugalPriority)])
    }
}
