/// Netflix concurrency-limits `AIMDLimit`: additive increase, multiplicative decrease.
///
/// Each sample that is neither dropped nor slower than `rttTimeout` adds 1 to
/// the limit, but only while at least half the limit is in use (`inflight * 2
/// >= limit`), so an idle service does not inflate its limit. A drop, or an
/// RTT over `rttTimeout`, multiplies the limit by `backoffRatio` (truncated).
/// The result is kept within `[minLimit, maxLimit]`.
///
/// Defaults are `AIMDLimit.Builder`'s: initial 20, min 20, max 200, backoff 0.9, timeout 5 s.
public struct AIMDLimitConfig: ValidatedConfig {
    /// The limit before any sample.
    public var initialLimit: Int
    /// The limit never goes below this.
    public var minLimit: Int
    /// The limit never goes above this.
    public var maxLimit: Int
    /// Factor applied on a drop; Netflix requires 0.5 <= ratio < 1.
    public var backoffRatio: Double
    /// A sample slower than this counts as a drop.
    public var rttTimeout: Nanoseconds

    /// Netflix `AIMDLimit.newBuilder()` defaults.
    public init() {
        self.init(initialLimit: 20)
    }

    /// Every field explicit; unspecified ones take Netflix's defaults.
    public init(initialLimit: Int = 20, minLimit: Int = 20, maxLimit: Int = 200, backoffRatio: Double = 0.9,
                rttTimeout: Nanoseconds = .seconds(5)) {
        self.initialLimit = initialLimit
        self.minLimit = minLimit
        self.maxLimit = maxLimit
        self.backoffRatio = backoffRatio
        self.rttTimeout = rttTimeout
    }

    public func validate() throws(PolicyConfigError) {
        try AdaptiveLimitBounds.validate(initial: initialLimit, min: minLimit, max: maxLimit)
        try Check.that(backoffRatio.isFinite && backoffRatio >= 0.5 && backoffRatio < 1, "backoffRatio",
                       expected: "a number in 0.5..<1 (Netflix's precondition)", got: "\(backoffRatio)")
        try Check.positive(rttTimeout, "rttTimeout")
    }
}
