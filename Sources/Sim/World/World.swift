/// Everything a run needs to describe a simulated system.
public struct WorldSpec: Sendable, Equatable {
    public var duration: SimTime
    public var window: SimTime
    public var services: [ServiceSpec]
    public var clients: [ClientSpec]
    public var edges: [EdgeSpec]
    public var network: NetworkSpec
    public var faults: [FaultSpec]
    public var limits: LimitsSpec
    /// Control loops (canary, autoscaler, adaptive routing, alerts, failover).
    public var controllers: [ControllerSpec]

    public init(duration: SimTime, window: SimTime = .seconds(1), services: [ServiceSpec], clients: [ClientSpec],
                edges: [EdgeSpec] = [], network: NetworkSpec = .defaultValue, faults: [FaultSpec] = [], limits: LimitsSpec = .defaultValue,
                controllers: [ControllerSpec] = .init()) {
        self.duration = duration
        self.window = window
        self.services = services
        self.clients = clients
        self.edges = edges
        self.network = network
        self.faults = faults
        self.limits = limits
        self.controllers = controllers
    }
}

/// The simulated system: services, instances, clients, edges with their
/// policies, faults, and every request in flight. All mutable state of a run
/// lives here; the `Engine` only drives time.
///
/// Performance note: a non-mutating method called from a mutating one gets
/// `self` as a copy of the whole World (hundreds of bytes, a memcpy per call),
/// so helpers on the per-request path are `mutating` even when they only read.
public struct World: SimulationModel {
    /// Everything that can happen, dispatched in `handle`. Payloads are
    /// indices and handles (at most 8 bytes), never references.
    public enum Event {
        case arrival(client: Int32)
        case burst(client: Int32, count: Int32)
        case userStart(client: Int32)
        case attemptArrives(AttemptHandle)
        case workDone(AttemptHandle)
        case response(AttemptHandle)
        case attemptTimeout(AttemptHandle)
        /// The front per-try timer of an edge (World+Timeouts).
        case perTryTimeout(edge: Int32)
        case retry(call: CallHandle)
        case hedge(call: CallHandle)
        case fallbackDone(AttemptHandle)
        case poolTimeout(AttemptHandle)
        case windowClose
        case faultStart(Int32)
        case faultEnd(Int32)
        case preempt(fault: Int32)
        case instanceReady(instance: Int32, life: UInt32)
        case instanceRestart(instance: Int32, life: UInt32)
        /// Service discovery catches up with an instance's state.
        case discovery(instance: Int32, life: UInt32)
        case breakerPoll(edge: Int32, slot: Int32)
        case outlierSweep(edge: Int32)
        case redeliver(service: Int32, message: Int32)
        /// A controller evaluates (World+Control).
        case controlTick(controller: Int32)
        /// A controller's action reaches the system (the slot of a pending action).
        case controlApply(action: Int32)
        /// A scaled-in instance has drained and stops.
        case controlRetire(instance: Int32, life: UInt32)
    }

    public let spec: WorldSpec
    let streams: RandomStreams
    // The per-entity tables written on every request are `GrowableTable`s:
    // one pointer, no copy-on-write check, their address and count kept in
    // the World so they stay in registers. The build completes all but the
    // instance tables (and each service's hosts), which an autoscaler extends.
    // Copies of a World share them, so a World is built, run in place by one
    // engine and never copied.
    var services = GrowableTable<ServiceRuntime>()
    var versions = GrowableTable<VersionRuntime>()
    var instances = GrowableTable<InstanceRuntime>()
    /// Per instance, kept apart from the instance records so those stay small
    /// (reading a field of a record copies it whole).
    var limiters = GrowableTable<ConcurrencyLimiter?>()
    /// Listed in service discovery (load balancers may pick it). A crashed
    /// instance stays listed until discovery notices (`discoveryDelay`): the
    /// window in which a fast-failing dead host can sinkhole traffic.
    var instanceRegistered = GrowableTable<Bool>()
    /// Per service: hosts not listed in discovery (0 lets load balancing skip its scans).
    var unregisteredHosts: [Int32] = []
    /// Attempts sent to each instance whose callers still wait (for load balancing).
    /// Each instance's version (read by load balancing on every pick).
    var instanceVersion = GrowableTable<Int32>()
    var shedders = GrowableTable<LoadShedder?>()
    var edges = GrowableTable<EdgeRuntime>()
    var clients = GrowableTable<ClientRuntime>()
    var faults: [FaultRuntime] = []
    var calls: SlotPool<CallRecord>
    var attempts: SlotPool<AttemptRecord>
    var recorder: Recorder
    /// When the current metrics window closes (`.max`: it ends after the run).
    /// Kept here because `handle` compares it on every event.
    var windowCloseAt: SimTime = .max
    /// What each recording entity belongs to (parallel to `recorder.entities`).
    var owners: [EntityOwner] = [.run]
    /// Per-edge generators for policy randomness (jitter, load balancing, throttling).
    var edgeRandom = GrowableTable<Xoshiro256StarStar>()
    /// Generators for fault timing (preemptions) and network latency.
    var faultRandom: Xoshiro256StarStar
    var networkRandom: Xoshiro256StarStar
    /// Root seeds of per-service job randomness, mixed with each job's identity.
    var serviceSeeds = GrowableTable<UInt64>()
    /// The run-wide entity (all client requests together).
    let runEntity: Int32 = 0
    /// With a single client, the run entity repeats the client's counters and
    /// latency (`Recorder.mirror`) and the request path records the client alone.
    var runMirrorsClient = false
    /// Reused buffers (no allocation per event).
    var startedScratch: [AttemptHandle] = []
    var pipelineEvents: [PipelineEvent] = []
    /// A limit the model hit (reported as the stop reason).
    var modelLimitHit: RunLimit?
    /// Controllers, their telemetry and actions in flight (World+Control).
    var control = ControlPlane()

    /// Builds the world. Throws when the spec is inconsistent (the scenario
    /// validator catches these first, with file paths; this is the backstop).
    public init(spec: WorldSpec, seed: UInt64) throws(WorldBuildError) {
        self.spec = spec
        streams = RandomStreams(rootSeed: seed)
        calls = SlotPool(capacityLimit: spec.limits.maxInFlight)
        attempts = SlotPool(capacityLimit: spec.limits.maxInFlight)
        faultRandom = streams.stream("faults")
        networkRandom = streams.stream("network")
        recorder = Recorder(windowWidth: spec.window, entities: [.run])
        try build()
        windowCloseAt = closeTime(ofWindowStartingAt: .zero)
    }

    public func traceCode(of event: Event) -> UInt64 {
        switch event {
        case .arrival(let c): 1 | UInt64(UInt32(bitPattern: c)) << 8
        case .burst(let c, let n): 2 | UInt64(UInt32(bitPattern: c)) << 8 | UInt64(UInt32(bitPattern: n)) << 40
        case .userStart(let c): 3 | UInt64(UInt32(bitPattern: c)) << 8
        case .attemptArrives(let h): 4 | World.code(h)
        case .workDone(let h): 5 | World.code(h)
        case .response(let h): 6 | World.code(h)
        case .attemptTimeout(let h): 7 | World.code(h)
        case .retry(let h): 8 | World.code(h)
        case .hedge(let h): 9 | World.code(h)
        case .fallbackDone(let h): 10 | World.code(h)
        case .poolTimeout(let h): 11 | World.code(h)
        case .windowClose: 12
        case .faultStart(let f): 13 | UInt64(UInt32(bitPattern: f)) << 8
        case .faultEnd(let f): 14 | UInt64(UInt32(bitPattern: f)) << 8
        case .preempt(let f): 15 | UInt64(UInt32(bitPattern: f)) << 8
        case .instanceReady(let i, let life): 16 | UInt64(UInt32(bitPattern: i)) << 8 | UInt64(life) << 40
        case .instanceRestart(let i, let life): 17 | UInt64(UInt32(bitPattern: i)) << 8 | UInt64(life) << 40
        case .breakerPoll(let e, let s): 18 | UInt64(UInt32(bitPattern: e)) << 8 | UInt64(UInt32(bitPattern: s)) << 40
        case .outlierSweep(let e): 19 | UInt64(UInt32(bitPattern: e)) << 8
        case .redeliver(let s, let m): 20 | UInt64(UInt32(bitPattern: s)) << 8 | UInt64(UInt32(bitPattern: m)) << 40
        case .discovery(let i, let life): 21 | UInt64(UInt32(bitPattern: i)) << 8 | UInt64(life) << 40
        case .controlTick(let k): 22 | UInt64(UInt32(bitPattern: k)) << 8
        case .controlApply(let a): 23 | UInt64(UInt32(bitPattern: a)) << 8
        case .controlRetire(let i, let life): 24 | UInt64(UInt32(bitPattern: i)) << 8 | UInt64(life) << 40
        case .perTryTimeout(let e): 25 | UInt64(UInt32(bitPattern: e)) << 8
        }
    }

    static func code<Record>(_ handle: Handle<Record>) -> UInt64 {
        UInt64(handle.index) << 8 ^ UInt64(handle.generation) << 40
    }
}

/// A spec the World cannot be built from.
public struct WorldBuildError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where in the spec, e.g. `services[2].calls[0].target`.
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
