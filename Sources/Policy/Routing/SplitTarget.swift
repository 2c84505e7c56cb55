/// One destination of a traffic split (a service version, a region, a backend)
/// and the share of requests it receives.
///
/// The share is a percentage because that is how every routing API writes it
/// (Istio/Envoy weighted clusters, SMI TrafficSplit, Argo `setWeight`); the
/// splitter applies it as integer basis points (see `TrafficSplitConfig`).
public struct SplitTarget: ValidatedConfig {
    /// The target's name, unique within the split (matched to versions by the simulator).
    public var name: String
    /// Share of requests in percent, 0...100; all targets of a split sum to 100.
    /// 0 keeps a target addressable by rules but sends it no weighted traffic.
    public var weightPercent: Double

    /// A target called `name` receiving `weightPercent` of the traffic.
    public init(name: String, weightPercent: Double) {
        self.name = name
        self.weightPercent = weightPercent
    }

    /// A non-empty name and a weight in 0...100.
    public func validate() throws(PolicyConfigError) {
        try Check.that(!name.isEmpty, "name", expected: "a non-empty name", got: "\"\"")
        try Check.percent(weightPercent, "weightPercent")
    }
}
