/// Where the work and the requests of one entity went, over a whole run.
///
/// - goodputRatio = sum goodput / (sum goodput + sum wasted): the share of
///   finished work that someone was still waiting for. Retry storms drive it down.
/// - fallbackHitRatio = sum fallbacks / sum offered: the share of requests
///   answered by a fallback instead of the real dependency.
/// - shedShare = sum shed / sum offered.
/// - rejectedShare = sum of all `rejected.*` / sum offered; `rejectedByReason`
///   gives each reason's share.
/// Ratios are NaN when their denominator is zero.
public struct TrafficShares: Sendable, Equatable {
    /// goodput / (goodput + wasted).
    public var goodputRatio: Double
    /// fallbacks / offered.
    public var fallbackHitRatio: Double
    /// shed / offered.
    public var shedShare: Double
    /// all rejections / offered.
    public var rejectedShare: Double
    /// Each rejection reason's share of offered requests, in the order given.
    public var rejectedByReason: [ReasonShare]

    /// One rejection reason (a `rejected.*` metric name) and its share of offered.
    public struct ReasonShare: Sendable, Equatable {
        /// The metric name (`rejected.breaker`).
        public var reason: String
        /// Its share of offered requests.
        public var share: Double
    }

    /// Shares from per-window counts; `rejected` pairs each `rejected.*` metric
    /// name with its series (reasons not recorded can be left out).
    public init(offered: [Double], goodput: [Double], wasted: [Double], fallbacks: [Double], shed: [Double],
                rejected: [(reason: String, values: [Double])]) {
        let offeredTotal = WindowSums.total(offered)
        let goodputTotal = WindowSums.total(goodput)
        goodputRatio = WindowSums.ratio(goodputTotal, goodputTotal + WindowSums.total(wasted))
        fallbackHitRatio = WindowSums.ratio(WindowSums.total(fallbacks), offeredTotal)
        shedShare = WindowSums.ratio(WindowSums.total(shed), offeredTotal)
        rejectedByReason = rejected.map { ReasonShare(reason: $0.reason, share: WindowSums.ratio(WindowSums.total($0.values), offeredTotal)) }
        rejectedShare = WindowSums.ratio(rejected.reduce(0) { $0 + WindowSums.total($1.values) }, offeredTotal)
    }
}
