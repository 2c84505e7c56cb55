/// Network latency and partition behaviour. Latency is one way: a call pays it
/// to reach the callee and again for the answer.
public struct NetworkSpec: SpecDefaults, Equatable {
    /// What a call across a partition does.
    public enum PartitionMode: String, Codable, CaseIterable, Sendable {
        /// Fails with a connection error after `connectFailureDelay`.
        case fail
        /// Never answers: the caller waits for its timeout (a black hole).
        case hang
    }

    /// One-way latency within a region.
    public var latency: DurationDistributionSpec
    /// One-way latency between specific regions (symmetric).
    public var regions: [RegionLatencySpec]
    public var partitionMode: PartitionMode
    public var connectFailureDelay: SimTime

    public init(latency: DurationDistributionSpec = .constant(.zero), regions: [RegionLatencySpec] = [],
                partitionMode: PartitionMode = .fail, connectFailureDelay: SimTime = .ms(1)) {
        self.latency = latency
        self.regions = regions
        self.partitionMode = partitionMode
        self.connectFailureDelay = connectFailureDelay
    }

    public static let defaultValue = NetworkSpec()
}

/// Latency between two regions.
public struct RegionLatencySpec: SpecDefaults, Equatable {
    public var from: String
    public var to: String
    public var latency: DurationDistributionSpec

    public init(from: String = "", to: String = "", latency: DurationDistributionSpec = .constant(.ms(30))) {
        self.from = from
        self.to = to
        self.latency = latency
    }

    public static let defaultValue = RegionLatencySpec()
}

/// Bounds on one run; a run that hits one stops and says which (exit status 3).
public struct LimitsSpec: SpecDefaults, Equatable {
    public var maxEvents: Int
    /// Calls and attempts alive at once (memory is proportional to them).
    public var maxInFlight: Int
    public var maxPendingEvents: Int
    /// Maximum attempts per logical call, whatever a retry policy says.
    public var maxAttemptsPerCall: Int

    public init(maxEvents: Int = 2_000_000_000, maxInFlight: Int = 2_000_000, maxPendingEvents: Int = 10_000_000, maxAttemptsPerCall: Int = 10) {
        self.maxEvents = maxEvents
        self.maxInFlight = maxInFlight
        self.maxPendingEvents = maxPendingEvents
        self.maxAttemptsPerCall = maxAttemptsPerCall
    }

    public static let defaultValue = LimitsSpec()
}
