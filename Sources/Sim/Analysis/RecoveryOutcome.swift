/// When (and whether) the system became healthy again, measured from a
/// reference time (the fault's start for MTTR, its end for recovery after removal).
public enum RecoveryOutcome: Sendable, Equatable {
    /// The fault never made a window unhealthy: nothing to recover from.
    case neverUnhealthy
    /// A sustained healthy stretch began at `at`, `after` the reference time
    /// (never negative).
    case recovered(at: SimTime, after: SimTime)
    /// No sustained healthy stretch before the end of the run.
    case notRecovered

    /// The elapsed time if recovered, nil otherwise.
    public var elapsed: SimTime? {
        if case .recovered(_, let after) = self { return after }
        return nil
    }
}

/// Whether the system stayed broken after the trigger was gone.
///
/// A metastable failure sustains itself: retries, queues or cold caches keep
/// the system overloaded after the fault that started it is removed.
public enum Metastability: Sendable, Equatable {
    /// Recovered within the threshold after the fault was removed (or was never hurt).
    case notMetastable
    /// Still unhealthy `unhealthyAfterRemoval` after the fault was removed
    /// (more than the threshold); `recovered` says whether it came back later.
    case metastable(unhealthyAfterRemoval: SimTime, recovered: Bool)
    /// Unhealthy when the run ended, but the run ended less than the threshold
    /// after the fault was removed: too short to tell. Lengthen the scenario.
    case undetermined(observedAfterRemoval: SimTime)
    /// The fault was still active at the end of the run.
    case faultNotRemoved

    /// True only for a definite `metastable` verdict.
    public var isMetastable: Bool {
        if case .metastable = self { return true }
        return false
    }
}

/// Everything the recovery analysis found for one fault.
public struct FaultRecovery: Sendable, Equatable {
    /// The fault this is about.
    public var fault: FaultSpan
    /// Start of the first unhealthy window at or after the fault's start.
    public var firstUnhealthyAt: SimTime?
    /// Measured from the fault's start: `after` is the time to recover (MTTR
    /// for this fault).
    public var recovery: RecoveryOutcome
    /// Measured from the fault's end; nil when the fault outlived the run.
    public var recoveryAfterRemoval: RecoveryOutcome?
    /// Whether the system stayed broken after the fault was removed.
    public var metastability: Metastability

    /// A result as computed by `HealthTimeline.recovery(from:criteria:)`.
    public init(fault: FaultSpan, firstUnhealthyAt: SimTime?, recovery: RecoveryOutcome,
                recoveryAfterRemoval: RecoveryOutcome?, metastability: Metastability) {
        self.fault = fault
        self.firstUnhealthyAt = firstUnhealthyAt
        self.recovery = recovery
        self.recoveryAfterRemoval = recoveryAfterRemoval
        self.metastability = metastability
    }
}
