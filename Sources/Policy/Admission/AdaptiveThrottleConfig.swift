/// Client-side adaptive throttling (Google SRE book, "Handling Overload").
///
/// Each client remembers, over the last `window`, how many requests its
/// application tried to send (`requests`) and how many the backend accepted
/// (`accepts`). A new request is rejected locally, before it reaches the
/// network, with probability `max(0, (requests - k * accepts) / (requests +
/// requestsPadding))`. While the backend accepts everything the probability is
/// 0; once it rejects, clients send only about `k` times what it accepts, so
/// rejecting costs the backend little. Locally rejected requests still count as
/// requests, which is what keeps the probability up while the backend refuses.
///
/// `init()` is the book's numbers: K = 2 over 2 minutes.
public struct AdaptiveThrottleConfig: ValidatedConfig {
    /// The book's K: how many requests per accepted one a client may send.
    /// Lower is more aggressive (1.1 wastes little backend work on rejections;
    /// 2 lets the client notice recovery sooner).
    public var k: Double
    /// How much history counts.
    public var window: Nanoseconds
    /// Granularity of the history: counts expire one bucket at a time.
    /// Must divide `window`.
    public var bucketWidth: Nanoseconds
    /// Added to `requests` in the denominator: the book's 1. gRPC's
    /// implementation uses 8, which keeps the first few failures from throttling.
    public var requestsPadding: Double
    /// Outcomes that show the backend accepted the request (it did the work,
    /// even if the answer was an error). Refusals (`overloaded`, `throttled`),
    /// timeouts, unreachable backends and local rejections do not.
    public var acceptedOutcomes: OutcomeClassSet

    /// The SRE book: K 2, 2-minute window (1-second buckets, our choice), padding 1.
    public init() {
        self.init(k: 2)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(k: Double = 2, window: Nanoseconds = .minutes(2), bucketWidth: Nanoseconds = .seconds(1),
                requestsPadding: Double = 1, acceptedOutcomes: OutcomeClassSet = [.success, .serverError, .clientError]) {
        self.k = k
        self.window = window
        self.bucketWidth = bucketWidth
        self.requestsPadding = requestsPadding
        self.acceptedOutcomes = acceptedOutcomes
    }

    /// Buckets in the window.
    public var bucketCount: Int { Int(window.ns / bucketWidth.ns) }

    public func validate() throws(PolicyConfigError) {
        try Check.that(k.isFinite && k >= 1, "k", expected: "a number >= 1 (below 1 a healthy backend would be throttled)", got: "\(k)")
        try Check.positive(window, "window")
        try Check.positive(bucketWidth, "bucketWidth")
        try Check.that(window.ns % bucketWidth.ns == 0, "bucketWidth", expected: "a duration that divides window (\(window.unitString))",
                       got: bucketWidth.unitString)
        try Check.that(window.ns / bucketWidth.ns <= 100_000, "bucketWidth",
                       expected: "at most 100000 buckets per window", got: "\(window.ns / bucketWidth.ns) buckets")
        try Check.positive(requestsPadding, "requestsPadding")
        try Check.that(acceptedOutcomes.contains(.success), "acceptedOutcomes", expected: "a set containing success",
                       got: "[" + acceptedOutcomes.members.map(\.rawValue).joined(separator: ", ") + "]")
    }
}
