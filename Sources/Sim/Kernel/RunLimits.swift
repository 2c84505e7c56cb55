/// Bounds on one run. Every run stops at one of these at the latest, so no
/// scenario can run forever or grow without bound; the bound that stopped it is
/// reported to the user (`StopReason.limit`).
public struct RunLimits: Sendable, Equatable {
    /// Events the engine may process.
    public var maxEvents: UInt64
    /// Simulated time after which the run stops (also bounds a run with no end time).
    public var maxSimTime: SimTime
    /// Events that may be pending at once: a proxy for memory held by the model.
    public var maxPendingEvents: Int

    public init(maxEvents: UInt64 = 2_000_000_000, maxSimTime: SimTime = .hours(24 * 7), maxPendingEvents: Int = 10_000_000) {
        self.maxEvents = maxEvents
        self.maxSimTime = maxSimTime
        self.maxPendingEvents = maxPendingEvents
    }

    public static let `default` = RunLimits()
}

/// Which limit stopped a run.
public enum RunLimit: Sendable, Equatable, CustomStringConvertible {
    case maxEvents(UInt64)
    case maxSimTime(SimTime)
    case maxPendingEvents(Int)
    /// A limit the model enforces itself (in-flight requests, queue memory...),
    /// with its name and bound, e.g. `("maxInFlightRequests", 1_000_000)`.
    case model(name: String, bound: Int64)

    public var description: String {
        switch self {
        case .maxEvents(let n): "maxEvents (\(n) events processed)"
        case .maxSimTime(let t): "maxSimTime (simulated time reached \(t))"
        case .maxPendingEvents(let n): "maxPendingEvents (\(n) events pending at once)"
        case .model(let name, let bound): "\(name) (bound \(bound))"
        }
    }
}

/// Why `Engine.run` returned.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    /// The requested end time was reached; later events stay pending.
    case reachedEndTime
    /// No events were left.
    case queueEmpty
    /// A limit stopped the run early: results are partial and must say so.
    case limit(RunLimit)

    public var description: String {
        switch self {
        case .reachedEndTime: "reached end time"
        case .queueEmpty: "no events left"
        case .limit(let limit): "stopped by limit \(limit)"
        }
    }

    /// `true` when a limit cut the run short.
    public var isLimit: Bool {
        if case .limit = self { return true }
        return false
    }
}
