/// The burn-rate alert: `Policy.BurnRateAlert` fed by telemetry as it
/// arrives; firing and resolving go into the log as `alert` events
/// (`controller:NAME/RULE`, `resolved` -> `firing`), which MTTD reads.
extension World {
    mutating func buildAlertLoop(_ context: ControlBuildContext) throws(WorldBuildError) -> BuiltLoop {
        let block = context.spec.alert ?? .defaultValue
        try context.validated("alert.policy") { () throws(PolicyConfigError) in try block.policy.validate() }
        let entity: Int32
        if let s = context.service {
            entity = services[Int(s)].entity
        } else if let c = context.client {
            entity = clients[Int(c)].entity
        } else {
            throw context.error("target", "a burn-rate alert watches a service or a client (client:name), got \"\(context.spec.target)\"")
        }
        var loop = AlertLoop(alert: Policy.BurnRateAlert(config: block.policy))
        loop.transitions.reserveCapacity(block.policy.rules.count)
        return BuiltLoop(loop: .alert(loop), target: nil, taps: [TelemetryTap(entity: entity, service: -1, wantsLatency: false)])
    }

    /// Records every scrape that arrived since the last evaluation (at its
    /// arrival, the time the alerting system ingests it), then evaluates the rules.
    mutating func alertTick(_ k: Int, now: SimTime) {
        guard case .alert(var loop) = control.controllers[k].loop else { return }
        let window = control.controllers[k].spec.telemetry.window
        var newest: SimTime? = nil
        control.controllers[k].taps[0].consumeArrived(now: now, window: window) { sample in
            loop.alert.record(now: now, good: Int(sample.requests - sample.errors), total: Int(sample.requests))
            newest = max(newest ?? sample.scrapedAt, sample.scrapedAt)
        }
        loop.transitions.removeAll(keepingCapacity: true)
        _ = loop.alert.evaluate(now: now, into: &loop.transitions)
        let transitions = loop.transitions
        control.controllers[k].loop = .alert(loop)
        let freshness = newest.map { "data \(DurationFormat.human(now - $0)) old" } ?? "no new data"
        for change in transitions {
            logControl(k, now: now, from: change.previousStateName, to: change.stateName,
                       cause: "\(change.name) (\(change.severity.rawValue)): burn \(NumberFormat.trimmed(change.burnLong, maxDecimals: 2))x long, "
                           + "\(NumberFormat.trimmed(change.burnShort, maxDecimals: 2))x short vs \(NumberFormat.trimmed(change.threshold, maxDecimals: 2))x; \(freshness)",
                       category: .alert, entity: "\(control.controllers[k].spec.entityText)/\(change.name)")
        }
    }
}
