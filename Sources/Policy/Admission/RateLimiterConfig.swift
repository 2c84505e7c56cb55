/// A token bucket: how many permits per period, how many may be saved up, how
/// they come back, and how long a caller may wait for one.
///
/// The rate is `limitForPeriod` permits every `refreshPeriod` (Resilience4j's
/// spelling), or `rateRps` when that is non-zero (a token-bucket user's
/// spelling). Both are turned into an exact integer ratio of tokens per
/// nanoseconds, so the bucket never drifts by rounding.
///
/// `init()` is Resilience4j's `RateLimiterConfig.ofDefaults()`: 50 permits every
/// 500 ns, refreshed periodically, a caller waits up to 5 s.
public struct RateLimiterConfig: ValidatedConfig {
    /// How spent permits come back.
    public enum Refill: String, Codable, CaseIterable, Sendable {
        /// A classic token bucket: permits trickle back at a steady rate
        /// (one every `refreshPeriod / limitForPeriod`), up to `burst`.
        case continuous
        /// Resilience4j's `AtomicRateLimiter`: time is cut into cycles of
        /// `refreshPeriod` counted from the limiter's start; at each cycle boundary
        /// `limitForPeriod` permits are added, up to `burst`. Between boundaries
        /// nothing comes back.
        case periodic
    }

    /// Permits added per `refreshPeriod` (Resilience4j `limitForPeriod`). Ignored when `rateRps > 0`.
    public var limitForPeriod: Int
    /// The period over which `limitForPeriod` permits come back (Resilience4j `limitRefreshPeriod`).
    /// Ignored when `rateRps > 0`.
    public var refreshPeriod: Nanoseconds
    /// Permits per second; `0` means "use `limitForPeriod` per `refreshPeriod`".
    /// Exact to 0.001 rps: the rate becomes `round(rateRps * 1000)` permits per
    /// 1000 s, reduced (100 rps is 100 per 1 s, 2.5 rps is 5 per 2 s).
    public var rateRps: Double
    /// Bucket capacity: the most permits that can be saved up and spent at once.
    /// Resilience4j's bucket holds exactly `limitForPeriod`.
    public var burst: Int
    /// How permits come back.
    public var refill: Refill
    /// The longest a caller may wait for a permit (Resilience4j `timeoutDuration`).
    /// A request that would wait longer is rejected and takes nothing; one that
    /// waits at most this long reserves its permits at once and proceeds later.
    /// `0` means never wait.
    public var maxWait: Nanoseconds

    /// Resilience4j's defaults: 50 permits per 500 ns, periodic, burst 50, wait up to 5 s.
    public init() {
        self.init(limitForPeriod: 50, refreshPeriod: .ns(500), rateRps: 0, burst: 50, refill: .periodic, maxWait: .seconds(5))
    }

    /// Every field explicit; unspecified ones take the `init()` (Resilience4j) values.
    public init(limitForPeriod: Int = 50, refreshPeriod: Nanoseconds = .ns(500), rateRps: Double = 0,
                burst: Int = 50, refill: Refill = .periodic, maxWait: Nanoseconds = .seconds(5)) {
        self.limitForPeriod = limitForPeriod
        self.refreshPeriod = refreshPeriod
        self.rateRps = rateRps
        self.burst = burst
        self.refill = refill
        self.maxWait = maxWait
    }

    /// A continuous token bucket of `rateRps` permits per second holding up to `burst`.
    public static func tokenBucket(rateRps: Double, burst: Int, maxWait: Nanoseconds = .zero) -> RateLimiterConfig {
        RateLimiterConfig(rateRps: rateRps, burst: burst, refill: .continuous, maxWait: maxWait)
    }

    /// The rate the limiter actually runs: `tokens` permits every `periodNs`
    /// nanoseconds, in lowest terms when derived from `rateRps`.
    public var effectiveRate: (tokens: Int64, periodNs: Int64) {
        guard rateRps > 0 else { return (Int64(limitForPeriod), refreshPeriod.ns) }
        // Milli-permits per second = permits per 1000 s; reduce by the common
        // factor with 1000 so the period stays a whole number of seconds.
        let milli = Int64((rateRps * 1000).rounded())
        let common = Self.gcd(milli, 1000)
        return (milli / common, (1000 / common) * 1_000_000_000)
    }

    /// The permits per second `effectiveRate` stands for (telemetry, docs).
    public var permitsPerSecond: Double {
        let rate = effectiveRate
        return Double(rate.tokens) * 1e9 / Double(rate.periodNs)
    }

    public func validate() throws(PolicyConfigError) {
        try Check.that(rateRps.isFinite && (rateRps == 0 || (rateRps >= 0.001 && rateRps <= 1e12)), "rateRps",
                       expected: "0 (use limitForPeriod) or a rate in 0.001...1e12 permits per second", got: "\(rateRps)")
        if rateRps == 0 {
            try Check.positive(limitForPeriod, "limitForPeriod")
            try Check.positive(refreshPeriod, "refreshPeriod")
        }
        try Check.positive(burst, "burst")
        try Check.nonNegative(maxWait, "maxWait")
        // The bucket counts in units of 1/periodNs permit; its capacity must fit in Int64.
        let (_, overflow) = Int64(burst).multipliedReportingOverflow(by: effectiveRate.periodNs)
        try Check.that(!overflow, "burst", expected: "burst * period to fit in 64-bit nanoseconds (a smaller burst or a shorter period)",
                       got: "\(burst) permits with a \(Nanoseconds(ns: effectiveRate.periodNs).unitString) period")
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
