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
    public var secondary: String
    public var interval: SimTime
    public var minSuccessPercent: Double
    public var minHealthyInstancesPercent: Double
    public var minimumRequests: Int
    public var failAfter: Int
    public var failBackAfter: Int

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
