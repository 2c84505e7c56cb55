/// Client-side adaptive throttling (Google SRE book, "Handling Overload").
///
/// The client counts its requests and the backend's accepts over `window`
/// and refuses new requests locally with probability
/// max(0, (requests - k * accepts) / (requests + 1)). A request is counted
/// before it is sent, including ones this throttle then refuses.
public struct AdaptiveThrottleConfig: ValidatedConfig {
    /// Multiplier on accepts: 2 lets twice as many requests through as the backend accepts.
    public var k: Double
    public var window: Nanoseconds
    public var bucketWidth: Nanoseconds

    public init(k: Double = 2, window: Nanoseconds = .minutes(2), bucketWidth: Nanoseconds = .seconds(1)) {
        self.k = k
        self.window = window
        self.bucketWidth = bucketWidth
    }

    public init() { self.init(k: 2) }

    /// The book's numbers: K = 2 over two minutes.
    public static func preset(_ preset: PolicyPreset) -> AdaptiveThrottleConfig? {
        preset == .googleSRE ? AdaptiveThrottleConfig(k: 2, window: .minutes(2)) : nil
    }

    public func validate() throws(PolicyConfigError) {
        try Check.inRange(k, 1...100, "k")
        try Check.positive(bucketWidth, "bucketWidth")
        try Check.that(window.ns >= bucketWidth.ns && window.ns % bucketWidth.ns == 0 && window.ns / bucketWidth.ns <= 10_000, "window",
                       expected: "a multiple of bucketWidth (\(bucketWidth.unitString)), at most 10000 buckets", got: window.unitString)
    }
}

/// Requests and accepts in one bucket of the throttle's window.
public struct ThrottleCounts: WindowBucket {
    public var requests: Int = 0
    public var accepts: Int = 0
    public static let zero = ThrottleCounts()
    public static func + (a: ThrottleCounts, b: ThrottleCounts) -> ThrottleCounts {
        ThrottleCounts(requests: a.requests + b.requests, accepts: a.accepts + b.accepts)
    }
    public static func - (a: ThrottleCounts, b: ThrottleCounts) -> ThrottleCounts {
        ThrottleCounts(requests: a.requests - b.requests, accepts: a.accepts - b.accepts)
    }
}

public struct AdaptiveThrottle: Sendable {
    public let config: AdaptiveThrottleConfig
    var window: SlidingWindow<ThrottleCounts>

    public init(config: AdaptiveThrottleConfig) {
        self.config = config
        window = SlidingWindow(bucketWidth: config.bucketWidth, bucketCount: Int(config.window.ns / config.bucketWidth.ns))
    }

    /// The rejection probability the next request would face.
    public mutating func rejectProbability(at now: Nanoseconds) -> Double {
        let counts = window.total(at: now)
        return max(0, (Double(counts.requests) - config.k * Double(counts.accepts)) / Double(counts.requests + 1))
    }

    /// Counts a request and decides whether to refuse it locally.
    public mutating func shouldReject(now: Nanoseconds, using rng: inout some RandomNumberGenerator) -> Bool {
        window.add(ThrottleCounts(requests: 1, accepts: 0), at: now)
        let p = rejectProbability(at: now)
        return p > 0 && rng.nextUnit() < p
    }

    /// The backend accepted a request (answered it, even with an error that is not overload).
    public mutating func recordAccepted(now: Nanoseconds) {
        window.add(ThrottleCounts(requests: 0, accepts: 1), at: now)
    }

    /// Whether an outcome means the backend accepted the request.
    public static func isAccept(_ outcome: OutcomeClass) -> Bool {
        outcome == .success || outcome == .serverError || outcome == .clientError
    }
}
