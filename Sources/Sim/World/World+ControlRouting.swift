/// The adaptive router: weights across a service's versions (its splitter)
/// or a client's services (its route) that follow observed health.
extension World {
    mutating func buildRoutingLoop(_ context: ControlBuildContext) throws(WorldBuildError) -> BuiltLoop {
        let block = context.spec.routing ?? .defaultValue
        guard block.interval.ns > 0, block.gain > 0, (0..<1).contains(block.damping) else {
            throw context.error("routing", "needs interval > 0, gain > 0 and damping in [0, 1)")
        }
        let wantsLatency = block.signal != .successRatio
        if let s = context.service {
            guard let splitter = services[Int(s)].splitter else {
                throw context.error("target", "adaptive routing over a service needs its versions (a splitter), got \"\(context.spec.target)\"")
            }
            let names = splitter.config.targets.map(\.name)
            let taps = names.map { TelemetryTap(entity: versions[Int(version(named: $0, of: s))].entity, service: -1, wantsLatency: wantsLatency) }
            return BuiltLoop(loop: .routing(RoutingLoop(spec: block, names: names)), target: .split(service: s), taps: taps)
        }
        guard let c = context.client else {
            throw context.error("target", "adaptive routing needs a service or a client (client:name), got \"\(context.spec.target)\"")
        }
        let route = try clientRoute(client: c, others: block.services, path: context.path)
        let taps = route.edges.map { TelemetryTap(entity: edges[Int($0)].entity, service: -1, wantsLatency: wantsLatency) }
        let names = route.services.map { services[Int($0)].spec.name }
        return BuiltLoop(loop: .routing(RoutingLoop(spec: block, names: names)), target: .clientRoute(client: c), taps: taps)
    }

    /// One evaluation: cooldown, minimum evaluation window, scores, damping, hysteresis.
    mutating func routingTick(_ k: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        guard case .routing(let loop) = control.controllers[k].loop, let key = control.controllers[k].target else { return }
        let spec = loop.spec
        let current = currentBasisPoints(key)
        let state = AdaptiveWeights.text(names: loop.names, basisPoints: current)
        if let last = loop.lastChangeAt, now - last < spec.cooldown {
            logControl(k, now: now, from: state, to: state, cause: "hold: cooldown, \(DurationFormat.human(last + spec.cooldown - now)) left")
            return
        }
        let notBefore = spec.minimumEvaluationWindow.ns > 0 ? (loop.lastChangeAt ?? .min) : .min
        let seen = loop.names.indices.map { observe(k, tap: $0, now: now, notBefore: notBefore) }
        let inputs = zip(loop.names, seen).map { "\($0) \($1?.trafficText ?? "no data")" }.joined(separator: ", ")
            + (seen.compactMap { $0 }.first.map { "; \($0.freshnessText)" } ?? "")
        if spec.minimumEvaluationWindow.ns > 0 {
            let covered = seen.compactMap { $0.map { $0.newestScrapeAt - $0.coveredFrom } }.min() ?? .zero
            if seen.contains(where: { $0 == nil }) || covered < spec.minimumEvaluationWindow {
                logControl(k, now: now, from: state, to: state, cause: "hold: \(DurationFormat.human(covered)) of data since the last change, "
                           + "minimum \(DurationFormat.human(spec.minimumEvaluationWindow)) | seen \(inputs)")
                return
            }
        }
        let scores = AdaptiveWeights.scores(seen, spec: spec)
        let goal = AdaptiveWeights.goal(scores: scores, minWeightPercent: spec.minWeightPercent)
        let currentPercent = current.map { Double($0) / 100 }
        let next = AdaptiveWeights.damped(current: currentPercent, goal: goal, damping: spec.damping)
        let move = AdaptiveWeights.largestMove(from: currentPercent, to: next)
        let points = TrafficSplitConfig.basisPoints(next)
        let scoreText = "scores " + scores.map { NumberFormat.trimmed($0, maxDecimals: 3) }.joined(separator: "/")
        if points == current || move < spec.hysteresisPercent {
            let why = points == current ? "no change" : "move \(NumberFormat.trimmed(move, maxDecimals: 2)) pts < hysteresis \(NumberFormat.trimmed(spec.hysteresisPercent, maxDecimals: 2))"
            logControl(k, now: now, from: state, to: state, cause: "hold: \(why) (\(scoreText)) | seen \(inputs)")
            return
        }
        let target = AdaptiveWeights.text(names: loop.names, basisPoints: points)
        logControl(k, now: now, from: state, to: target, cause: "reweight: \(scoreText) | seen \(inputs)")
        issue(.setWeights(key, basisPoints: points), controller: k, cause: "reweight (\(scoreText))", scheduler: &scheduler)
    }

    /// After an applied change: cooldown and the minimum evaluation window count from now.
    mutating func routingApplied(_ k: Int, now: SimTime) {
        guard case .routing(var loop) = control.controllers[k].loop else { return }
        loop.lastChangeAt = now
        control.controllers[k].loop = .routing(loop)
    }
}
