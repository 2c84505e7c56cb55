/// Netflix concurrency-limits `Gradient2Limit`: follows the ratio of a long-term
/// average RTT to the latest RTT.
///
/// Per sample: the long RTT is an exponential average over `longWindow`
/// samples (a plain mean for the first 10); if it is more than twice the
/// latest RTT it is cut by 5% (latency has recovered after a long overload and
/// the average would otherwise lag for minutes). While less than half the
/// limit is in use the limit is left alone. Otherwise
/// `gradient = max(0.5, min(1, rttTolerance * longRtt / rtt))`,
/// `new = limit * gradient + queueSize`, smoothed as
/// `limit * (1 - smoothing) + new * smoothing` and kept within `[minLimit, maxLimit]`.
/// Drops do not enter the formula (Netflix ignores `didDrop` here); a dropped
/// request's RTT still does.
///
/// Defaults are `Gradient2Limit.Builder`'s: initial 20, min 20, max 200,
/// smoothing 0.2, queueSize 4, longWindow 600, rttTolerance 1.5.
public struct Gradient2LimitConfig: ValidatedConfig {
    /// The limit before any sample.
    public var initialLimit: Int
    /// The limit never goes below this.
    public var minLimit: Int
    /// The limit never goes above this (Netflix `maxConcurrency`).
    public var maxLimit: Int
    /// Weight of the new estimate, in (0, 1]; 1 replaces the limit outright.
    public var smoothing: Double
    /// How far the limit may grow per update while latency stays low. Netflix's
    /// builder takes a function of the limit but defaults to the constant 4.
    public var queueSize: Int
    /// Samples in the long-term exponential RTT average (factor 2 / (longWindow + 1)).
    public var longWindow: Int
    /// How much slower than the long-term average an RTT may be before the
    /// limit shrinks (>= 1; 1.5 tolerates a 50% rise).
    public var rttTolerance: Double

    /// Netflix `Gradient2Limit.newDefault()`.
    public init() {
        self.init(initialLimit: 20)
    }

    /// Every field explicit; unspecified ones take Netflix's defaults.
    public init(initialLimit: Int = 20, minLimit: Int = 20, maxLimit: Int = 200, smoothing: Double = 0.2,
                queueSize: Int = 4, longWindow: Int = 600, rttTolerance: Double = 1.5) {
        self.initialLimit = initialLimit
        self.minLimit = minLimit
        self.maxLimit = maxLimit
        self.smoothing = smoothing
        self.queueSize = queueSize
        self.longWindow = longWindow
        self.rttTolerance = rttTolerance
    }

    public func validate() throws(PolicyConfigError) {
        try AdaptiveLimitBounds.validate(initial: initialLimit, min: minLimit, max: maxLimit)
        try AdaptiveLimitBounds.validate(smoothing: smoothing)
        try Check.nonNegative(queueSize, "queueSize")
        try Check.positive(longWindow, "longWindow")
        try Check.that(rttTolerance.isFinite && rttTolerance >= 1, "rttTolerance",
                       expected: "a number >= 1 (Netflix's precondition)", got: "\(rttTolerance)")
    }
}
