/// What a canary analysis decided, with the numbers behind it.
///
/// `advance`, `promote`, `pause` and `rollback` change the rollout (log them as
/// events); `hold` changes nothing.
public enum CanaryDecision: Equatable, Sendable, CustomStringConvertible {
    /// Stay at the current weight.
    case hold(CanaryHoldReason)
    /// The step's hold passed with no breach standing: set the canary's weight to `toWeightPercent`.
    case advance(toWeightPercent: Double, analysis: CanaryAnalysis)
    /// The last step's hold passed with no breach standing: the canary takes 100 %. Final.
    case promote(analysis: CanaryAnalysis)
    /// The rollout stopped until `resume(now:)`.
    case pause(CanaryPauseReason)
    /// The canary's weight goes to 0. Final.
    case rollback(CanaryRollbackReason)

    /// A stable identifier for event logs: `hold`, `advance`, `promote`, `pause`, `rollback`.
    public var name: String {
        switch self {
        case .hold: "hold"
        case .advance: "advance"
        case .promote: "promote"
        case .pause: "pause"
        case .rollback: "rollback"
        }
    }

    /// Whether the decision changes the rollout (anything but `hold`).
    public var isTransition: Bool {
        if case .hold = self { return false }
        return true
    }

    /// The analysis behind the decision, when there was one.
    public var analysis: CanaryAnalysis? {
        switch self {
        case let .hold(reason): reason.analysis
        case let .advance(_, analysis), let .promote(analysis): analysis
        case .pause: nil
        case let .rollback(.sustainedBreach(_, analysis)): analysis
        }
    }

    /// `advance to 25%: canary 0.5% vs baseline 0.4% ...`.
    public var description: String {
        switch self {
        case let .hold(reason): "hold: \(reason)"
        case let .advance(weight, analysis): "advance to \(weight)%: \(analysis)"
        case let .promote(analysis): "promote: \(analysis)"
        case let .pause(reason): "pause: \(reason)"
        case let .rollback(reason): "rollback: \(reason)"
        }
    }
}

/// Why a canary holds its weight.
public enum CanaryHoldReason: Equatable, Sendable, CustomStringConvertible {
    /// Less than `analysisInterval` since the last analysis; the next is due at `nextAt`.
    case notDue(nextAt: Nanoseconds)
    /// Too few requests on one side to judge (`onInsufficientSample: hold`).
    case insufficientSample(CanarySample)
    /// Healthy, but the step's hold has `remaining` to run.
    case stepHolding(remaining: Nanoseconds, analysis: CanaryAnalysis)
    /// A breach has stood since `since`; rollback in `remaining` if it persists.
    case breachPending(since: Nanoseconds, remaining: Nanoseconds, analysis: CanaryAnalysis)
    /// Paused, awaiting `resume(now:)`; `analysis` is nil when the sample was too small.
    case paused(analysis: CanaryAnalysis?)
    /// The rollout is over (promoted or rolled back).
    case finished

    /// The analysis behind the hold, when there was one.
    public var analysis: CanaryAnalysis? {
        switch self {
        case let .stepHolding(_, analysis), let .breachPending(_, _, analysis): analysis
        case let .paused(analysis): analysis
        case .notDue, .insufficientSample, .finished: nil
        }
    }

    /// Human-readable, for logs.
    public var description: String {
        switch self {
        case let .notDue(nextAt): "not due until \(nextAt)"
        case let .insufficientSample(sample): "insufficient sample: \(sample)"
        case let .stepHolding(remaining, analysis): "step holding for \(remaining): \(analysis)"
        case let .breachPending(since, remaining, analysis): "breach since \(since), rollback in \(remaining): \(analysis)"
        case let .paused(analysis): "paused" + (analysis.map { ": \($0)" } ?? "")
        case .finished: "finished"
        }
    }
}

/// Why a canary paused.
public enum CanaryPauseReason: Equatable, Sendable, CustomStringConvertible {
    /// Too few requests on one side to judge (`onInsufficientSample: pause`).
    case insufficientSample(CanarySample)

    /// Human-readable, for logs.
    public var description: String {
        switch self {
        case let .insufficientSample(sample): "insufficient sample: \(sample)"
        }
    }
}

/// Why a canary rolled back.
public enum CanaryRollbackReason: Equatable, Sendable, CustomStringConvertible {
    /// A breach stood from `since` for at least `failureHold`; `analysis` is the last one.
    case sustainedBreach(since: Nanoseconds, analysis: CanaryAnalysis)

    /// Human-readable, for logs.
    public var description: String {
        switch self {
        case let .sustainedBreach(since, analysis): "breach sustained since \(since): \(analysis)"
        }
    }
}
