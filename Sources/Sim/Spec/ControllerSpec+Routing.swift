/// The `routing` block of an adaptive router: weights that follow observed health.
///
/// Each evaluation scores every target from its telemetry:
/// `score = successRatio^gain` (signal `successRatio`),
/// `(best p99 / p99)^gain` (signal `latency`), or their product (`both`);
/// a target with fewer than `minimumRequests` in the window is scored 1 (no
/// bad news). The goal weights are the scores' shares (at least
/// `minWeightPercent` each); then
/// - damping: new = old + (1 - damping) x (goal - old), an EWMA of the weights;
/// - hysteresis: nothing changes unless some weight moves by at least `hysteresisPercent` points;
/// - cooldown: nothing changes within `cooldown` of the last applied change;
/// - minimum evaluation window: no judgement until the telemetry covers at
///   least `minimumEvaluationWindow` of data gathered after the last applied
///   change (so a decision never judges the weights before last).
/// With the defaults (no damping, no hysteresis, no cooldown) it reacts at
/// once to whatever it sees: under telemetry lag, the textbook flip-flop.
public struct AdaptiveRoutingSpec: SpecDefaults, Equatable {
    /// What a target is scored on: success ratio, p99 latency relative to the best target, or both.
    public enum Signal: String, Codable, CaseIterable, Sendable {
        case successRatio, latency, both
    }

    /// For a client target: the services to spread its requests over (its own
    /// target is always the first; list the others). Empty for a service target
    /// (its versions are the targets).
    public var services: [String]
    /// Time between evaluations (default 10s).
    public var interval: SimTime
    /// What the scores are computed from.
    public var signal: Signal
    /// Exponent on the scores: 1 is proportional, large values send nearly
    /// everything to the best-looking target.
    public var gain: Double
    /// Fraction of the old weight kept per evaluation, 0 (none) to below 1.
    public var damping: Double
    /// No change unless some weight moves at least this many percentage points.
    public var hysteresisPercent: Double
    /// No change within this long of the last applied one.
    public var cooldown: SimTime
    /// No judgement until this much data gathered after the last applied change has arrived.
    public var minimumEvaluationWindow: SimTime
    /// Requests a target needs in the window to be judged.
    public var minimumRequests: Int
    /// The least weight any target keeps, in percent.
    public var minWeightPercent: Double

    /// A routing block; the defaults react at once (no damping, hysteresis, cooldown or minimum window).
    public init(services: [String] = .init(), interval: SimTime = .seconds(10), signal: Signal = .successRatio, gain: Double = 1,
                damping: Double = 0, hysteresisPercent: Double = 0, cooldown: SimTime = .zero,
                minimumEvaluationWindow: SimTime = .zero, minimumRequests: Int = 20, minWeightPercent: Double = 0) {
        self.services = services
        self.interval = interval
        self.signal = signal
        self.gain = gain
        self.damping = damping
        self.hysteresisPercent = hysteresisPercent
        self.cooldown = cooldown
        self.minimumEvaluationWindow = minimumEvaluationWindow
        self.minimumRequests = minimumRequests
        self.minWeightPercent = minWeightPercent
    }

    public static let defaultValue = AdaptiveRoutingSpec()
}
