/// When a circuit breaker opens, how long it stays open, and how it probes recovery.
///
/// The semantics are Resilience4j's `CircuitBreakerConfig` (the most detailed
/// published breaker); Hystrix and Polly v8 are expressed as presets of the
/// same fields. Two trip rules are offered: Resilience4j's failure-rate and
/// slow-call-rate over a sliding window, and a plain count of consecutive
/// failures (Polly's classic breaker, gobreaker's default).
///
/// `init()` is Resilience4j's `CircuitBreakerConfig.ofDefaults()`.
public struct CircuitBreakerConfig: ValidatedConfig {
    /// What trips a closed breaker.
    public enum Mode: String, Codable, CaseIterable, Sendable {
        /// Failure rate or slow-call rate over the sliding window reaches its threshold.
        case slidingWindow
        /// `consecutiveFailureThreshold` recorded failures in a row (successes reset the count).
        case consecutiveFailures
    }

    /// How the closed state's sliding window is measured.
    public enum SlidingWindowType: String, Codable, CaseIterable, Sendable {
        /// The last `slidingWindowSize` calls.
        case countBased
        /// The calls of the last `slidingWindowSize` seconds, in one-second buckets.
        case timeBased
    }

    /// The trip rule of the closed state.
    public var mode: Mode
    /// Count-based or time-based window (`.slidingWindow` mode trips on it; both modes report it).
    public var slidingWindowType: SlidingWindowType
    /// Calls (count-based) or whole seconds (time-based) in the window.
    public var slidingWindowSize: Int
    /// No rate is computed (and the breaker cannot trip on a rate) until this many
    /// calls are in the window. Count-based windows use `min(this, slidingWindowSize)`.
    public var minimumNumberOfCalls: Int
    /// Open when the failure rate is at least this, in percent (0 < x <= 100).
    public var failureRateThresholdPercent: Double
    /// Open when the share of slow calls is at least this, in percent (0 < x <= 100).
    public var slowCallRateThresholdPercent: Double
    /// A call that takes longer than this (strictly) is slow. `.max` = no call is slow.
    public var slowCallDuration: Nanoseconds
    /// How long an open breaker rejects before it lets trial calls through.
    public var waitInOpen: Nanoseconds
    /// Trial calls admitted in half-open; the breaker decides once all have finished.
    public var permittedCallsInHalfOpen: Int
    /// The longest the breaker stays half-open before reopening. `.zero` = wait
    /// for the trial calls however long they take (Resilience4j's default).
    public var maxWaitInHalfOpen: Nanoseconds
    /// Move to half-open when `waitInOpen` elapses (a timer) rather than on the
    /// first call attempted after it.
    public var automaticTransitionFromOpenToHalfOpen: Bool
    /// `.consecutiveFailures` mode: failures in a row that open the breaker.
    public var consecutiveFailureThreshold: Int
    /// Outcomes that count as failures. Other outcomes count as successes, as
    /// Resilience4j counts unrecorded exceptions; `rejected` (never sent) is never
    /// recorded at all and returns its half-open permit. `success` is not allowed.
    public var recordedFailures: OutcomeClassSet

    /// Every failure class except `rejected`: Resilience4j records every exception by default.
    public static let resilience4jRecordedFailures: OutcomeClassSet = [
        .timeout, .serverError, .overloaded, .throttled, .connectionError, .clientError,
    ]

    /// Resilience4j `CircuitBreakerConfig.ofDefaults()`: count window of 100 calls,
    /// minimum 100, 50% failures or 100% slow calls (> 60 s) open it for 60 s, then
    /// 10 trial calls; no half-open time limit; no automatic transition.
    public init() {
        self.init(mode: .slidingWindow)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    /// `consecutiveFailureThreshold` 5 is FaultSim's own default (Resilience4j has no such rule).
    public init(mode: Mode = .slidingWindow, slidingWindowType: SlidingWindowType = .countBased,
                slidingWindowSize: Int = 100, minimumNumberOfCalls: Int = 100,
                failureRateThresholdPercent: Double = 50, slowCallRateThresholdPercent: Double = 100,
                slowCallDuration: Nanoseconds = .seconds(60), waitInOpen: Nanoseconds = .seconds(60),
                permittedCallsInHalfOpen: Int = 10, maxWaitInHalfOpen: Nanoseconds = .zero,
                automaticTransitionFromOpenToHalfOpen: Bool = false, consecutiveFailureThreshold: Int = 5,
                recordedFailures: OutcomeClassSet = CircuitBreakerConfig.resilience4jRecordedFailures) {
        self.mode = mode
        self.slidingWindowType = slidingWindowType
        self.slidingWindowSize = slidingWindowSize
        self.minimumNumberOfCalls = minimumNumberOfCalls
        self.failureRateThresholdPercent = failureRateThresholdPercent
        self.slowCallRateThresholdPercent = slowCallRateThresholdPercent
        self.slowCallDuration = slowCallDuration
        self.waitInOpen = waitInOpen
        self.permittedCallsInHalfOpen = permittedCallsInHalfOpen
        self.maxWaitInHalfOpen = maxWaitInHalfOpen
        self.automaticTransitionFromOpenToHalfOpen = automaticTransitionFromOpenToHalfOpen
        self.consecutiveFailureThreshold = consecutiveFailureThreshold
        self.recordedFailures = recordedFailures
    }

    /// The largest window: storage is allocated up front, so it is bounded
    /// (a million calls, or one day of one-second buckets).
    public static let maxCountWindowCalls = 1_000_000
    /// The largest time-based window, in seconds (one day).
    public static let maxTimeWindowSeconds = 86_400

    /// The minimum number of calls actually applied: Resilience4j clamps it to
    /// the window size for count-based windows (a window of 10 calls can never
    /// hold 100), and leaves it alone for time-based ones.
    public var effectiveMinimumNumberOfCalls: Int {
        slidingWindowType == .countBased ? Swift.min(minimumNumberOfCalls, slidingWindowSize) : minimumNumberOfCalls
    }

    /// Rejects empty or oversized windows, thresholds outside (0, 100], non-positive
    /// durations, zero permits or thresholds, and `success` as a failure.
    public func validate() throws(PolicyConfigError) {
        let maxSize = slidingWindowType == .countBased ? Self.maxCountWindowCalls : Self.maxTimeWindowSeconds
        try Check.inRange(slidingWindowSize, 1...maxSize, "slidingWindowSize")
        try Check.positive(minimumNumberOfCalls, "minimumNumberOfCalls")
        try Self.checkThreshold(failureRateThresholdPercent, "failureRateThresholdPercent")
        try Self.checkThreshold(slowCallRateThresholdPercent, "slowCallRateThresholdPercent")
        try Check.positive(slowCallDuration, "slowCallDuration")
        try Check.positive(waitInOpen, "waitInOpen")
        try Check.positive(permittedCallsInHalfOpen, "permittedCallsInHalfOpen")
        try Check.nonNegative(maxWaitInHalfOpen, "maxWaitInHalfOpen")
        try Check.positive(consecutiveFailureThreshold, "consecutiveFailureThreshold")
        try Check.that(!recordedFailures.contains(.success), "recordedFailures", expected: "failure classes only", got: "success")
    }

    /// Resilience4j requires thresholds in (0, 100]: 0 would open on the first call.
    static func checkThreshold(_ value: Double, _ field: String) throws(PolicyConfigError) {
        try Check.that(value.isFinite && value > 0 && value <= 100, field,
                       expected: "a percentage in (0, 100]", got: "\(value)")
    }
}
