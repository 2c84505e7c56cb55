import Sim

/// A scenario run end to end: the simulation plus what reports need.
public struct ScenarioRun: Sendable {
    public var scenario: Scenario
    public var seed: UInt64
    public var result: RunResult

    /// Runs `scenario` with `seed` (the scenario's own unless given).
    public static func run(_ scenario: Scenario, seed: UInt64? = nil, trace: TraceDigest? = nil,
                           progress: ((SimTime, UInt64) -> Void)? = nil) throws(WorldBuildError) -> ScenarioRun {
        let seed = seed ?? scenario.seed
        let result = try Simulation.run(scenario.world, seed: seed, trace: trace, progress: progress)
        return ScenarioRun(scenario: scenario, seed: seed, result: result)
    }

    /// The scenario's topology for diagrams: clients, services, and who calls whom.
    public var topology: Topology {
        var nodes: [Topology.Node] = scenario.clients.map {
            Topology.Node(name: $0.name, kind: .client, detail: $0.mode == .open ? "open loop" : "\($0.users) users")
        }
        for service in scenario.services {
            let kind: Topology.Node.Kind = switch service.kind {
            case .service: .service
            case .database: .database
            case .cache: .cache
            case .queue: .queue
            }
            let versions = service.versions.isEmpty ? "" : ", " + service.versions.map(\.name).joined(separator: "/")
            nodes.append(Topology.Node(name: service.name, kind: kind, detail: "\(service.totalInstances) x \(service.concurrency)\(versions)"))
        }
        var edges: [Topology.Edge] = scenario.clients.map { Topology.Edge(from: $0.name, to: $0.target, label: label(from: $0.name, to: $0.target)) }
        for service in scenario.services {
            for target in ScenarioValidator.targets(of: service) {
                edges.append(Topology.Edge(from: service.name, to: target, label: label(from: service.name, to: target)))
            }
        }
        return Topology(nodes: nodes, edges: edges)
    }

    /// A short summary of the policy on an edge: "timeout 2s, 3 attempts, budget, breaker".
    func label(from: String, to: String) -> String {
        let policy = scenario.edges.first { $0.from == from && $0.to == to }?.policy
            ?? scenario.services.first { $0.name == to }?.policy ?? .edgeDefault
        var parts: [String] = []
        if policy.retry.deadline < .max { parts.append("timeout \(policy.retry.deadline.unitString)") }
        if policy.retry.perTryTimeout < .max { parts.append("per try \(policy.retry.perTryTimeout.unitString)") }
        if policy.retry.maxAttempts > 1 { parts.append("\(policy.retry.maxAttempts) attempts") }
        if policy.retryBudget.kind != .none { parts.append("budget \(policy.retryBudget.kind.rawValue)") }
        if policy.hedging.maxAttempts > 1 { parts.append("hedge") }
        for stage in policy.order where stage != .retry { parts.append(stage.rawValue) }
        if policy.ejectOutliers { parts.append("ejection") }
        return parts.joined(separator: ", ")
    }
}

extension ScenarioRun {
    /// Everything the report writers and the analysis need.
    public func reportInput(version: String) -> ReportInput {
        ReportInput(scenarioName: scenario.name, description: scenario.description, seed: seed, version: version,
                    duration: scenario.duration, topology: topology, faults: result.faults, slo: scenario.slo.target,
                    recording: result.recording, stopReason: result.stopReason, eventsProcessed: result.eventsProcessed,
                    controllers: result.controllers)
    }

    /// The headline figures, with the scenario's SLO and thresholds.
    public func analysis(version: String) -> RunAnalysis {
        RunAnalysis(reportInput(version: version), criteria: scenario.slo.criteria)
    }

    /// Each expectation's verdict in this run.
    public func verdicts(in analysis: RunAnalysis) -> [ExpectationVerdict] {
        scenario.expect.items.map { $0.verdict(in: analysis) }
    }
}
