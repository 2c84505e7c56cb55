/// Everything a run report is written from: the scenario's identity and
/// topology, the run's recording and stop reason, the faults, the SLO.
/// Built by the scenario layer; consumed by `RunAnalysis` and the report writers.
public struct ReportInput: Sendable {
    public var scenarioName: String
    public var description: String
    public var seed: UInt64
    /// The FaultSim version that produced the run (reports are byte-identical per version).
    public var version: String
    public var duration: SimTime
    public var topology: Topology
    public var faults: [FaultSpan]
    public var slo: SLOTarget
    public var recording: Recording
    public var stopReason: StopReason
    public var eventsProcessed: UInt64
    /// What each control loop did (canary outcome, scale events, conflicts); empty without controllers.
    public var controllers: [ControllerSummary]

    public init(scenarioName: String, description: String, seed: UInt64, version: String, duration: SimTime, topology: Topology,
                faults: [FaultSpan], slo: SLOTarget, recording: Recording, stopReason: StopReason, eventsProcessed: UInt64,
                controllers: [ControllerSummary] = .init()) {
        self.scenarioName = scenarioName
        self.description = description
        self.seed = seed
        self.version = version
        self.duration = duration
        self.topology = topology
        self.faults = faults
        self.slo = slo
        self.recording = recording
        self.stopReason = stopReason
        self.eventsProcessed = eventsProcessed
        self.controllers = controllers
    }
}

/// Who calls whom, for the Mermaid diagram and per-edge tables.
public struct Topology: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public enum Kind: String, Sendable { case client, service, database, cache, queue }
        public var name: String
        public var kind: Kind
        /// E.g. "2 x 16 slots, v1/v2", for the diagram label.
        public var detail: String
        public init(name: String, kind: Kind, detail: String) {
            self.name = name
            self.kind = kind
            self.detail = detail
        }
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        /// A short policy summary: "timeout 2s, 3 attempts, breaker".
        public var label: String
        public init(from: String, to: String, label: String) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}
