/// Regional failover: a client's route between its own target (primary) and
/// a service in another region (secondary), switched by observed health.
extension World {
    mutating func buildFailoverLoop(_ context: ControlBuildContext) throws(WorldBuildError) -> BuiltLoop {
        let block = context.spec.failover ?? .defaultValue
        guard let c = context.client else {
            throw context.error("target", "failover moves a client's traffic (client:name), got \"\(context.spec.target)\"")
        }
        guard block.interval.ns > 0, block.failAfter >= 1, block.failBackAfter >= 1 else {
            throw context.error("failover", "needs interval > 0, failAfter >= 1 and failBackAfter >= 1")
        }
        let route = try clientRoute(client: c, others: [block.secondary], path: context.path)
        guard route.services.count == 2 else { throw context.error("failover.secondary", "needs a service other than the client's target") }
        // Each side: the client's calls to it (success) and its instances (health checks).
        let taps = (0..<2).map { TelemetryTap(entity: edges[Int(route.edges[$0])].entity, service: route.services[$0], wantsLatency: false) }
        let loop = FailoverLoop(spec: block, primaryName: services[Int(route.services[0])].spec.name,
                                secondaryName: services[Int(route.services[1])].spec.name)
        return BuiltLoop(loop: .failover(loop), target: .clientRoute(client: c), taps: taps)
    }

    /// One evaluation: count unhealthy (or healthy) evaluations of the primary
    /// in a row and switch the route when a streak is long enough.
    mutating func failoverTick(_ k: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        guard case .failover(var loop) = control.controllers[k].loop, let key = control.controllers[k].target else { return }
        let spec = loop.spec
        let primary = observe(k, tap: 0, now: now), secondary = observe(k, tap: 1, now: now)
        let onSecondary = currentBasisPoints(key)[1] > TrafficSplitConfig.totalBasisPoints / 2
        let state = onSecondary ? "on \(loop.secondaryName)" : "on \(loop.primaryName)"
        let primaryHealth = World.regionHealth(primary, spec)
        let secondaryHealth = World.regionHealth(secondary, spec)
        let inputs = "seen \(loop.primaryName) \(World.healthText(primary)), \(loop.secondaryName) \(World.healthText(secondary))"
            + (primary.map { "; \($0.freshnessText)" } ?? "")
        var wanted: [Int]? = nil
        var verdict: String
        switch primaryHealth {
        case nil:
            verdict = "hold: no health data for \(loop.primaryName)"
        case false?:
            loop.unhealthyStreak += 1
            loop.healthyStreak = 0
            verdict = "\(loop.primaryName) unhealthy (\(loop.unhealthyStreak)/\(spec.failAfter))"
            if !onSecondary && loop.unhealthyStreak >= spec.failAfter {
                if secondaryHealth == true {
                    wanted = [0, TrafficSplitConfig.totalBasisPoints]
                    verdict = "fail over: " + verdict
                } else {
                    verdict += ", but \(loop.secondaryName) is not healthy either: stay"
                }
            }
        case true?:
            loop.healthyStreak += 1
            loop.unhealthyStreak = 0
            verdict = "\(loop.primaryName) healthy (\(loop.healthyStreak)/\(spec.failBackAfter))"
            if onSecondary && loop.healthyStreak >= spec.failBackAfter {
                wanted = [TrafficSplitConfig.totalBasisPoints, 0]
                verdict = "fail back: " + verdict
            }
        }
        control.controllers[k].loop = .failover(loop)
        let target = wanted.map { $0[1] > 0 ? "on \(loop.secondaryName)" : "on \(loop.primaryName)" } ?? state
        logControl(k, now: now, from: state, to: target, cause: "\(verdict) | \(inputs)")
        if let wanted { issue(.setWeights(key, basisPoints: wanted), controller: k, cause: verdict, scheduler: &scheduler) }
    }

    /// A region's health from its health checks (share of instances up) and,
    /// while it carries enough traffic, its success ratio; nil without data.
    static func regionHealth(_ seen: TelemetryObservation?, _ spec: FailoverSpec) -> Bool? {
        guard let seen, !seen.healthyInstancesPercent.isNaN else { return nil }
        if seen.healthyInstancesPercent < spec.minHealthyInstancesPercent { return false }
        if seen.requests >= Double(max(1, spec.minimumRequests)) && seen.successRatio * 100 < spec.minSuccessPercent { return false }
        return true
    }

    /// `3/4 up, n=812 err=0.4% p99=-`.
    static func healthText(_ seen: TelemetryObservation?) -> String {
        guard let seen else { return "no data" }
        return "\(seen.instancesUp)/\(seen.instancesProvisioned) up, \(seen.trafficText)"
    }
}
