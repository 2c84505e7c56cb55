/// The `failover` block: regional failover of a client's traffic.
///
/// Mechanism (DNS / global load balancer failover): the client's requests go
/// to its target service, or, once failed over, to `secondary` (a service in
/// another region), over the client's own edge to each. The primary is
/// unhealthy when its health checks find fewer than
/// `minHealthyInstancesPercent` of its instances up, or, while it carries
/// traffic, the client's calls to it succeed less than `minSuccessPercent`
/// (judged with at least `minimumRequests` in the window). `failAfter`
/// unhealthy evaluations in a row fail over (only to a secondary its health
/// checks find healthy); `failBackAfter` healthy ones in a row fail back.
public struct FailoverSpec: SpecDefaults, Equatable {
    /// The service the client's traffic moves to (another region).
    public var secondary: String
    /// Time between evaluations (default 10s).
    public var interval: SimTime
    /// Below this success (with enough requests) the primary is unhealthy, in percent (default 95).
    public var minSuccessPercent: Double
    /// Below this share of instances up the primary is unhealthy, in percent (default 50).
    public var minHealthyInstancesPercent: Double
    /// Requests the window needs before success is judged (default 20).
    public var minimumRequests: Int
    /// Unhealthy evaluations in a row before failing over (default 2).
    public var failAfter: Int
    /// Healthy evaluations in a row before failing back (default 3).
    public var failBackAfter: Int

    /// A failover block with the documented defaults.
    public init(secondary: String = "", interval: SimTime = .seconds(10), minSuccessPercent: Double = 95,
                minHealthyInstancesPercent: Double = 50, minimumRequests: Int = 20, failAfter: Int = 2, failBackAfter: Int = 3) {
        self.secondary = secondary
        self.interval = interval
        self.minSuccessPercent = minSuccessPercent
        self.minHealthyInstancesPercent = minHealthyInstancesPercent
        self.minimumRequests = minimumRequests
        self.failAfter = failAfter
        self.failBackAfter = failBackAfter
    }

    public static let defaultValue = FailoverSpec()
}
