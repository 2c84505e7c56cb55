/// Actions through the control plane: issued at a decision, applied
/// `applyLatency` later if the control plane is up and no higher-priority
/// controller holds the target; conflicts between controllers are logged.
extension World {
    /// Sends `action` of controller `k` on its way.
    mutating func issue(_ action: ControlAction, controller k: Int, cause: String, scheduler: inout Scheduler<Event>) {
        let slot = control.store(PendingAction(controller: Int32(k), decidedAt: scheduler.now, action: action, cause: cause))
        scheduler.schedule(.controlApply(action: slot), after: control.controllers[k].spec.applyLatency)
    }

    /// An action reaches the system.
    mutating func applyControlAction(_ slot: Int32, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        guard let pending = control.take(slot) else { return }
        let k = Int(pending.controller)
        let spec = control.controllers[k].spec
        let key = pending.action.target
        let decided = "decided at t=\(DurationFormat.human(pending.decidedAt))"
        guard !controlPlaneDown(k) else {
            control.controllers[k].stats.actionsLost += 1
            logControl(k, now: now, from: "pending", to: "lost", cause: "control plane down: \(pending.cause) (\(decided)) not applied")
            return
        }
        let before: [Int], after: [Int]
        switch pending.action {
        case .setWeights(_, let points):
            before = currentBasisPoints(key)
            after = points
        case .setReplicas(let s, let replicas):
            before = [provisionedInstances(service: Int(s)).count]
            after = [replicas]
        }
        guard before.count == after.count, before != after else { return }  // nothing left to change
        let delta = zip(after, before).map { Double($0 - $1) }
        let verdict = control.arbiter.judge(key, controller: Int32(k), priority: spec.priority, now: now, window: spec.conflictWindow, delta: delta)
        if case .yield(let holder) = verdict {
            control.controllers[k].stats.actionsYielded += 1
            let name = control.controllers[Int(holder.controller)].spec.name
            logControl(k, now: now, from: "pending", to: "yielded",
                       cause: "\(pending.cause) (\(decided)) not applied: \(name) (priority \(holder.priority) > \(spec.priority)) "
                           + "changed \(targetText(key)) \(DurationFormat.human(now - holder.at)) ago")
            return
        }
        let cause = "\(spec.name): \(pending.cause) (\(decided))"
        switch pending.action {
        case .setWeights(_, let points): setBasisPoints(key, points, cause: cause, now: now)
        case .setReplicas(let s, let replicas): setReplicas(k, service: Int(s), to: replicas, cause: cause, scheduler: &scheduler)
        }
        control.controllers[k].stats.actionsApplied += 1
        var undone = false
        if case .apply(let previous?) = verdict {
            undone = true
            control.controllers[k].stats.conflicts += 1
            let name = control.controllers[Int(previous.controller)].spec.name
            recorder.log(StateChangeEvent(time: now, entity: targetText(key), category: .controller, from: "changed by \(name)",
                                          to: "reversed by \(spec.name)",
                                          cause: "conflict: \(spec.name) (priority \(spec.priority)) reversed \(name)'s change of "
                                              + "\(DurationFormat.human(now - previous.at)) ago (priority \(previous.priority))"))
        }
        control.arbiter.record(key, ControlArbiter.LastChange(controller: Int32(k), priority: spec.priority, at: now, delta: delta), conflict: undone)
        routingApplied(k, now: now)
        canaryApplied(k, now: now)
    }

    /// A weight target's current basis points.
    func currentBasisPoints(_ key: ControlTargetKey) -> [Int] {
        switch key {
        case .split(let s): services[Int(s)].splitter?.basisPoints ?? []
        case .clientRoute(let c): control.clientRoutes[Int(c)]?.splitter.basisPoints ?? []
        case .replicas(let s): [provisionedInstances(service: Int(s)).count]
        }
    }

    /// Sets a splitter's or a route's weights and logs the change (`weight` event on the target).
    mutating func setBasisPoints(_ key: ControlTargetKey, _ points: [Int], cause: String, now: SimTime) {
        let change: WeightChange?
        let names: [String]
        switch key {
        case .split(let s):
            change = try? services[Int(s)].splitter?.setWeights(basisPoints: points)
            names = services[Int(s)].splitter?.config.targets.map(\.name) ?? []
        case .clientRoute(let c):
            change = try? control.clientRoutes[Int(c)]?.splitter.setWeights(basisPoints: points)
            names = control.clientRoutes[Int(c)]?.splitter.config.targets.map(\.name) ?? []
        case .replicas:
            return
        }
        guard let change, change.changed else { return }
        recorder.log(StateChangeEvent(time: now, entity: targetText(key), category: .weight,
                                      from: AdaptiveWeights.text(names: names, basisPoints: change.fromBasisPoints),
                                      to: AdaptiveWeights.text(names: names, basisPoints: change.toBasisPoints), cause: cause))
    }

    /// The entity a target is logged under: `service:api` or `client:web`.
    func targetText(_ key: ControlTargetKey) -> String {
        switch key {
        case .split(let s), .replicas(let s): EntityName.service(services[Int(s)].spec.name).text
        case .clientRoute(let c): EntityName.client(clients[Int(c)].spec.name).text
        }
    }
}
