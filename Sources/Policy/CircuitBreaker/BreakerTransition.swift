/// One change of a breaker's state, with when and why.
public struct BreakerTransition: Equatable, Sendable, CustomStringConvertible {
    /// The state left.
    public var from: BreakerState
    /// The state entered.
    public var to: BreakerState
    /// When the change happened.
    public var at: Nanoseconds
    /// Why.
    public var cause: BreakerTransitionCause

    /// A transition value.
    public init(from: BreakerState, to: BreakerState, at: Nanoseconds, cause: BreakerTransitionCause) {
        self.from = from
        self.to = to
        self.at = at
        self.cause = cause
    }

    /// `closed -> open at 12.000s: failure rate 62.5% >= 50%`.
    public var description: String { "\(from.rawValue) -> \(to.rawValue) at \(at): \(cause)" }
}

/// Why a breaker changed state. Rates and thresholds are in percent.
public enum BreakerTransitionCause: Equatable, Sendable, CustomStringConvertible {
    /// Closed -> open: the window's failure rate reached the threshold.
    case failureRateExceeded(ratePercent: Double, thresholdPercent: Double)
    /// Closed -> open: the window's slow-call rate reached the threshold.
    case slowCallRateExceeded(ratePercent: Double, thresholdPercent: Double)
    /// Closed -> open (`.consecutiveFailures` mode): this many failures in a row.
    case consecutiveFailures(count: Int)
    /// Open -> half-open: `waitInOpen` has elapsed.
    case waitInOpenElapsed
    /// Half-open -> closed: the trial calls stayed below both thresholds.
    case halfOpenTrialsSucceeded(failureRatePercent: Double)
    /// Half-open -> open: the trial calls' failure rate reached the threshold.
    case halfOpenTrialsFailed(ratePercent: Double, thresholdPercent: Double)
    /// Half-open -> open: the trial calls' slow-call rate reached the threshold.
    case halfOpenTrialsSlow(ratePercent: Double, thresholdPercent: Double)
    /// Half-open -> open: `maxWaitInHalfOpen` passed before the trials finished.
    case maxWaitInHalfOpenElapsed
    /// An operator forced the state (`forceOpen`, `forceClosed`, `forceMetricsOnly`).
    case forced
    /// An operator reset the breaker to closed with an empty window.
    case reset

    /// A stable identifier for event logs: `failureRateExceeded`, `waitInOpenElapsed`, ...
    public var name: String {
        switch self {
        case .failureRateExceeded: "failureRateExceeded"
        case .slowCallRateExceeded: "slowCallRateExceeded"
        case .consecutiveFailures: "consecutiveFailures"
        case .waitInOpenElapsed: "waitInOpenElapsed"
        case .halfOpenTrialsSucceeded: "halfOpenTrialsSucceeded"
        case .halfOpenTrialsFailed: "halfOpenTrialsFailed"
        case .halfOpenTrialsSlow: "halfOpenTrialsSlow"
        case .maxWaitInHalfOpenElapsed: "maxWaitInHalfOpenElapsed"
        case .forced: "forced"
        case .reset: "reset"
        }
    }

    /// Human-readable: `failure rate 62.5% >= 50%`.
    public var description: String {
        switch self {
        case let .failureRateExceeded(rate, threshold):
            "failure rate \(Self.percent(rate)) >= \(Self.percent(threshold))"
        case let .slowCallRateExceeded(rate, threshold):
            "slow-call rate \(Self.percent(rate)) >= \(Self.percent(threshold))"
        case let .consecutiveFailures(count):
            "\(count) consecutive failures"
        case .waitInOpenElapsed:
            "wait in open elapsed"
        case let .halfOpenTrialsSucceeded(rate):
            "half-open trials succeeded (failure rate \(Self.percent(rate)))"
        case let .halfOpenTrialsFailed(rate, threshold):
            "half-open trials failed: failure rate \(Self.percent(rate)) >= \(Self.percent(threshold))"
        case let .halfOpenTrialsSlow(rate, threshold):
            "half-open trials slow: slow-call rate \(Self.percent(rate)) >= \(Self.percent(threshold))"
        case .maxWaitInHalfOpenElapsed:
            "max wait in half-open elapsed"
        case .forced:
            "forced"
        case .reset:
            "reset"
        }
    }

    /// A percentage with at most two decimals and no trailing `.0`: `62.5%`, `50%`, `66.67%`.
    static func percent(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return "\(Int64(rounded))%" }
        return "\(rounded)%"
    }
}
