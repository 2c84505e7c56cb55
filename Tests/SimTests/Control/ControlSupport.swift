@testable import Sim

/// A finished run with its controllers' tallies.
struct ControlRun {
    let recording: Recording
    let summaries: [ControllerSummary]

    init(_ spec: WorldSpec, seed: UInt64 = 1) throws {
        var engine = try World.engine(spec: spec, seed: seed)
        _ = engine.run(until: spec.duration)
        recording = engine.model.finishRecording(at: spec.duration)
        summaries = engine.model.controllerSummaries
    }

    /// Events of `category` for `entity` whose state changed.
    func changes(_ category: StateChangeCategory, _ entity: String) -> [StateChangeEvent] {
        recording.events.filter { $0.category == category && $0.entity == entity && $0.from != $0.to }
    }

    /// Flips per minute of `entity` in `category` (0 when it never changed).
    func flipRate(_ category: StateChangeCategory, _ entity: String) -> StateFlipRate {
        recording.stateFlipRates(category).first { $0.entity == entity }
            ?? StateFlipRate(entity: entity, category: category, flips: 0, perMinute: 0)
    }
}

/// No retries, a generous timeout: the controllers' effects are not blurred by client policy.
let plainPolicy = ClientPipelineConfig(retry: RetryConfig(maxAttempts: 1, perTryTimeout: .seconds(2), deadline: .max))

/// The systems of the control-loop scenarios (scenarios/*.json5), built in
/// Swift so the tests can vary one parameter at a time.
enum ControlScenarios {
    /// routing-flip-flop / routing-damped: two zones of 200 req/s each carry 280;
    /// zone a is 4x slower for 30 s at 1 min; a router sees telemetry `lag` late.
    static func routing(lag: SimTime = .seconds(20), damped: Bool = false, duration: SimTime = .minutes(10)) -> WorldSpec {
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
                                         telemetry: TelemetrySpec(scrapeInterval: .seconds(5), window: .seconds(10), lag: lag),
                                         routing: routing)])
    }

    /// autoscaler-thrash / autoscaler-stable: load ripples +-40% every 4 min
    /// around 600 req/s; an HPA at 60% utilisation with cold starts.
    static func autoscaler(scaleDownStabilization: SimTime) -> WorldSpec {
        WorldSpec(
            duration: .minutes(30),
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

    /// canary-rollback / canary-too-short: v2 rolls out 10/25/50% with `hold`
    /// per step; it fails 8% of requests from 4 min on.
    static func canary(hold: SimTime, defectAt: SimTime = .minutes(4), extraFaults: [FaultSpec] = []) -> WorldSpec {
        let policy = CanaryConfig(steps: [CanaryStep(weightPercent: 10, hold: hold), CanaryStep(weightPercent: 25, hold: hold),
                                          CanaryStep(weightPercent: 50, hold: hold)],
                                  analysisInterval: .seconds(30), minimumSampleRequests: 100, maxErrorRateDeltaPercent: 1, failureHold: .minutes(1))
        return WorldSpec(
            duration: .minutes(15),
            services: [ServiceSpec(name: "api", concurrency: 4, serviceTime: .exponential(mean: .ms(20)),
                                   versions: [VersionSpec(name: "v1", instances: 4), VersionSpec(name: "v2", instances: 4)],
                                   split: TrafficSplitConfig(targets: [SplitTarget(name: "v1", weightPercent: 100), SplitTarget(name: "v2", weightPercent: 0)]),
                                   policy: plainPolicy)],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(300))],
            faults: [FaultSpec(name: "v2-defect", kind: .badRelease, target: "api@v2", start: defectAt, percent: 8)] + extraFaults,
            controllers: [ControllerSpec(name: "rollout", kind: .canary, target: "api",
                                         telemetry: TelemetrySpec(scrapeInterval: .seconds(10), window: .seconds(60), lag: .seconds(10)),
                                         canary: CanaryControllerSpec(version: "v2", baseline: "v1", policy: policy))])
    }

    /// regional-failover / telemetry-lag-mitigation: us-east goes down at 2 min
    /// for 5 min; a failover controller and a burn-rate alert watch the client,
    /// their telemetry `addedLag` later during the outage.
    static func failover(addedLag: SimTime = .zero) -> WorldSpec {
        let telemetry = TelemetrySpec(scrapeInterval: .seconds(5), window: .seconds(20), lag: .seconds(10))
        func api(_ name: String, _ region: String) -> ServiceSpec {
            ServiceSpec(name: name, region: region, instances: 4, concurrency: 4, serviceTime: .exponential(mean: .ms(20)),
                        discoveryDelay: .seconds(5), policy: plainPolicy)
        }
        var faults = [FaultSpec(name: "east-down", kind: .regionOutage, target: "region:us-east", start: .minutes(2), duration: .minutes(5))]
        if addedLag > .zero {
            faults.append(FaultSpec(name: "metrics-behind", kind: .telemetryLag, target: "controllers", start: .minutes(2),
                                    duration: .minutes(5), addedLatency: .constant(addedLag)))
        }
        return WorldSpec(
            duration: .minutes(12),
            services: [api("api-east", "us-east"), api("api-west", "us-west")],
            clients: [ClientSpec(name: "web", target: "api-east", region: "us-east", rate: .constant(300))],
            network: NetworkSpec(latency: .constant(.ms(1)), regions: [RegionLatencySpec(from: "us-east", to: "us-west", latency: .constant(.ms(30)))]),
            faults: faults,
            controllers: [
                ControllerSpec(name: "gslb", kind: .failover, target: "client:web", telemetry: telemetry,
                               failover: FailoverSpec(secondary: "api-west", interval: .seconds(10), failAfter: 2, failBackAfter: 3)),
                ControllerSpec(name: "slo", kind: .burnRateAlert, target: "client:web", telemetry: telemetry,
                               alert: BurnRateAlertSpec(interval: .seconds(10))),
            ])
    }
}
