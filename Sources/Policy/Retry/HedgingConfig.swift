/// Hedged requests: send extra copies of a slow request before the first one
/// fails, and take whichever answers first (gRPC proposal A6 `hedgingPolicy`).
///
/// The original goes out at once; copy `k` (k = 1, 2, ...) at `k * hedgeDelay`
/// after it, until `maxAttempts` are out or one succeeds. Each hedge should also
/// pass `RetryBudget.tryAcquireRetry`: gRPC throttling applies to hedges too.
///
/// `init()` is off (`maxAttempts` 1), with gRPC's unset `hedgingDelay` (0 s: when
/// enabled, all copies at once) and losers cancelled.
public struct HedgingConfig: ValidatedConfig {
    /// Copies sent in all, including the original: 1 = hedging off; at most 5, gRPC's client-side cap.
    public var maxAttempts: Int
    /// Spacing between copies.
    public var hedgeDelay: Nanoseconds
    /// Cancel the copies still in flight once one succeeds (gRPC does), freeing
    /// the servers; `false` lets them run to completion and load the backend.
    public var cancelLosers: Bool

    /// Hedging off.
    public init() {
        self.init(maxAttempts: 1)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(maxAttempts: Int = 1, hedgeDelay: Nanoseconds = .zero, cancelLosers: Bool = true) {
        self.maxAttempts = maxAttempts
        self.hedgeDelay = hedgeDelay
        self.cancelLosers = cancelLosers
    }

    /// Rejects `maxAttempts` outside 1...5 and a negative delay. (gRPC silently
    /// treats a configured value above 5 as 5; a scenario asking for more is
    /// told so instead.)
    public func validate() throws(PolicyConfigError) {
        try Check.inRange(maxAttempts, 1...5, "maxAttempts")
        try Check.nonNegative(hedgeDelay, "hedgeDelay")
    }

    /// When the next copy is due, given how many have been sent (the original
    /// counts), or `nil` when no more may be sent.
    /// `attemptsSent` 0 asks for the original itself: `firstSentAt`.
    public func nextHedgeTime(attemptsSent: Int, firstSentAt: Nanoseconds) -> Nanoseconds? {
        guard attemptsSent < maxAttempts else { return nil }
        let sent = Int64(Swift.max(0, attemptsSent))
        let (offset, overflow) = hedgeDelay.ns.multipliedReportingOverflow(by: sent)
        return overflow ? .max : firstSentAt.saturatingAdd(Nanoseconds(ns: offset))
    }

    /// That library's hedging defaults, or `nil` for libraries without
    /// delay-based hedging (Envoy hedges only on per-try timeout).
    public static func preset(_ preset: PolicyPreset) -> HedgingConfig? {
        switch preset {
        case .grpc:
            // A6 hedgingPolicy example: maxAttempts 4, hedgingDelay 0.5 s; outstanding
            // attempts are cancelled once one succeeds.
            return HedgingConfig(maxAttempts: 4, hedgeDelay: .ms(500), cancelLosers: true)
        case .pollyV8:
            // HedgingStrategyOptions: MaxHedgedAttempts 1 "in addition to the original"
            // (so 2 in all), Delay 2 s (pollydocs); the first accepted result cancels the
            // other attempts (Polly issue #876, the v8 hedging design).
            return HedgingConfig(maxAttempts: 2, hedgeDelay: .seconds(2), cancelLosers: true)
        case .resilience4j, .hystrix, .envoy, .finagle, .awsStandard, .aws2026, .googleSRE, .netflix, .kubernetes:
            return nil
        }
    }
}
