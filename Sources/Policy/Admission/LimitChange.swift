/// A change of a concurrency limit, as a value for the event log.
public struct LimitChange: Equatable, Sendable {
    /// Why the limit moved. Raw values are the spellings reports use.
    public enum Cause: String, Codable, CaseIterable, Sendable {
        /// A dropped request (see `ConcurrencyLimitConfig.dropOutcomes`): AIMD
        /// backs off by `backoffRatio`, Vegas subtracts log10(limit).
        case drop
        /// AIMD: the RTT exceeded `rttTimeout`, which counts as a drop.
        case slowResponse
        /// AIMD: a good sample while at least half the limit was in use (+1).
        case additiveIncrease
        /// Gradient2: a new estimate from the long/short RTT gradient (either direction).
        case gradient
        /// Vegas: the estimated queue is at most log10(limit): grow by beta.
        case noQueueing
        /// Vegas: the estimated queue is below alpha: grow by log10(limit).
        case smallQueue
        /// Vegas: the estimated queue exceeds beta: shrink by log10(limit).
        case queueing
    }

    /// When the change happened.
    public var at: Nanoseconds
    /// The limit before.
    public var from: Int
    /// The limit after.
    public var to: Int
    /// Why.
    public var cause: Cause

    public init(at: Nanoseconds, from: Int, to: Int, cause: Cause) {
        self.at = at
        self.from = from
        self.to = to
        self.cause = cause
    }
}
