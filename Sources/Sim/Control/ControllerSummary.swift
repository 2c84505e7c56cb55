/// What one controller did in a run, for reports, expectations and tests
/// (the event log has every decision; this is the tally).
public struct ControllerSummary: Sendable, Equatable {
    /// The controller's name.
    public var name: String
    /// Which loop it is.
    public var kind: ControllerSpec.Kind
    /// What it acts on or watches, as events name it (`service:api`, `client:web`).
    public var target: String
    /// When it began evaluating.
    public var start: SimTime
    /// Evaluations that decided something (holds included).
    public var decisions: Int
    /// Evaluations skipped while the control plane was down.
    public var skipped: Int
    /// Changes that reached the system (for an autoscaler: scale events).
    public var actionsApplied: Int
    /// Actions that reached a control plane that was down.
    public var actionsLost: Int
    /// Actions not applied because a higher-priority controller held the target.
    public var actionsYielded: Int
    /// Applied changes that reversed another controller's recent change.
    public var conflicts: Int
    /// Scrapes (one per source) lost to the telemetry's `lossPercent`.
    public var scrapesLost: Int
    /// For a canary: how the rollout ended.
    public var canary: CanaryOutcome?

    /// A tally; counts not given are 0.
    public init(name: String, kind: ControllerSpec.Kind, target: String, start: SimTime, decisions: Int = 0, skipped: Int = 0,
                actionsApplied: Int = 0, actionsLost: Int = 0, actionsYielded: Int = 0, conflicts: Int = 0, scrapesLost: Int = 0,
                canary: CanaryOutcome? = nil) {
        self.name = name
        self.kind = kind
        self.target = target
        self.start = start
        self.decisions = decisions
        self.skipped = skipped
        self.actionsApplied = actionsApplied
        self.actionsLost = actionsLost
        self.actionsYielded = actionsYielded
        self.conflicts = conflicts
        self.scrapesLost = scrapesLost
        self.canary = canary
    }

    /// The entity its figures are reported under: `controller:NAME`.
    public var entity: String { "controller:\(name)" }
}

/// How a canary rollout went, measured on the truth (not telemetry).
public struct CanaryOutcome: Sendable, Equatable {
    /// `progressing` (still running at the end), `paused`, `promoted` or `rolledBack`.
    public var phase: CanaryPhase
    /// The canary version, as events name it (`version:api@v2`).
    public var version: String
    /// When the rollout began (the controller's start).
    public var startedAt: SimTime
    /// When the promotion or rollback took effect (nil if it never did).
    public var finishedAt: SimTime?
    /// The first analysis that saw a breach.
    public var firstBreachSeenAt: SimTime?
    /// Requests the canary version finished from the start until `finishedAt`
    /// (or the end of the run): the exposure; and how many of them failed.
    public var exposedRequests: Double
    /// Of `exposedRequests`, the failed ones.
    public var exposedFailures: Double

    /// An outcome as the World measured it.
    public init(phase: CanaryPhase, version: String, startedAt: SimTime, finishedAt: SimTime?, firstBreachSeenAt: SimTime?,
                exposedRequests: Double, exposedFailures: Double) {
        self.phase = phase
        self.version = version
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.firstBreachSeenAt = firstBreachSeenAt
        self.exposedRequests = exposedRequests
        self.exposedFailures = exposedFailures
    }

    /// Whether the rollout ended in a rollback that took effect.
    public var rolledBack: Bool { phase == .rolledBack && finishedAt != nil }
}
