/// A fault: what, where, when, how strong, and (optionally) for whom.
///
/// Targets name the thing hit: `api` (a service, all versions), `api@v2` (one
/// version), `api/0` (one instance), `api->db` (the calls on one edge),
/// `region:us-east`, `client:web`. Which targets a kind accepts is checked
/// when the scenario is validated.
public struct FaultSpec: SpecDefaults, Equatable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Adds `addedLatency` and/or multiplies service time by `latencyMultiplier`.
        case latency
        /// Fails `percent` of requests with `errorClass`.
        case errors
        /// Fails the first `count` requests after the start with `errorClass`.
        case failFirst
        /// Requests get no answer at all; callers wait for their timeouts.
        case blackHole
        /// Instances die (in-flight work fails) and restart after `restartAfter`
        /// (then start up and warm up again). `count` instances of a service, or the one named.
        case crash
        /// Instances keep `capacityPercent` of their concurrency and run
        /// `latencyMultiplier` times slower (CPU saturation, noisy neighbour).
        case capacityLoss
        /// Calls between `target` and `peer` (services or `region:` names) fail or hang.
        case partition
        /// Every instance in the region is down; calls to it fail to connect.
        case regionOutage
        /// A client's offered rate is multiplied by `multiplier`.
        case surge
        /// Random instances of the service are killed at `ratePerMinute`, each
        /// restarting after `restartAfter`.
        case spotPreemption
        /// Instances restart at once and come back cold (start-up and warm-up again).
        case coldStart
        /// A bad release: the version fails `percent` of requests and/or runs slower.
        case badRelease
        /// The cache loses every entry (keyed) or its hit ratio drops to 0 and refills.
        case cacheFlush
        /// Telemetry reaches the controllers `addedLatency` (a constant) later
        /// than usual: a slow metrics pipeline. Targets `controllers` (all) or `controller:NAME`.
        case telemetryLag
        /// The control plane is down: controllers make no decisions and actions
        /// reaching it are lost. Targets `controllers` (all) or `controller:NAME`.
        case controlPlaneOutage

        /// Whether the fault hits controllers rather than the data plane.
        public var actsOnControllers: Bool { self == .telemetryLag || self == .controlPlaneOutage }
    }

    public var name: String
    public var kind: Kind
    public var target: String
    /// The other side of a partition.
    public var peer: String
    public var start: SimTime
    /// `.max` = until the end of the run.
    public var duration: SimTime
    /// The fault's strength rises linearly from 0 to full over `ramp` (latency, errors, surge).
    public var ramp: SimTime
    public var addedLatency: DurationDistributionSpec
    public var latencyMultiplier: Double
    public var percent: Double
    public var errorClass: OutcomeClass
    public var count: Int
    public var restartAfter: SimTime
    public var capacityPercent: Double
    public var multiplier: Double
    public var ratePerMinute: Double
    /// Only requests matching this are hit (latency, errors, failFirst, blackHole, badRelease),
    /// or multiplied (surge: by key and priority only).
    public var condition: FaultConditionSpec
    /// How calls across a partition end (partition only); unset: `network.partitionMode`.
    public var partitionMode: NetworkSpec.PartitionMode?

    public init(name: String = "", kind: Kind = .latency, target: String = "", peer: String = "", start: SimTime = .zero,
                duration: SimTime = .max, ramp: SimTime = .zero, addedLatency: DurationDistributionSpec = .constant(.zero),
                latencyMultiplier: Double = 1, percent: Double = 100, errorClass: OutcomeClass = .serverError, count: Int = 1,
                restartAfter: SimTime = .seconds(30), capacityPercent: Double = 50, multiplier: Double = 10, ratePerMinute: Double = 1,
                condition: FaultConditionSpec = .defaultValue, partitionMode: NetworkSpec.PartitionMode? = nil) {
        self.name = name
        self.kind = kind
        self.target = target
        self.peer = peer
        self.start = start
        self.duration = duration
        self.ramp = ramp
        self.addedLatency = addedLatency
        self.latencyMultiplier = latencyMultiplier
        self.percent = percent
        self.errorClass = errorClass
        self.count = count
        self.restartAfter = restartAfter
        self.capacityPercent = capacityPercent
        self.multiplier = multiplier
        self.ratePerMinute = ratePerMinute
        self.condition = condition
        self.partitionMode = partitionMode
    }

    public static let defaultValue = FaultSpec()

    /// The end time (saturating: "until the end" stays `.max`).
    public var end: SimTime { start.saturatingAdd(duration) }
}

/// Which requests a fault hits. Every non-empty criterion must match.
public struct FaultConditionSpec: SpecDefaults, Equatable {
    /// Request keys in [keyFrom, keyTo) are hit; keyTo 0 = every key.
    public var keyFrom: Int
    public var keyTo: Int
    /// Only this version (empty = any).
    public var version: String
    /// Only these priority classes (empty = any).
    public var priorities: [Int]

    public init(keyFrom: Int = 0, keyTo: Int = 0, version: String = "", priorities: [Int] = []) {
        self.keyFrom = keyFrom
        self.keyTo = keyTo
        self.version = version
        self.priorities = priorities
    }

    public static let defaultValue = FaultConditionSpec()

    /// Nothing given: every request matches. (A `keyFrom` alone counts as
    /// given, so the validator can refuse it rather than let it be ignored.)
    public var isUnconditional: Bool { keyFrom == 0 && keyTo == 0 && version.isEmpty && priorities.isEmpty }

    /// Whether a request with `key` and `priority` matches the key range and
    /// the priority classes (`version` is checked where the version is known).
    public func matches(key: UInt64, priority: UInt8) -> Bool {
        if keyTo > 0 && (key < UInt64(max(0, keyFrom)) || key >= UInt64(keyTo)) { return false }
        return priorities.isEmpty || priorities.contains(Int(priority))
    }
}

extension FaultSpec {
    /// The entity a target names, as reports spell it: `api` -> `service:api`,
    /// `api@v2` -> `version:api@v2`, `api/0` -> `instance:api/0`, `a->b` -> `edge:a->b`.
    public var targetEntity: String {
        if target.hasPrefix("region:") || target.hasPrefix("client:") || target.hasPrefix("controller:") || target == "controllers" { return target }
        if target.contains("->") { return "edge:\(target)" }
        if target.contains("@") { return "version:\(target)" }
        if target.contains("/") { return "instance:\(target)" }
        return "service:\(target)"
    }

    /// The fault as a report shows it: its name, or "kind target".
    public var displayName: String { name.isEmpty ? "\(kind.rawValue) \(target)" : name }

    /// When the trigger is gone: the end for timed faults; for a crash or cold
    /// restart without a duration, the moment the instance restarts.
    public var triggerEnd: SimTime {
        if duration == .max && (kind == .crash || kind == .coldStart) { return start.saturatingAdd(restartAfter) }
        return end
    }

    public var span: FaultSpan { FaultSpan(name: displayName, target: targetEntity, start: start, end: triggerEnd) }
}
