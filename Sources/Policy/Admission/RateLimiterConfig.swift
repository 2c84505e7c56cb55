/// A token bucket: how fast permits come back, how many may be saved up, and
/// how long a caller may wait for one.
///
/// `refill` picks the model and the fields it reads:
/// - `.continuous` (a classic token bucket, Envoy's local rate limit, Guava):
///   `rateRps` permits a second trickle back, up to `burst`.
/// - `.periodic` (Resilience4j's `AtomicRateLimiter`): time is cut into cycles
///   of `refreshPeriod` counted from the limiter's start; at each boundary
///   `limitForPeriod` permits are added, up to `limitForPeriod` (unused permits
///   do not pile up).
/// Either way the rate becomes an exact integer ratio of permits per
/// nanoseconds, so the bucket never drifts by rounding.
///
/// `init()` is a continuous bucket of 100 rps, burst 100, no waiting: no
/// reference library has a default token-bucket rate, so this is ours. The
/// periodic fields hold Resilience4j's defaults (50 per 500 ns), so switching
/// `refill` to `.periodic` gives its cycle; `preset(.resilience4j)` also sets
/// its 5 s wait.
public struct RateLimiterConfig: ValidatedConfig {
    /// How spent permits come back.
    public enum Refill: String, Codable, CaseIterable, Sendable {
        /// Steadily, `rateRps` a second, up to `burst`.
        case continuous
        /// `limitForPeriod` at each `refreshPeriod` boundary, up to `limitForPeriod` (Resilience4j).
        case periodic
    }

    /// The refill model.
    public var refill: Refill
    /// `.continuous`: permits per second, exact to 0.001 rps (the rate becomes
    /// `round(rateRps * 1000)` permits per 1000 s in lowest terms: 100 rps is
    /// 100 per 1 s, 2.5 rps is 5 per 2 s).
    public var rateRps: Double
    /// `.continuous`: bucket capacity, the most permits that can be spent at once.
    public var burst: Int
    /// `.periodic`: permits added at each boundary, and the bucket capacity
    /// (Resilience4j `limitForPeriod`).
    public var limitForPeriod: Int
    /// `.periodic`: the cycle length (Resilience4j `limitRefreshPeriod`).
    public var refreshPeriod: Nanoseconds
    /// The longest a caller may wait for a permit (Resilience4j `timeoutDuration`).
    /// A request that would wait longer is rejected and takes nothing; one that
    /// waits at most this long reserves its permits at once and proceeds later.
    /// `0` means never wait.
    public var maxWait: Nanoseconds

    /// A continuous bucket of 100 rps, burst 100, no waiting (see the type's comment).
    public init() {
        self.init(refill: .continuous)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(refill: Refill = .continuous, rateRps: Double = 100, burst: Int = 100, limitForPeriod: Int = 50,
                refreshPeriod: Nanoseconds = .ns(500), maxWait: Nanoseconds = .zero) {
        self.refill = refill
        self.rateRps = rateRps
        self.burst = burst
        self.limitForPeriod = limitForPeriod
        self.refreshPeriod = refreshPeriod
        self.maxWait = maxWait
    }

    /// A continuous token bucket of `rateRps` permits per second holding up to `burst`.
    public static func tokenBucket(rateRps: Double, burst: Int, maxWait: Nanoseconds = .zero) -> RateLimiterConfig {
        RateLimiterConfig(refill: .continuous, rateRps: rateRps, burst: burst, maxWait: maxWait)
    }

    /// Resilience4j's model: `limitForPeriod` permits every `refreshPeriod`, waiting up to `maxWait`.
    public static func periodic(limitForPeriod: Int, refreshPeriod: Nanoseconds, maxWait: Nanoseconds = .zero) -> RateLimiterConfig {
        RateLimiterConfig(refill: .periodic, limitForPeriod: limitForPeriod, refreshPeriod: refreshPeriod, maxWait: maxWait)
    }

    /// The rate the limiter runs: `tokens` permits every `periodNs` nanoseconds.
    public var effectiveRate: (tokens: Int64, periodNs: Int64) {
        switch refill {
        case .periodic:
            return (Int64(limitForPeriod), refreshPeriod.ns)
        case .continuous:
            // Milli-permits per second = permits per 1000 s; reduce by the common
            // factor with 1000 so the period stays a whole number of seconds.
            let milli = Int64((rateRps * 1000).rounded())
            let common = Self.gcd(milli, 1000)
            return (milli / common, (1000 / common) * 1_000_000_000)
        }
    }

    /// The bucket's capacity in permits: `burst`, or `limitForPeriod` when periodic.
    public var capacity: Int {
        refill == .continuous ? burst : limitForPeriod
    }

    /// The permits per second `effectiveRate` stands for (telemetry, docs).
    public var permitsPerSecond: Double {
        let rate = effectiveRate
        return Double(rate.tokens) * 1e9 / Double(rate.periodNs)
    }

    /// Checks the fields `refill` reads, and `maxWait`.
    public func validate() throws(PolicyConfigError) {
        switch refill {
        case .continuous:
            try Check.that(rateRps.isFinite && rateRps >= 0.001 && rateRps <= 1e12, "rateRps",
                           expected: "a rate in 0.001...1e12 permits per second", got: "\(rateRps)")
            try Check.positive(burst, "burst")
        case .periodic:
            try Check.positive(limitForPeriod, "limitForPeriod")
            try Check.positive(refreshPeriod, "refreshPeriod")
        }
        try Check.nonNegative(maxWait, "maxWait")
        // The bucket counts in units of 1/periodNs permit; its capacity must fit in Int64.
        let period = effectiveRate.periodNs
        let (_, overflow) = Int64(capacity).multipliedReportingOverflow(by: period)
        try Check.that(!overflow, refill == .continuous ? "burst" : "limitForPeriod",
                       expected: "capacity * period to fit in 64-bit nanoseconds (fewer permits or a shorter period)",
                       got: "\(capacity) permits with a \(Nanoseconds(ns: period).unitString) period")
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
