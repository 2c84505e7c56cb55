/// What one controller did in a run, for tests and reports (the event log
/// has every decision; this is the tally).
public struct ControllerSummary: Sendable, Equatable {
    public var name: String
    public var kind: ControllerSpec.Kind
    /// Evaluations that decided something (holds included).
    public var decisions: Int
    /// Evaluations skipped while the control plane was down.
    public var skipped: Int
    public var actionsApplied: Int
    /// Actions that reached a control plane that was down.
    public var actionsLost: Int
    /// Actions not applied because a higher-priority controller held the target.
    public var actionsYielded: Int
    /// Applied changes that reversed another controller's recent change.
    public var conflicts: Int
    public var scrapesLost: Int
    /// For a canary: how the rollout ended.
    public var canary: CanaryOutcome?
}

/// How a canary rollout went, measured on the truth (not telemetry).
public struct CanaryOutcome: Sendable, Equatable {
    /// `progressing` (still running at the end), `paused`, `promoted` or `rolledBack`.
    public var phase: CanaryPhase
    /// When the rollout began (the controller's start).
    public var startedAt: SimTime
    /// When the promotion or rollback took effect (nil if it never did).
    public var finishedAt: SimTime?
    /// The first analysis that saw a breach.
    public var firstBreachSeenAt: SimTime?
    /// Requests the canary version finished from the start until `finishedAt`
    /// (or the end of the run): the exposure; and how many of them failed.
    public var exposedRequests: Double
    public var exposedFailures: Double
}
