/// Control loops: building the controllers, ticking them, and logging what
/// they decide. Telemetry, actions, scaling, faults and each kind's decision
/// live in the other `World+Control*` files.
///
/// The loop, after the seed guides ([000]): telemetry (scraped, aggregated,
/// late, sometimes lost) -> evaluation by a Policy decision function ->
/// action through the control plane (after `applyLatency`, if it is up, if no
/// higher-priority controller holds the target) -> effect on the system ->
/// seen again through telemetry. Every step is logged with what it saw.
extension World {
    /// Resolves every controller's target and sources (after the recording entities exist).
    mutating func buildControllers(serviceIndex: [String: Int32], clientIndex: [String: Int32]) throws(WorldBuildError) {
        guard !spec.controllers.isEmpty else { return }
        for (position, controllerSpec) in spec.controllers.enumerated() {
            let path = "controllers[\(position)]"
            let telemetry = controllerSpec.telemetry
            guard telemetry.scrapeInterval.ns > 0, telemetry.window >= telemetry.scrapeInterval else {
                throw WorldBuildError(path: "\(path).telemetry", message: "needs scrapeInterval > 0 and window >= scrapeInterval")
            }
            let built = try buildLoop(controllerSpec, path: path, serviceIndex: serviceIndex, clientIndex: clientIndex)
            var runtime = ControllerRuntime(spec: controllerSpec, target: built.target, taps: built.taps,
                                            random: streams.stream("telemetry.\(controllerSpec.name)"),
                                            nextScrapeAt: telemetry.scrapeInterval, loop: built.loop)
            for f in faults.indices where faults[f].spec.kind.actsOnControllers && controlFault(f, reaches: controllerSpec.name) {
                if faults[f].spec.kind == .telemetryLag { runtime.lagFaults.append(Int32(f)) } else { runtime.outageFaults.append(Int32(f)) }
            }
            guard runtime.interval.ns > 0 else { throw WorldBuildError(path: path, message: "the evaluation interval must be > 0") }
            control.controllers.append(runtime)
        }
    }

    /// A controller's decision state, what it changes, and the sources it watches.
    mutating func buildLoop(_ controllerSpec: ControllerSpec, path: String, serviceIndex: [String: Int32],
                            clientIndex: [String: Int32]) throws(WorldBuildError) -> BuiltLoop {
        let context = ControlBuildContext(spec: controllerSpec, path: path, service: serviceIndex[controllerSpec.target],
                                          client: controllerSpec.targetClient.flatMap { clientIndex[$0] })
        switch controllerSpec.kind {
        case .canary: return try buildCanaryLoop(context)
        case .autoscaler: return try buildAutoscalerLoop(context)
        case .adaptiveRouting: return try buildRoutingLoop(context)
        case .burnRateAlert: return try buildAlertLoop(context)
        case .failover: return try buildFailoverLoop(context)
        }
    }

    /// Schedules each controller's first evaluation at its start.
    mutating func primeControllers(_ scheduler: inout Scheduler<Event>) {
        for k in control.controllers.indices where control.controllers[k].spec.start <= spec.duration {
            scheduler.schedule(.controlTick(controller: Int32(k)), at: control.controllers[k].spec.start)
        }
    }

    /// One evaluation of controller `k`; schedules the next.
    mutating func controllerTick(_ k: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let next = now.saturatingAdd(control.controllers[k].interval)
        if next <= spec.duration { scheduler.schedule(.controlTick(controller: Int32(k)), at: next) }
        guard !controlPlaneDown(k) else {
            control.controllers[k].stats.skipped += 1
            return
        }
        control.controllers[k].stats.decisions += 1
        switch control.controllers[k].loop {
        case .canary: canaryTick(k, scheduler: &scheduler)
        case .autoscaler: autoscalerTick(k, scheduler: &scheduler)
        case .routing: routingTick(k, scheduler: &scheduler)
        case .alert: alertTick(k, now: now)
        case .failover: failoverTick(k, scheduler: &scheduler)
        }
    }

    /// Logs a decision of controller `k` (category `.controller` unless given).
    mutating func logControl(_ k: Int, now: SimTime, from: String, to: String, cause: String,
                             category: StateChangeCategory = .controller, entity: String? = nil) {
        recorder.log(StateChangeEvent(time: now, entity: entity ?? control.controllers[k].spec.entityText, category: category,
                                      from: from, to: to, cause: cause))
    }

    /// What every controller did, in spec order.
    public var controllerSummaries: [ControllerSummary] {
        control.controllers.map { runtime in
            var canary: CanaryOutcome? = nil
            if case .canary(let loop) = runtime.loop {
                canary = CanaryOutcome(phase: loop.rollout.phase, version: recorder.entities[Int(versions[Int(loop.canaryVersion)].entity)].text,
                                       startedAt: runtime.spec.start, finishedAt: loop.finishedAt, firstBreachSeenAt: loop.firstBreachSeenAt,
                                       exposedRequests: loop.exposedRequests, exposedFailures: loop.exposedFailures)
            }
            let stats = runtime.stats
            let target = runtime.spec.targetClient.map { EntityName.client($0).text } ?? EntityName.service(runtime.spec.target).text
            return ControllerSummary(name: runtime.spec.name, kind: runtime.spec.kind, target: target, start: runtime.spec.start,
                                     decisions: stats.decisions, skipped: stats.skipped, actionsApplied: stats.actionsApplied,
                                     actionsLost: stats.actionsLost, actionsYielded: stats.actionsYielded, conflicts: stats.conflicts,
                                     scrapesLost: stats.scrapesLost, canary: canary)
        }
    }
}
