/// Client routes: where a client's requests go when a controller routes
/// them across services (failover, adaptive routing across regions).
extension World {
    /// The edge for client `c`'s next request (its own edge unless a controller routes it).
    @inline(__always) mutating func clientEdge(_ c: Int, identity: UInt64) -> Int32 {
        guard !control.clientRoutes.isEmpty, control.clientRoutes[c] != nil else { return clients[c].edge }
        return control.clientRoutes[c]!.edge(forKey: identity)
    }

    /// The route of client `c` across its target and `others` (created once;
    /// a second controller on the same client must name the same services).
    mutating func clientRoute(client c: Int32, others: [String], path: String) throws(WorldBuildError) -> ClientRoute {
        let own = clients[Int(c)].target
        var targets = [own]
        for name in others {
            guard let s = spec.services.firstIndex(where: { $0.name == name }).map(Int32.init) else {
                throw WorldBuildError(path: path, message: "unknown service \"\(name)\"")
            }
            if !targets.contains(s) { targets.append(s) }
        }
        let clientName = clients[Int(c)].spec.name
        let routeEdges = targets.map { s in
            Int32(edges.firstIndex { $0.caller == .client(c) && $0.callee == s }!)
        }
        if control.clientRoutes.isEmpty { control.clientRoutes = Array(repeating: nil, count: clients.count) }
        if let existing = control.clientRoutes[Int(c)] {
            guard existing.services == targets else {
                throw WorldBuildError(path: path, message: "client \"\(clientName)\" is already routed over other services by another controller")
            }
            return existing
        }
        do {
            let route = try ClientRoute(services: targets, edges: routeEdges, names: targets.map { services[Int($0)].spec.name })
            control.clientRoutes[Int(c)] = route
            return route
        } catch {
            throw WorldBuildError(path: path, message: "expected \(error.expected), got \(error.got)")
        }
    }
}
