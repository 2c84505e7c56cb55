/// A service: named, with versions, instances, a service-time distribution,
/// intrinsic errors, dependency calls and server-side policy at its entry.
public struct ServiceSpec: SpecDefaults, Equatable {
    /// What the service is; caches and queues add behaviour, databases are
    /// plain services (their connection pools live on the calling edges).
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case service, database, cache, queue
    }

    /// What the service does with its callers' deadlines.
    public enum DeadlineMode: String, Codable, CaseIterable, Sendable {
        /// Deadlines stop at the service: its dependency calls get none of
        /// their own beyond their edge's, and it serves late requests anyway.
        case ignore
        /// As a gRPC service passing its context on: each dependency call
        /// inherits the request's deadline, and a request whose deadline has
        /// passed when it arrives or leaves the queue fails with `timeout`
        /// without any work.
        case propagate
    }

    public var name: String
    public var kind: Kind
    /// Labels for partitions, region outages and failover.
    public var region: String
    public var zone: String
    /// Instances of each version unless the version says otherwise.
    public var instances: Int
    /// Requests one instance serves in parallel (threads, workers).
    public var concurrency: Int
    /// Requests one instance may hold waiting; beyond it arrivals are refused (503).
    public var queueCapacity: Int
    public var queueDiscipline: QueueDiscipline
    /// Local work per request, before the dependency calls.
    public var serviceTime: DurationDistributionSpec
    /// How service time grows with load (the GC-pressure death spiral).
    public var loadLatency: LoadLatencySpec
    /// Intrinsic failures, returned after the local work.
    public var errors: ErrorRatesSpec
    /// Time from start (or restart) until an instance takes traffic.
    public var startupTime: SimTime
    /// After start-up, service time is multiplied by `warmupMultiplier`,
    /// easing linearly back to 1 over `warmupDuration` (cold JIT, empty caches).
    public var warmupDuration: SimTime
    public var warmupMultiplier: Double
    /// Whether new instances start slow at all (a duration, and a multiplier other than 1).
    public var warmsUp: Bool { warmupDuration.ns > 0 && warmupMultiplier != 1 }
    /// How long service discovery takes to notice a dead instance and stop
    /// sending it traffic (health-check interval x failures to mark it down).
    public var discoveryDelay: SimTime
    /// Dependency steps run in order after the local work; a step is one call
    /// or a parallel fan-out. The instance's slot is held throughout (a thread
    /// blocked on its dependencies).
    public var calls: [CallStepSpec]
    /// Versions (for splits and bad releases); empty means one version "v1".
    public var versions: [VersionSpec]
    /// How traffic divides across versions (targets are version names); unset
    /// means in proportion to each version's instances.
    public var split: TrafficSplitConfig?
    /// The client-side policy every caller uses to call this service (as a
    /// service mesh applies a destination's policy); `edges` override it per caller.
    public var policy: ClientPipelineConfig
    /// Server-side policy at the entry.
    public var entry: EntryPolicySpec
    /// Cache behaviour (kind "cache" only).
    public var cache: CacheSpec?
    /// Queue/broker behaviour (kind "queue" only).
    public var queue: QueueSpec?
    /// Whether callers' deadlines reach this service's work and dependency calls.
    public var deadlines: DeadlineMode

    public init(name: String = "", kind: Kind = .service, region: String = "default", zone: String = "default",
                instances: Int = 2, concurrency: Int = 16, queueCapacity: Int = 256, queueDiscipline: QueueDiscipline = .fifo,
                serviceTime: DurationDistributionSpec = .lognormal(median: .ms(10), p99: .ms(50)),
                loadLatency: LoadLatencySpec = .defaultValue, errors: ErrorRatesSpec = .defaultValue,
                startupTime: SimTime = .seconds(5), warmupDuration: SimTime = .zero, warmupMultiplier: Double = 1,
                discoveryDelay: SimTime = .seconds(10), calls: [CallStepSpec] = [], versions: [VersionSpec] = [],
                split: TrafficSplitConfig? = nil, policy: ClientPipelineConfig = .edgeDefault, entry: EntryPolicySpec = .defaultValue,
                cache: CacheSpec? = nil, queue: QueueSpec? = nil, deadlines: DeadlineMode = .ignore) {
        self.name = name
        self.kind = kind
        self.region = region
        self.zone = zone
        self.instances = instances
        self.concurrency = concurrency
        self.queueCapacity = queueCapacity
        self.queueDiscipline = queueDiscipline
        self.serviceTime = serviceTime
        self.loadLatency = loadLatency
        self.errors = errors
        self.startupTime = startupTime
        self.warmupDuration = warmupDuration
        self.warmupMultiplier = warmupMultiplier
        self.discoveryDelay = discoveryDelay
        self.calls = calls
        self.versions = versions
        self.split = split
        self.policy = policy
        self.entry = entry
        self.cache = cache
        self.queue = queue
        self.deadlines = deadlines
    }

    public static let defaultValue = ServiceSpec()
}

/// A version of a service: what it overrides (unset fields inherit the service's).
public struct VersionSpec: SpecDefaults, Equatable {
    public var name: String
    public var instances: Int?
    public var serviceTime: DurationDistributionSpec?
    public var loadLatency: LoadLatencySpec?
    public var errors: ErrorRatesSpec?
    public var calls: [CallStepSpec]?

    public init(name: String = "v1", instances: Int? = nil, serviceTime: DurationDistributionSpec? = nil,
                loadLatency: LoadLatencySpec? = nil, errors: ErrorRatesSpec? = nil, calls: [CallStepSpec]? = nil) {
        self.name = name
        self.instances = instances
        self.serviceTime = serviceTime
        self.loadLatency = loadLatency
        self.errors = errors
        self.calls = calls
    }

    public static let defaultValue = VersionSpec()
}

/// Service time as a function of load: multiplier m(u) where u is the
/// instance's requests in the system (serving + waiting) per slot of concurrency
/// at the moment service starts (u > 1 when requests queue).
///
/// - `none`: m = 1.
/// - `polynomial`: m = 1 + coefficient * u^exponent.
/// - `exponential`: m = exp(coefficient * max(0, u - threshold)).
/// m is capped at `maxMultiplier`.
public struct LoadLatencySpec: SpecDefaults, Equatable {
    public enum Kind: String, Codable, CaseIterable, Sendable { case none, polynomial, exponential }
    public var kind: Kind
    public var coefficient: Double
    public var exponent: Double
    public var threshold: Double
    public var maxMultiplier: Double

    public init(kind: Kind = .none, coefficient: Double = 1, exponent: Double = 2, threshold: Double = 0.8, maxMultiplier: Double = 50) {
        self.kind = kind
        self.coefficient = coefficient
        self.exponent = exponent
        self.threshold = threshold
        self.maxMultiplier = maxMultiplier
    }

    public static let defaultValue = LoadLatencySpec()

    /// The multiplier at load `u`.
    public func multiplier(atLoad u: Double) -> Double {
        let m: Double
        switch kind {
        case .none: return 1
        case .polynomial: m = 1 + coefficient * DeterministicMath.pow(max(0, u), exponent)
        case .exponential: m = DeterministicMath.exp(coefficient * max(0, u - threshold))
        }
        return min(m, maxMultiplier)
    }
}

/// Intrinsic error rates, in percent of requests, by class.
public struct ErrorRatesSpec: SpecDefaults, Equatable {
    public var serverErrorPercent: Double
    public var overloadedPercent: Double
    public var throttledPercent: Double
    public var clientErrorPercent: Double

    public init(serverErrorPercent: Double = 0, overloadedPercent: Double = 0, throttledPercent: Double = 0, clientErrorPercent: Double = 0) {
        self.serverErrorPercent = serverErrorPercent
        self.overloadedPercent = overloadedPercent
        self.throttledPercent = throttledPercent
        self.clientErrorPercent = clientErrorPercent
    }

    public static let defaultValue = ErrorRatesSpec()

    public var totalPercent: Double { serverErrorPercent + overloadedPercent + throttledPercent + clientErrorPercent }
}

extension ServiceSpec {
    /// Instances of every version together (saturating: absurd counts are
    /// reported by validation, never overflow).
    public var totalInstances: Int {
        guard !versions.isEmpty else { return instances }
        return versions.reduce(0) { total, version in
            let (sum, overflow) = total.addingReportingOverflow(version.instances ?? instances)
            return overflow ? Int.max : sum
        }
    }
}
