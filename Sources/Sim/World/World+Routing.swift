/// Where an attempt goes: the callee's version (its `TrafficSplitter`: rules,
/// weights, shadows) and the instance (the edge's load balancer).
extension World {
    /// The version a new attempt of call `c` goes to: the callee's splitter, if
    /// it has one. Rules see the request's attributes (its origin client's, and
    /// its priority). The first attempt of a call also sends the shadow copies
    /// the splitter picked; retries and hedges are never mirrored.
    ///
    /// A service with one version (no splitter) is answered inline; the
    /// splitter's path is out of line.
    @inline(__always)
    mutating func routeVersion(_ c: CallHandle, kind: AttemptKind, service s: Int, edge: Int,
                               scheduler: inout Scheduler<Event>) -> Int32 {
        services[s].splitter == nil ? services[s].versions[0] : splitVersion(c, kind: kind, service: s, edge: edge, scheduler: &scheduler)
    }

    /// `routeVersion` through the service's traffic splitter (and its shadows).
    @inline(never)
    mutating func splitVersion(_ c: CallHandle, kind: AttemptKind, service s: Int, edge: Int,
                               scheduler: inout Scheduler<Event>) -> Int32 {
        let attributes = services[s].routesByRule ? requestAttributes(origin: calls[c].origin, priority: calls[c].priority) : .none
        let decision = services[s].splitter!.route(stickyKey: calls[c].key, attributes: attributes, using: &edgeRandom[edge])
        if decision.shadowMask != 0 && kind == .first {
            for shadow in services[s].shadowVersions.indices where decision.mirrors(shadow: shadow) {
                sendShadow(of: c, to: services[s].shadowVersions[shadow], number: shadow, service: s, edge: edge, scheduler: &scheduler)
            }
        }
        return services[s].versions[decision.targetIndex]
    }

    /// The routing attributes of a request from client `origin` (-1: none) in class `priority`.
    func requestAttributes(origin: Int32, priority: UInt8) -> RouteAttributes {
        guard origin >= 0 else { return .none }
        var attributes = clients[Int(origin)].routeAttributes
        attributes.insert(name: World.priorityAttribute, value: World.priorityValues[Int(priority)])
        return attributes
    }

    /// The hashed name of the built-in `priority` attribute.
    static let priorityAttribute = RouteAttributes.key("priority")
    /// The hashed values "0"..."255" of `priority`, by class: every `UInt8`,
    /// so a class never needs hashing per request.
    static let priorityValues: [UInt64] = (0...255).map { RouteAttributes.key(String($0)) }

    /// The host (position in the callee's hosts) the edge's balancer picks
    /// among the callee's registered instances of `version`; nil when none is
    /// eligible. Least-request and power-of-two balancers compare what this
    /// policy slot has outstanding to each host, not the hosts' global load.
    @inline(__always)
    mutating func pickHost(service callee: Int, version: Int32, edge: Int, slot: Int) -> Int? {
        let hostCount = services[callee].hosts.count
        if hostCount > edges[edge].outstandingStride { widenOutstanding(edge: edge, hosts: hostCount) }
        // The closures read the flat per-instance tables through their addresses:
        // they must not capture `self` while the pipeline is being mutated, and
        // raw pointers cost no reference counting (nothing appends meanwhile).
        let hosts = services[callee].hosts.unsafeBase
        let registered = instanceRegistered.unsafeBase, versionOf = instanceVersion.unsafeBase
        let outstanding = edges[edge].outstanding.unsafeBase + slot * edges[edge].outstandingStride
        let pipeline = edges[edge].pipelines.address(slot)
        let allEligible = allHostsEligible(service: callee)
        if let host = pipeline.pointee.pickTwoChoicesIfDirect(hostCount: hostCount, allEligible: allEligible,
                                                             outstanding: { host in Int(outstanding[host]) }, using: &edgeRandom[edge]) {
            return host
        }
        return pipeline.pointee.pickHost(
            hostCount: hostCount, allEligible: allEligible,
            isEligible: { host in
                let instance = Int(hosts[host])
                return registered[instance] && versionOf[instance] == version
            },
            outstanding: { host in Int(outstanding[host]) },
            using: &edgeRandom[edge])
    }

    /// Makes room in edge `e`'s outstanding counts for `hosts` callee hosts
    /// (rows at least double, so an autoscaler adding hosts one by one costs
    /// O(log n) widenings), keeping every count.
    mutating func widenOutstanding(edge e: Int, hosts: Int) {
        let old = edges[e].outstandingStride
        let stride = max(hosts, 2 * old, 4)
        let slots = edges[e].pipelines.count
        let table = GrowableTable<Int32>(repeating: 0, count: slots * stride)
        for slot in 0..<slots {
            for host in 0..<old { table[slot * stride + host] = edges[e].outstanding[slot * old + host] }
        }
        edges[e].outstanding = table
        edges[e].outstandingStride = stride
    }

    /// Sends a fire-and-forget copy of call `c`'s request to `version`, as
    /// Envoy's request mirroring does: no timeout, retry, breaker or pooled
    /// connection, and the answer is dropped. The copy is real load on the
    /// shadow version and on the dependencies it calls; it shows in their
    /// series, not in the edge's. Dropped when no instance of the version is
    /// eligible; lost, like any request, across a partition.
    mutating func sendShadow(of c: CallHandle, to version: Int32, number: Int, service callee: Int, edge: Int,
                             scheduler: inout Scheduler<Event>) {
        guard let host = pickHost(service: callee, version: version, edge: edge, slot: Int(calls[c].policySlot)) else { return }
        let identity = SplitMix64.mix(calls[c].identity ^ (0x5348_4144 << 32) ^ UInt64(number))
        guard let a = newAttempt(of: c, waiting: false, kind: .first, attemptNumber: 0, identity: identity, callee: callee,
                                 host: host, version: version, ticket: .none, scheduler: &scheduler) else { return }
        transmit(a, scheduler: &scheduler)
    }
}
