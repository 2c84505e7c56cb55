/// Where a client's requests go when a controller routes them across
/// services (failover, adaptive routing across regions): one edge per
/// service, chosen per request by a sticky splitter keyed by the request's
/// identity.
///
/// Why sticky on the identity: choosing costs no random draw, so the client's
/// own stream (arrivals, keys) is untouched and a run with and without the
/// controller sees the same requests; and a weight change moves only the
/// share of requests it must (the splitter's sticky guarantee).
struct ClientRoute {
    /// Service indices, the client's own target first.
    let services: [Int32]
    /// The client's edge to each service.
    let edges: [Int32]
    var splitter: TrafficSplitter

    /// All traffic to the first service (the client's own target).
    init(services: [Int32], edges: [Int32], names: [String]) throws(PolicyConfigError) {
        self.services = services
        self.edges = edges
        let targets = names.enumerated().map { SplitTarget(name: $1, weightPercent: $0 == 0 ? 100 : 0) }
        splitter = try TrafficSplitter(config: TrafficSplitConfig(targets: targets, mode: .sticky, salt: "client-route"))
    }

    /// The edge for a request with identity `key`.
    mutating func edge(forKey key: UInt64) -> Int32 {
        var unused = SplitMix64(seed: 0)  // sticky with a key draws nothing
        return edges[splitter.route(stickyKey: key, attributes: .none, using: &unused).targetIndex]
    }
}
