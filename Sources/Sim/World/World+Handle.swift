/// The one place events are dispatched.
extension World {
    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        // Window [start, end) closes before anything at `end` happens, whatever order
        // same-time events were scheduled in: a fault or burst at 20 s belongs to window 20.
        // (The `.windowClose` tick at every end up to the duration keeps `now == end` here.)
        if scheduler.now >= windowCloseAt {
            let windowEnd = windowCloseAt
            scrapeTelemetry(now: windowEnd)  // reads the window's counters before they reset
            closeWindow(at: windowEnd)
        }
        switch event {
        case .arrival(let c): clientArrival(Int(c), scheduler: &scheduler)
        case .burst(let c, let count): clientBurst(Int(c), count: Int(count), scheduler: &scheduler)
        case .userStart(let c): startClientRequest(Int(c), scheduler: &scheduler)
        case .attemptArrives(let a): attemptArrives(a, &scheduler)
        case .workDone(let a): workDone(a, &scheduler)
        case .response(let a): deliverResponse(a, scheduler: &scheduler)
        case .attemptTimeout(let a): attemptTimedOut(a, scheduler: &scheduler)
        case .perTryTimeout(let e): perTryTimerFired(edge: Int(e), scheduler: &scheduler)
        case .retry(let c):
            if calls.isLive(c) && !calls[c].finished { sendAttempt(c, kind: .retry, scheduler: &scheduler) }
        case .hedge(let c):
            if calls.isLive(c) && !calls[c].finished { sendAttempt(c, kind: .hedge, scheduler: &scheduler) }
        case .fallbackDone(let a): childSettled(a, scheduler: &scheduler)
        case .poolTimeout(let a): poolWaitExpired(a, scheduler: &scheduler)
        case .windowClose: scheduleWindowClose(scheduler: &scheduler)
        case .faultStart(let f): faultStarted(Int(f), scheduler: &scheduler)
        case .faultEnd(let f): faultEnded(Int(f), scheduler: &scheduler)
        case .preempt(let f): preempt(Int(f), scheduler: &scheduler)
        case .instanceRestart(let i, let life): instanceRestart(Int(i), life: life, scheduler: &scheduler)
        case .instanceReady(let i, let life): instanceReady(Int(i), life: life, scheduler: &scheduler)
        case .discovery(let i, let life): discoveryCaughtUp(Int(i), life: life)
        case .breakerPoll(let e, let slot): breakerPoll(edge: Int(e), slot: Int(slot), now: scheduler.now)
        case .outlierSweep(let e): outlierSweep(edge: Int(e), scheduler: &scheduler)
        case .redeliver(let s, let m): requeueMessage(service: Int(s), message: m, scheduler: &scheduler)
        case .controlTick(let k): controllerTick(Int(k), scheduler: &scheduler)
        case .controlApply(let a): applyControlAction(a, scheduler: &scheduler)
        case .controlRetire(let i, let life): retireDrained(Int(i), life: life, scheduler: &scheduler)
        }
    }

    /// Drains one policy slot after a pipeline operation on the request path:
    /// almost always there is nothing to drain, so the check is inline and the work is not.
    @inline(__always) mutating func drainPipelineEvents(edge e: Int, slot: Int, now: SimTime) {
        if edges[e].pipelines[slot].hasEvents { drainPipelineEvents(edge: e, slots: slot..<(slot + 1), now: now) }
    }

    /// Drains every policy slot of edge `e`.
    mutating func drainPipelineEvents(edge e: Int, now: SimTime) {
        drainPipelineEvents(edge: e, slots: edges[e].pipelines.indices, now: now)
    }

    /// Turns what the pipelines report (breaker transitions, ejections, limit
    /// changes) into state-change events with their causes.
    mutating func drainPipelineEvents(edge e: Int, slots: Range<Int>, now: SimTime) {
        for slot in slots {
            edges[e].pipelines[slot].drainEvents(into: &pipelineEvents)
            guard !pipelineEvents.isEmpty else { continue }
            defer { pipelineEvents.removeAll(keepingCapacity: true) }
            for event in pipelineEvents {
                var entity = recorder.entities[Int(edges[e].entity)].text
                if edges[e].pipelines.count > 1 { entity += "#\(slot)" }
                if case .ejected(let host, _, _) = event.kind { entity = hostName(edge: e, host: host) }
                if case .unejected(let host) = event.kind { entity = hostName(edge: e, host: host) }
                recorder.log(StateChangeEvent(time: event.time, entity: entity, category: StateChangeCategory(rawValue: event.category) ?? .controller,
                                              from: event.from, to: event.to, cause: event.cause))
            }
        }
    }

    func hostName(edge e: Int, host: Int) -> String {
        let callee = Int(edges[e].callee)
        return EntityName.instance(services[callee].spec.name, host).text
    }

    /// A breaker timer fired (automatic open -> half-open, max wait in half-open).
    mutating func breakerPoll(edge e: Int, slot: Int, now: SimTime) {
        edges[e].pipelines[slot].poll(now: now)
        drainPipelineEvents(edge: e, now: now)
    }

    /// Periodic outlier-detection sweep (un-ejection, success-rate ejection).
    mutating func outlierSweep(edge e: Int, scheduler: inout Scheduler<Event>) {
        for slot in edges[e].pipelines.indices {
            edges[e].pipelines[slot].sweepOutliers(now: scheduler.now, hostCount: services[Int(edges[e].callee)].hosts.count,
                                                   using: &edgeRandom[e])
        }
        drainPipelineEvents(edge: e, now: scheduler.now)
        scheduler.schedule(.outlierSweep(edge: Int32(e)), after: edges[e].pipelines[0].outlierSweepInterval)
    }
}
