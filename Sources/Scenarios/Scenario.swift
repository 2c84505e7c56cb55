import Sim

/// A scenario file: metadata, the simulated system, faults, and what to expect.
///
/// Every field has a documented default (`faultsim show NAME --resolved`
/// prints them all); the decoder fills what a file leaves out.
public struct Scenario: SpecDefaults, Equatable {
    /// The format version this file was written for.
    public var schemaVersion: Int
    public var name: String
    /// What the scenario models and the lesson it teaches (shown in reports and `faultsim list`).
    public var description: String
    /// The root seed; `faultsim run --seed` overrides it.
    public var seed: UInt64
    /// Simulated time to run.
    public var duration: SimTime
    /// Width of one metrics window.
    public var window: SimTime
    public var services: [ServiceSpec]
    public var clients: [ClientSpec]
    /// Client-side policy per caller -> callee pair; pairs not listed get the defaults.
    public var edges: [EdgeSpec]
    public var network: NetworkSpec
    public var faults: [FaultSpec]
    public var limits: LimitsSpec
    /// Control loops: canary rollouts, autoscalers, adaptive routing, burn-rate alerts, failover.
    public var controllers: [ControllerSpec]
    /// What "healthy" means for the analysis (MTTR, SLO attainment, storms).
    public var slo: SLOSpec
    /// Bounds on headline figures that `faultsim check` enforces.
    public var expect: ExpectationSet

    public init(schemaVersion: Int = ScenarioFormat.schemaVersion, name: String = "", description: String = "", seed: UInt64 = 1,
                duration: SimTime = .minutes(5), window: SimTime = .seconds(1), services: [ServiceSpec] = [],
                clients: [ClientSpec] = [], edges: [EdgeSpec] = [], network: NetworkSpec = .defaultValue,
                faults: [FaultSpec] = [], limits: LimitsSpec = .defaultValue, controllers: [ControllerSpec] = .init(),
                slo: SLOSpec = .defaultValue, expect: ExpectationSet = .defaultValue) {
        self.schemaVersion = schemaVersion
        self.name = name
        self.description = description
        self.seed = seed
        self.duration = duration
        self.window = window
        self.services = services
        self.clients = clients
        self.edges = edges
        self.network = network
        self.faults = faults
        self.limits = limits
        self.controllers = controllers
        self.slo = slo
        self.expect = expect
    }

    public static let defaultValue = Scenario()

    /// The simulated system this scenario describes.
    public var world: WorldSpec {
        WorldSpec(duration: duration, window: window, services: services, clients: clients, edges: edges,
                  network: network, faults: faults, limits: limits, controllers: controllers)
    }
}
