/// A service as the World runs it.
struct ServiceRuntime {
    let specBox: SpecBox<ServiceSpec>
    var spec: ServiceSpec { specBox.value }
    /// Read on every job: one field through the box, not the whole spec copied out.
    var kind: ServiceSpec.Kind { specBox.value.kind }
    let index: Int32
    let entity: Int32
    /// The spec's `warmsUp` and `entry.isActive`, kept here: every job tests
    /// them, and reading through the spec box costs more.
    let warmsUp: Bool
    let guardsEntry: Bool
    /// Global instance indices of every instance, in host order (all versions).
    var hosts = GrowableTable<Int32>()
    /// Global version indices.
    var versions: [Int32] = []
    /// The splitter across versions (nil with a single version).
    var splitter: TrafficSplitter?
    /// The splitter has rules: requests are routed with their attributes.
    var routesByRule = false
    /// Global version index of each of the splitter's shadows, in its order.
    var shadowVersions: [Int32] = []
    /// Service-wide entry rate limit.
    var rateLimiter: RateLimiter?
    /// Faults currently active on this service, a version or an instance of it.
    var activeFaults: [Int32] = []
    /// Keyed cache state (cache services in keyed mode).
    var cache: KeyedCache?
    /// When the last cache flush happened (hit-ratio mode refills after it).
    var lastFlush: SimTime = .min
    /// Queue/broker state (queue services).
    var broker: BrokerState?
}

extension SimTime {
    /// The earliest representable time ("never happened").
    static var min: SimTime { SimTime(ns: Int64.min) }
}

/// A version of a service with its behaviour resolved (inherits unset fields).
/// Immutable and read on every job: a class, so a field read is a pointer
/// dereference rather than a copy of the record (it has no mutable state, so
/// no runtime exclusivity checks either).
final class VersionRuntime {
    let name: String
    let service: Int32
    let entity: Int32
    let serviceTime: Distribution
    let loadLatency: LoadLatencySpec
    let errors: ErrorRatesSpec
    /// Dependency steps with each call's edge resolved at build time.
    let steps: [[ResolvedCall]]
    /// Position among the service's versions (the splitter's target index).
    let position: Int
    /// The service's `deadlines` is `propagate`.
    let propagatesDeadline: Bool
    /// The service's only version: its entity mirrors the service's
    /// (`Recorder.mirror`), so jobs record the service alone. Set once at build.
    @exclusivity(unchecked) var mirrorsService = false

    init(name: String, service: Int32, entity: Int32, serviceTime: Distribution, loadLatency: LoadLatencySpec,
         errors: ErrorRatesSpec, steps: [[ResolvedCall]], position: Int, propagatesDeadline: Bool) {
        self.name = name
        self.service = service
        self.entity = entity
        self.serviceTime = serviceTime
        self.loadLatency = loadLatency
        self.errors = errors
        self.steps = steps
        self.position = position
        self.propagatesDeadline = propagatesDeadline
    }
}

/// A dependency call with its edge looked up once, at build time. Only plain
/// values (no strings): the request path copies one per child call.
struct ResolvedCall {
    let edge: Int32
    let required: Bool
    let fallbackLatency: SimTime
    /// The spec's `percent / 100`.
    let probability: Double
}

/// An instance: a station (concurrency servers + bounded queue) with state.
struct InstanceRuntime {
    enum State: UInt8 { case up, starting, down }

    let service: Int32
    let version: Int32
    let host: Int32
    var station: Station<AttemptHandle>
    var state: State
    /// When it last became ready (for warm-up).
    var readySince: SimTime
    /// Bumped on every crash so restart events from an older life are ignored.
    var life: UInt32 = 0
    /// Concurrency slots configured (before capacity loss).
    let concurrency: Int
    /// Service time multiplier from active capacity-loss faults.
    var slowdown: Double = 1
    /// Busy servers over time (utilisation).
    var busy = TimeIntegral()
    var busyAreaAtWindowStart: Double = 0
}

/// The other end of an edge's caller: a client or a service.
enum Caller: Equatable {
    case client(Int32)
    case service(Int32)
}

/// An edge (caller -> callee) with its client-side policy state.
struct EdgeRuntime {
    let specBox: SpecBox<EdgeSpec>
    var spec: EdgeSpec { specBox.value }
    /// Hot copies of spec and pipeline settings, read on every attempt.
    let poolSize: Int
    let cancelOnTimeout: Bool
    let hedging: Bool
    let cancelsLosers: Bool
    /// The pipeline's per-try timeout: attempts timed by it wait in `timeouts`
    /// (World+Timeouts), others in the event queue.
    var perTryTimeout: SimTime
    var timeouts = PendingTimers<AttemptHandle>()
    let caller: Caller
    let callee: Int32
    let entity: Int32
    /// Policy state: one per caller instance (scope `callerInstance`) or one shared.
    let pipelines: GrowableTable<ClientPipeline>
    /// Connection pool per policy slot: calls holding a connection.
    let poolActive: GrowableTable<Int>
    /// Attempts waiting for a connection, per policy slot.
    let poolWaiting: GrowableTable<RingDeque<AttemptHandle>>
    /// One-way network latency for this edge.
    let latency: Distribution
    let latencyIsZero: Bool
    /// Set while a partition separates caller and callee.
    var partitioned: Bool = false
    /// While partitioned: calls hang (no answer) instead of failing fast.
    var partitionHangs: Bool = false
    /// Calls in flight on this edge.
    var inFlight: Int = 0
    /// What each policy slot knows of the callee's load, as one Envoy or one
    /// client library does: its own attempts outstanding to each callee host,
    /// in rows of `outstandingStride` hosts per slot (widened as hosts are added).
    var outstanding = GrowableTable<Int32>()
    var outstandingStride = 0

    /// The cell of `slot`'s count for `host` in `outstanding`.
    @inline(__always) func outstandingCell(slot: Int32, host: Int32) -> Int {
        Int(slot) &* outstandingStride &+ Int(host)
    }
}

/// A fault as scheduled in the run.
struct FaultRuntime {
    let specBox: SpecBox<FaultSpec>
    var spec: FaultSpec { specBox.value }
    let index: Int32
    var active = false
    /// For `failFirst`: failures still to hand out.
    var remaining: Int = 0
    /// Resolved scope: service, version, instance (-1 = any).
    var service: Int32 = -1
    var version: Int32 = -1
    var instance: Int32 = -1
    var client: Int32 = -1
    var edge: Int32 = -1
    var region: String = ""
    var addedLatency: Distribution?
    /// Strength in [0, 1] at time t (linear ramp from the start).
    func strength(at now: SimTime) -> Double {
        guard spec.ramp.ns > 0 else { return 1 }
        return min(1, max(0, Double((now - spec.start).ns) / Double(spec.ramp.ns)))
    }
}
