@testable import Sim

/// Simulated runs and hand-built recordings the run-report tests share.
enum RunReportFixtures {
    /// A client calling a two-version service with retries and a breaker on
    /// the edge; instance `api/0` crashes at 20 s and restarts 10 s later.
    /// Small on purpose: its full report is the golden file set.
    static func crashSpec(maxAttempts: Int = 3) -> WorldSpec {
        var policy = ClientPipelineConfig(order: [.breaker, .retry])
        policy.retry = RetryConfig(maxAttempts: maxAttempts, perTryTimeout: .ms(500), deadline: .seconds(2))
        policy.breaker = CircuitBreakerConfig(slidingWindowSize: 20, minimumNumberOfCalls: 10, failureRateThresholdPercent: 50,
                                              waitInOpen: .seconds(4), permittedCallsInHalfOpen: 3,
                                              automaticTransitionFromOpenToHalfOpen: true)
        return WorldSpec(
            duration: .seconds(60), window: .seconds(2),
            services: [ServiceSpec(name: "api", instances: 1, concurrency: 8, serviceTime: .exponential(mean: .ms(5)),
                                   versions: [VersionSpec(name: "v1"), VersionSpec(name: "v2")])],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(40))],
            edges: [EdgeSpec(from: "web", to: "api", policy: policy)],
            faults: [FaultSpec(name: "api/0 crash", kind: .crash, target: "api/0", start: .seconds(20), duration: .seconds(10),
                               restartAfter: .seconds(10))])
    }

    /// The report input for `spec` run with `seed`, as the scenario layer builds it.
    static func input(_ spec: WorldSpec, seed: UInt64, name: String = "crash-demo") throws -> ReportInput {
        let result = try Simulation.run(spec, seed: seed)
        let topology = Topology(
            nodes: spec.clients.map { Topology.Node(name: $0.name, kind: .client, detail: "open, 40 rps") }
                + spec.services.map { Topology.Node(name: $0.name, kind: .service, detail: "2 versions x 1 x 8 slots") },
            edges: spec.edges.map { Topology.Edge(from: $0.from, to: $0.to, label: "timeout 500ms, 3 attempts, breaker") })
        let faults = spec.faults.map { FaultSpan(name: $0.name, target: "instance:" + $0.target, start: $0.start, end: $0.end) }
        return ReportInput(scenarioName: name, description: "One of two api instances crashes for 10 s; the web client retries.",
                           seed: seed, version: "0.0.0-test", duration: spec.duration, topology: topology, faults: faults,
                           slo: SLOTarget(), recording: result.recording, stopReason: result.stopReason,
                           eventsProcessed: result.eventsProcessed)
    }
}

extension RunReportFixtures {
    /// A recording from scripted series: `(entity, metric, values)`; every
    /// series needs `windowCount` values.
    static func recording(windowWidth: SimTime = .seconds(1), _ series: [(String, Metric, [Double])],
                          events: [StateChangeEvent] = []) -> Recording {
        Recording(windowWidth: windowWidth, windowCount: series.first?.2.count ?? 0,
                  series: series.map { MetricSeries(entity: $0.0, metric: $0.1.rawValue, values: $0.2) }, events: events)
    }

    /// The `run` entity's outcome series from a health script: `H` a healthy
    /// window (100 requests, all succeed, p99 20 ms), `U` an unhealthy one
    /// (100 requests, half fail), `N` no traffic.
    static func runSeries(_ script: String) -> [(String, Metric, [Double])] {
        let run = EntityName.run.text
        let offered = script.map { $0 == "N" ? 0.0 : 100 }
        let successes = script.map { $0 == "H" ? 100.0 : $0 == "U" ? 50 : 0 }
        let failures = script.map { $0 == "U" ? 50.0 : 0 }
        let ratio = script.map { $0 == "H" ? 1.0 : $0 == "U" ? 0.5 : .nan }
        let p99 = script.map { $0 == "N" ? Double.nan : 20 }
        return [(run, .offered, offered), (run, .successes, successes), (run, .failures, failures),
                (run, .successRatio, ratio), (run, .latencyMsP99, p99)]
    }

    /// A report input around a hand-built recording (one client, one service).
    static func input(_ recording: Recording, faults: [FaultSpan], slo: SLOTarget = SLOTarget()) -> ReportInput {
        ReportInput(scenarioName: "scripted", description: "", seed: 0, version: "test", duration: recording.duration,
                    topology: Topology(nodes: [], edges: []), faults: faults, slo: slo, recording: recording,
                    stopReason: .reachedEndTime, eventsProcessed: 0)
    }
}
