/// A token bucket: `rateRps` tokens a second up to `burst`; a call takes one.
///
/// - `continuous` refill adds tokens smoothly (Envoy's local rate limit, Guava).
/// - `periodic` refill resets the bucket to `limitForPeriod` at every
///   `refreshPeriod` boundary (Resilience4j's AtomicRateLimiter): unused
///   permits do not carry over.
/// A caller may wait up to `maxWait` for a token (Resilience4j's
/// `timeoutDuration`); with 0 it is refused at once.
public struct RateLimiterConfig: ValidatedConfig {
    public enum Refill: String, Codable, CaseIterable, Sendable { case continuous, periodic }

    public var refill: Refill
    /// Continuous refill rate.
    public var rateRps: Double
    /// Bucket capacity (continuous refill).
    public var burst: Int
    /// Permits per period (periodic refill).
    public var limitForPeriod: Int
    public var refreshPeriod: Nanoseconds
    public var maxWait: Nanoseconds

    /// 100 requests/s with a burst of 100, no waiting.
    public init(refill: Refill = .continuous, rateRps: Double = 100, burst: Int = 100, limitForPeriod: Int = 50,
                refreshPeriod: Nanoseconds = .ns(500), maxWait: Nanoseconds = .zero) {
        self.refill = refill
        self.rateRps = rateRps
        self.burst = burst
        self.limitForPeriod = limitForPeriod
        self.refreshPeriod = refreshPeriod
        self.maxWait = maxWait
    }

    public init() { self.init(refill: .continuous) }

    /// Resilience4j RateLimiterConfig defaults: limitForPeriod 50, limitRefreshPeriod 500 ns,
    /// timeoutDuration 5 s.
    public static func preset(_ preset: PolicyPreset) -> RateLimiterConfig? {
        switch preset {
        case .resilience4j: RateLimiterConfig(refill: .periodic, limitForPeriod: 50, refreshPeriod: .ns(500), maxWait: .seconds(5))
        default: nil
        }
    }

    public func validate() throws(PolicyConfigError) {
        switch refill {
        case .continuous:
            try Check.that(rateRps.isFinite && rateRps > 0 && rateRps <= 1e9, "rateRps", expected: "a rate in (0, 1e9] requests per second", got: "\(rateRps)")
            try Check.inRange(burst, 1...1_000_000_000, "burst")
        case .periodic:
            try Check.inRange(limitForPeriod, 1...1_000_000_000, "limitForPeriod")
            try Check.positive(refreshPeriod, "refreshPeriod")
        }
        try Check.nonNegative(maxWait, "maxWait")
    }
}

/// The answer to a request for permits.
public enum RateDecision: Equatable, Sendable {
    case admitted
    /// Reserved: the caller proceeds after `wait` (at most `maxWait`).
    case admittedAfter(Nanoseconds)
    /// Refused; a token would be available after `retryAfter`.
    case rejected(retryAfter: Nanoseconds)

    public var isAdmitted: Bool {
        if case .rejected = self { return false }
        return true
    }
}
