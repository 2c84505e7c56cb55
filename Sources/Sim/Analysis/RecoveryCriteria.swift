/// How recovery and metastability are judged.
///
/// Defaults: 3 sustained healthy windows; metastable when still unhealthy
/// 120 s after the fault is removed.
/// - 3 windows: one or two good windows can be luck (a half-open breaker's
///   trial calls succeeding while the dependency is still down); three in a row
///   rarely are, and at the usual 1 s window it adds little delay.
/// - 120 s: twice the longest common built-in timer of the reference policies
///   (Resilience4j's 60 s `waitDurationInOpenState`), so a breaker that simply
///   has not finished its wait is not mistaken for a self-sustaining failure.
public struct RecoveryCriteria: Sendable, Equatable {
    /// K: healthy windows in a row that count as recovered.
    public var sustainedHealthyWindows: Int
    /// Unhealthy for longer than this after the fault is removed = metastable.
    public var metastabilityThreshold: SimTime

    /// Criteria with the documented defaults unless given.
    public init(sustainedHealthyWindows: Int = 3, metastabilityThreshold: SimTime = .seconds(120)) {
        precondition(sustainedHealthyWindows >= 1, "sustainedHealthyWindows must be >= 1")
        precondition(metastabilityThreshold >= .zero, "metastabilityThreshold must be >= 0")
        self.sustainedHealthyWindows = sustainedHealthyWindows
        self.metastabilityThreshold = metastabilityThreshold
    }
}
