/// Replicas: what an autoscaler's action does to a service's instances.
///
/// Scale-out provisions instances that start cold: `provisioningDelay`, then
/// the service's start-up time, then its warm-up (a scaled-in slot of the
/// same version is reused, as a new pod on a recycled node). Scale-in takes
/// instances still starting first (newest first), then running ones (highest
/// host first): they leave discovery at once, drain for `drainTime`, then stop.
extension World {
    /// The instances of service `s` not scaled in, in host order.
    func provisionedInstances(service s: Int) -> [Int] {
        services[s].hosts.map(Int.init).filter { !control.isRetired($0) }
    }

    /// Brings service `s` to `replicas` provisioned instances (autoscaler `k`'s action).
    mutating func setReplicas(_ k: Int, service s: Int, to replicas: Int, cause: String, scheduler: inout Scheduler<Event>) {
        guard case .autoscaler(let loop) = control.controllers[k].loop else { return }
        let current = provisionedInstances(service: s)
        recorder.log(StateChangeEvent(time: scheduler.now, entity: EntityName.service(services[s].spec.name).text, category: .controller,
                                      from: "\(current.count) replicas", to: "\(replicas) replicas", cause: cause))
        if replicas > current.count {
            for _ in current.count..<replicas { provision(service: s, version: loop.version, delay: loop.provisioningDelay, cause: cause, scheduler: &scheduler) }
        } else {
            let victims = current.filter { instances[$0].state == .starting }.reversed() + current.filter { instances[$0].state != .starting }.reversed()
            for i in victims.prefix(current.count - replicas) { retire(i, drainTime: loop.drainTime, cause: cause, scheduler: &scheduler) }
        }
    }

    /// Starts one new instance of `version`: ready after `delay` plus the service's start-up time.
    mutating func provision(service s: Int, version: Int32, delay: SimTime, cause: String, scheduler: inout Scheduler<Event>) {
        let i: Int
        let from: String
        if let reused = services[s].hosts.map(Int.init).first(where: { control.isRetired($0) && instances[$0].state == .down && instances[$0].version == version }) {
            i = reused
            from = "down"
            control.retired[i] = false
            instances[i].state = .starting
            instances[i].life &+= 1
        } else {
            i = Int(addInstance(service: Int32(s), version: version, ready: false))
            from = "absent"
        }
        if control.retired.count < instances.count { control.retired.append(contentsOf: repeatElement(false, count: instances.count - control.retired.count)) }
        installInstancePolicies(instance: i)
        let ready = delay.saturatingAdd(services[s].spec.startupTime)
        logInstance(i, from: from, to: "starting", cause: "scale-out (\(cause)): ready in \(DurationFormat.human(ready))", now: scheduler.now)
        scheduler.schedule(.instanceReady(instance: Int32(i), life: instances[i].life), after: ready)
    }

    /// Scales instance `i` in: a starting or down one stops at once, a running one drains first.
    mutating func retire(_ i: Int, drainTime: SimTime, cause: String, scheduler: inout Scheduler<Event>) {
        if control.retired.count < instances.count { control.retired.append(contentsOf: repeatElement(false, count: instances.count - control.retired.count)) }
        control.retired[i] = true
        switch instances[i].state {
        case .starting:
            crash(i, restartAfter: .max, cause: "scale-in (\(cause)): stopped while starting", scheduler: &scheduler)
        case .down:
            instances[i].life &+= 1  // a restart already scheduled by a fault is cancelled
        case .up:
            setRegistered(i, false)  // load balancers stop picking it now
            logInstance(i, from: "up", to: "draining", cause: "scale-in (\(cause)): stops in \(DurationFormat.human(drainTime))", now: scheduler.now)
            scheduler.schedule(.controlRetire(instance: Int32(i), life: instances[i].life), after: drainTime)
        }
    }

    /// A draining instance's time is up: it stops (work still on it fails).
    mutating func retireDrained(_ i: Int, life: UInt32, scheduler: inout Scheduler<Event>) {
        guard instances[i].life == life, instances[i].state == .up, control.isRetired(i) else { return }
        crash(i, restartAfter: .max, cause: "scale-in: drained", scheduler: &scheduler)
    }
}
