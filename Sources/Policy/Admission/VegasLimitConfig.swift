/// Netflix concurrency-limits `VegasLimit`: TCP Vegas applied to requests.
///
/// Keeps the smallest RTT seen (`rtt_noload`) and estimates the queue as
/// `ceil(limit * (1 - rtt_noload / rtt))`. With `L = log10(limit)` as Netflix's
/// `Log10RootFunction` computes it (`max(1, floor(log10(limit)))`): a drop
/// subtracts `L`; otherwise, while at least half the limit is in use, a queue
/// of at most `L` adds `betaLog10Multiplier * L` ("no queueing, grow fast"), a
/// queue below `alphaLog10Multiplier * L` adds `L`, a queue above
/// `betaLog10Multiplier * L` subtracts `L`, and anything between leaves the
/// limit alone. The result is kept within `[minLimit, maxLimit]` and smoothed.
/// Every `probeMultiplier * limit` samples (times a random jitter in [0.5, 1))
/// the next RTT replaces `rtt_noload`, so a permanently changed base latency
/// is noticed.
///
/// Defaults are `VegasLimit.Builder`'s: initial 20, max 1000, smoothing 1,
/// alpha 3 L, beta 6 L, probeMultiplier 30. Netflix has no minimum other than 1.
public struct VegasLimitConfig: ValidatedConfig {
    /// The limit before any sample.
    public var initialLimit: Int
    /// The limit never goes below this (Netflix: 1).
    public var minLimit: Int
    /// The limit never goes above this (Netflix `maxConcurrency`).
    public var maxLimit: Int
    /// Weight of the new estimate, in (0, 1]; Netflix's default 1 applies it outright.
    public var smoothing: Double
    /// Probe for a new no-load RTT every `probeMultiplier * limit` samples (times jitter).
    public var probeMultiplier: Int
    /// alpha = this * L: below it the queue is small enough to grow by L.
    public var alphaLog10Multiplier: Int
    /// beta = this * L: above it the queue is too long and the limit shrinks by L.
    public var betaLog10Multiplier: Int

    /// Netflix `VegasLimit.newDefault()`.
    public init() {
        self.init(initialLimit: 20)
    }

    /// Every field explicit; unspecified ones take Netflix's defaults.
    public init(initialLimit: Int = 20, minLimit: Int = 1, maxLimit: Int = 1000, smoothing: Double = 1,
                probeMultiplier: Int = 30, alphaLog10Multiplier: Int = 3, betaLog10Multiplier: Int = 6) {
        self.initialLimit = initialLimit
        self.minLimit = minLimit
        self.maxLimit = maxLimit
        self.smoothing = smoothing
        self.probeMultiplier = probeMultiplier
        self.alphaLog10Multiplier = alphaLog10Multiplier
        self.betaLog10Multiplier = betaLog10Multiplier
    }

    public func validate() throws(PolicyConfigError) {
        try AdaptiveLimitBounds.validate(initial: initialLimit, min: minLimit, max: maxLimit)
        try AdaptiveLimitBounds.validate(smoothing: smoothing)
        try Check.positive(probeMultiplier, "probeMultiplier")
        try Check.positive(alphaLog10Multiplier, "alphaLog10Multiplier")
        try Check.that(betaLog10Multiplier >= alphaLog10Multiplier, "betaLog10Multiplier",
                       expected: "an integer >= alphaLog10Multiplier (\(alphaLog10Multiplier))", got: "\(betaLog10Multiplier)")
    }
}
