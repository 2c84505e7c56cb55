/// Requests tried and accepted in one bucket of an `AdaptiveThrottle` window.
public struct ThrottleCounts: WindowBucket {
    /// Requests the application tried to send (including locally rejected ones).
    public var requests: Int64
    /// Requests the backend accepted.
    public var accepts: Int64

    public init(requests: Int64, accepts: Int64) {
        self.requests = requests
        self.accepts = accepts
    }

    public static var zero: ThrottleCounts { ThrottleCounts(requests: 0, accepts: 0) }
    public static func + (a: ThrottleCounts, b: ThrottleCounts) -> ThrottleCounts {
        ThrottleCounts(requests: a.requests + b.requests, accepts: a.accepts + b.accepts)
    }
    public static func - (a: ThrottleCounts, b: ThrottleCounts) -> ThrottleCounts {
        ThrottleCounts(requests: a.requests - b.requests, accepts: a.accepts - b.accepts)
    }
}

/// One client's adaptive throttle (see `AdaptiveThrottleConfig`).
///
/// Protocol, per request: `shouldReject` before sending (it counts the
/// request either way); if sent, `record(now:outcome:)` (or `recordAccepted`)
/// when the answer arrives. The window's storage is allocated at init; no
/// call allocates.
public struct AdaptiveThrottle: Sendable {
    /// The configuration this throttle runs (validate it before use).
    public let config: AdaptiveThrottleConfig
    /// Counts per bucket over the last `config.window`.
    var history: SlidingWindow<ThrottleCounts>

    /// A throttle with no history (it rejects nothing until the backend does).
    /// - Precondition: `config.validate()` succeeds.
    public init(config: AdaptiveThrottleConfig) {
        self.config = config
        history = SlidingWindow(bucketWidth: config.bucketWidth, bucketCount: config.bucketCount)
    }

    /// Requests and accepts in the window as of `now`.
    public mutating func counts(at now: Nanoseconds) -> ThrottleCounts {
        history.total(at: now)
    }

    /// The probability a request sent at `now` is rejected locally (telemetry):
    /// `max(0, (requests - k * accepts) / (requests + requestsPadding))`,
    /// always in [0, 1).
    public mutating func rejectProbability(at now: Nanoseconds) -> Double {
        let totals = history.total(at: now)
        let requests = Double(totals.requests)
        let excess = requests - config.k * Double(totals.accepts)
        return max(0, excess / (requests + config.requestsPadding))
    }

    /// Should the request the application is about to send at `now` be
    /// rejected locally? The probability comes from the history before this
    /// request; then the request is counted (sent or not), as the book counts
    /// attempts by the application. Draws from `rng` only when the probability
    /// is above zero, so a healthy client consumes no randomness.
    public mutating func shouldReject(now: Nanoseconds, using rng: inout some RandomNumberGenerator) -> Bool {
        let probability = rejectProbability(at: now)
        history.add(ThrottleCounts(requests: 1, accepts: 0), at: now)
        guard probability > 0 else { return false }
        return rng.chance(probability)
    }

    /// The backend accepted a request (answer received at `now`).
    public mutating func recordAccepted(now: Nanoseconds) {
        history.add(ThrottleCounts(requests: 0, accepts: 1), at: now)
    }

    /// A sent request ended with `outcome` at `now`; counts an accept when the
    /// outcome is in `config.acceptedOutcomes`.
    public mutating func record(now: Nanoseconds, outcome: OutcomeClass) {
        if config.acceptedOutcomes.contains(outcome) { recordAccepted(now: now) }
    }
}
