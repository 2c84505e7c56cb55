/// The caller side: a call runs through its edge's client pipeline, which
/// admits it, spaces its retries and hedges, and decides when it is over.
///
/// `@inline(__always)` here marks a step of the per-visit path (send, arrive,
/// work, answer), run on every service visit: each was measured with
/// callgrind on the three-tier bench and kept only when the whole run got
/// cheaper (README, "Benchmarking"). A step whose inlining measured worse
/// (completeCall, attemptAnswered, sendAttempt) stays a call.
extension World {
    /// Starts a logical call on edge `e`. The caller learns the result through
    /// `callFinished` (possibly before this returns, when it is refused at once).
    mutating func startCall(edge e: Int32, slot: Int32, parent: AttemptHandle, client: Int32, message: Int32, identity: UInt64,
                            key: UInt64, priority: UInt8, origin: Int32, deadline: SimTime, required: Bool, fallbackLatency: SimTime,
                            scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let edge = Int(e)
        recorder.count(edges[edge].entity, .offered)
        edges[edge].inFlight &+= 1
        let start = edges[edge].pipelines[Int(slot)].startCall(now: now, deadline: deadline, using: &edgeRandom[edge])
        let usedSlot = Int(slot)
        let record = CallRecord(
            edge: e, policySlot: slot, parentAttempt: parent, client: client, message: message, identity: identity, key: key,
            priority: priority, origin: origin, state: start.state, outstanding: InlineHandles(),
            finished: false, required: required, fallbackLatency: fallbackLatency)
        guard let c = calls.allocate(record) else {
            edges[edge].inFlight &-= 1
            hitModelLimit(.model(name: "maxInFlight (calls alive at once)", bound: Int64(spec.limits.maxInFlight)), scheduler: &scheduler)
            return
        }
        drainPipelineEvents(edge: edge, slot: usedSlot, now: now)
        if let stage = start.rejectedBy {
            countRejection(stage, edge: edge, client: client)
            completeCall(c, .rejected, scheduler: &scheduler)
            return
        }
        sendAttempt(c, kind: .first, scheduler: &scheduler)
    }

    /// Starts the dependency call `call` for job `a`.
    @inline(__always) mutating func startChildCall(parent a: AttemptHandle, call: ResolvedCall, scheduler: inout Scheduler<Event>) {
        let edge = Int(call.edge)
        let slot = edges[edge].pipelines.count == 1 ? 0 : Int32(Int(attempts[a].host) % edges[edge].pipelines.count)
        let identity = SplitMix64.mix(attempts[a].identity ^ (UInt64(UInt16(bitPattern: attempts[a].attemptNumber)) << 48)
                                      ^ (UInt64(attempts[a].step) << 32) ^ UInt64(UInt32(bitPattern: call.edge)))
        startCall(edge: call.edge, slot: slot, parent: a, client: -1, message: -1, identity: identity, key: attempts[a].key,
                  priority: attempts[a].priority, origin: attempts[a].origin,
                  deadline: versions[Int(attempts[a].version)].propagatesDeadline ? attempts[a].deadline : .max, required: call.required,
                  fallbackLatency: call.fallbackLatency, scheduler: &scheduler)
    }

    /// Asks the pipeline for another attempt of `c` and sends it.
    mutating func sendAttempt(_ c: CallHandle, kind: AttemptKind, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if calls[c].state.attempts >= spec.limits.maxAttemptsPerCall {
            // Retries and hedges together may not send more than this per call: the run stops, naming it.
            hitModelLimit(.model(name: "maxAttemptsPerCall", bound: Int64(spec.limits.maxAttemptsPerCall)), scheduler: &scheduler)
            return
        }
        let edge = Int(calls[c].edge)
        let slot = Int(calls[c].policySlot)
        let decision = edges[edge].pipelines[slot].startAttempt(
            &calls[c].state, kind: kind.pipelineKind, now: now, activeRequests: edges[edge].inFlight, using: &edgeRandom[edge])
        drainPipelineEvents(edge: edge, slot: slot, now: now)
        switch decision {
        case .skip(let stage):
            countRejection(stage, edge: edge, client: calls[c].client)
            return
        case .giveUp(let outcome, let stage):
            if let stage { countRejection(stage, edge: edge, client: calls[c].client) }
            if calls[c].outstanding.count == 0 { completeCall(c, outcome, scheduler: &scheduler) }
            return
        case .send(let ticket, let timeout):
            dispatch(c, kind: kind, ticket: ticket, timeout: timeout, scheduler: &scheduler)
        }
    }

    /// Routes an admitted attempt to an instance and puts it on the wire.
    @inline(__always) mutating func dispatch(_ c: CallHandle, kind: AttemptKind, ticket: AttemptTicket, timeout: SimTime, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let edge = Int(calls[c].edge)
        let slot = Int(calls[c].policySlot)
        let callee = Int(edges[edge].callee)
        let version = routeVersion(c, kind: kind, service: callee, edge: edge, scheduler: &scheduler)
        let picked = pickHost(service: callee, version: version, edge: edge, slot: slot)
        // The attempt just let out is number attempts - 1, below maxAttemptsPerCall
        // (checked in sendAttempt), which the build keeps within Int16.
        guard let a = newAttempt(of: c, waiting: true, kind: kind, attemptNumber: Int16(truncatingIfNeeded: calls[c].state.attempts &- 1), identity: calls[c].identity,
                                 callee: callee, host: picked, version: version, ticket: ticket, scheduler: &scheduler) else { return }
        _ = calls[c].outstanding.append(a)
        recorder.count(edges[edge].entity, .attempts)
        if kind == .retry { recorder.count(edges[edge].entity, .retries) }
        if kind == .hedge { recorder.count(edges[edge].entity, .hedges) }
        if timeout < .max {
            // Most attempts get the edge's full per-try timeout: those wait in the edge's timers.
            if timeout == edges[edge].perTryTimeout {
                setPerTryTimer(a, edge: edge, after: timeout, scheduler: &scheduler)
            } else {
                scheduler.schedule(.attemptTimeout(a), after: timeout)
            }
        }
        if kind == .first && edges[edge].hedging, let hedgeAt = edges[edge].pipelines[slot].nextHedgeTime(calls[c].state, now: now) {
            scheduler.schedule(.hedge(call: c), at: hedgeAt)
        }
        guard picked != nil else {
            // No eligible host: Envoy's "no healthy upstream", an immediate 503.
            attempts[a].phase = .done
            attempts[a].outcome = .overloaded
            attemptAnswered(a, .overloaded, scheduler: &scheduler)
            return
        }
        let cell = edges[edge].outstandingCell(slot: attempts[a].policySlot, host: attempts[a].host)
        edges[edge].outstanding[cell] &+= 1
        if edges[edge].poolSize > 0 {
            if edges[edge].poolActive[slot] >= edges[edge].poolSize {
                attempts[a].phase = .waitingForConnection
                edges[edge].poolWaiting[slot].pushBack(a)
                scheduler.scheduleFixedDelay(.poolTimeout(a), after: edges[edge].spec.poolMaxWait)
                return
            }
            edges[edge].poolActive[slot] += 1
            attempts[a].holdsConnection = true
        }
        transmit(a, scheduler: &scheduler)
    }

    /// A new attempt record for call `c`'s request, travelling to `host`
    /// (a position in `callee`'s hosts; nil: none was eligible), or nil when
    /// the in-flight limit stopped the run. `waiting: false` makes a shadow
    /// copy: no call owns it and no caller waits for its answer.
    mutating func newAttempt(of c: CallHandle, waiting: Bool, kind: AttemptKind, attemptNumber: Int16, identity: UInt64, callee: Int,
                             host: Int?, version: Int32, ticket: AttemptTicket, scheduler: inout Scheduler<Event>) -> AttemptHandle? {
        let now = scheduler.now
        let record = AttemptRecord(
            identity: identity, key: calls[c].key, deadline: calls[c].state.deadline, sent: now, arrived: now,
            call: waiting ? c : .none, edge: calls[c].edge, policySlot: calls[c].policySlot, origin: calls[c].origin,
            instance: host.map { services[callee].hosts[$0] } ?? -1, host: Int32(host ?? -1), version: version, ticket: ticket,
            attemptNumber: attemptNumber, step: 0, pendingChildCalls: 0, kind: kind, priority: calls[c].priority, phase: .travelling,
            outcome: .connectionError, holdsConnection: false, callerDone: !waiting, callerGaveUp: false, cancelRequested: false,
            failedRequired: false, usedFallback: false, holdsSlot: false, holdsLimiterPermit: false, cacheMiss: false)
        guard let a = attempts.allocate(record) else {
            hitModelLimit(.model(name: "maxInFlight (attempts alive at once)", bound: Int64(spec.limits.maxInFlight)), scheduler: &scheduler)
            return nil
        }
        return a
    }

    /// Puts an attempt on the network towards its instance.
    @inline(__always) mutating func transmit(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        let edge = Int(attempts[a].edge)
        attempts[a].phase = .travelling
        if edges[edge].partitioned {
            lostInPartition(a, scheduler: &scheduler)
            return
        }
        if edges[edge].latencyIsZero {
            attemptArrives(a, &scheduler)
        } else {
            scheduler.schedule(.attemptArrives(a), after: edges[edge].latency.sampleDuration(using: &networkRandom))
        }
    }

    /// Attempt `a` would cross an active partition (going out, or already on
    /// the wire when it began): lost. The caller hears of it as a connection
    /// error after the reset (`fail`), or not at all (`hang`: its timeout ends
    /// the wait); a shadow copy, which no caller awaits, is simply released.
    mutating func lostInPartition(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        attempts[a].phase = .done
        attempts[a].outcome = .connectionError
        if edges[Int(attempts[a].edge)].partitionHangs || attempts[a].callerDone {
            releaseIfDone(a)
        } else {
            scheduler.schedule(.response(a), after: spec.network.connectFailureDelay)
        }
    }

    /// The server's answer (or a network failure) reached the caller.
    @inline(__always) mutating func deliverResponse(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        guard attempts.isLive(a) else { return }
        if attempts[a].callerDone {
            releaseIfDone(a)
            return
        }
        let edge = Int(attempts[a].edge)
        if edges[edge].partitioned {
            // The answer crosses an active partition and is lost: a reset reaches
            // the caller as a connection error; in a hang its timeout ends the wait.
            if !edges[edge].partitionHangs { attemptAnswered(a, .connectionError, scheduler: &scheduler) }
            return
        }
        attemptAnswered(a, attempts[a].outcome, scheduler: &scheduler)
    }

    /// The caller stopped waiting for `a`: it timed out.
    mutating func attemptTimedOut(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        guard attempts.isAwaited(a) else { return }
        attempts[a].callerGaveUp = true
        if edges[Int(attempts[a].edge)].cancelOnTimeout { cancelServerWork(a, scheduler: &scheduler) }
        attemptAnswered(a, .timeout, scheduler: &scheduler)
    }

    /// An attempt waited too long for a pooled connection.
    mutating func poolWaitExpired(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        guard attempts.isLive(a), attempts[a].phase == .waitingForConnection else { return }
        let edge = Int(attempts[a].edge)
        edges[edge].poolWaiting[Int(attempts[a].policySlot)].removeAll { $0 == a }
        attempts[a].phase = .done
        attempts[a].outcome = .connectionError
        if !attempts[a].callerDone { attemptAnswered(a, .connectionError, scheduler: &scheduler) } else { releaseIfDone(a) }
    }

    /// The caller has the outcome of attempt `a`: feed it to the pipeline and act.
    mutating func attemptAnswered(_ a: AttemptHandle, _ outcome: OutcomeClass, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let c = attempts[a].call
        let edge = Int(attempts[a].edge)
        let slot = Int(attempts[a].policySlot)
        leaveCaller(a, scheduler: &scheduler)
        guard calls.isLive(c), !calls[c].finished else {
            releaseIfDone(a)
            return
        }
        calls[c].outstanding.remove(a)
        let host = attempts[a].host >= 0 ? Int(attempts[a].host) : nil
        let decision = edges[edge].pipelines[slot].finishAttempt(
            &calls[c].state, ticket: attempts[a].ticket, host: host, now: now, outcome: outcome,
            latency: now - attempts[a].sent, retryAfter: nil, using: &edgeRandom[edge])
        drainPipelineEvents(edge: edge, slot: slot, now: now)
        releaseIfDone(a)
        switch decision {
        case .complete(let final):
            completeCall(c, final, scheduler: &scheduler)
        case .retry(let delay):
            if delay.ns > 0 {
                scheduler.schedule(.retry(call: c), after: delay)
            } else {
                sendAttempt(c, kind: .retry, scheduler: &scheduler)
            }
        case .wait:
            break
        }
    }

    /// The caller side lets go of `a`: load-balancer count, pooled connection.
    @inline(__always) mutating func leaveCaller(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        attempts[a].callerDone = true
        if attempts[a].instance >= 0 {
            // Counted from dispatch on, connection wait included.
            let edge = Int(attempts[a].edge)
            let cell = edges[edge].outstandingCell(slot: attempts[a].policySlot, host: attempts[a].host)
            edges[edge].outstanding[cell] &-= 1
        }
        if attempts[a].phase == .waitingForConnection || attempts[a].holdsConnection { leaveConnectionPool(a, scheduler: &scheduler) }
    }

    /// The pooled-connection part of `leaveCaller`: out of line, since most
    /// edges have no pool and the caller is inlined on every answer.
    @inline(never) mutating func leaveConnectionPool(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        if attempts[a].phase == .waitingForConnection {
            edges[Int(attempts[a].edge)].poolWaiting[Int(attempts[a].policySlot)].removeAll { $0 == a }
            attempts[a].phase = .done
        }
        if attempts[a].holdsConnection {
            attempts[a].holdsConnection = false
            let edge = Int(attempts[a].edge)
            let slot = Int(attempts[a].policySlot)
            edges[edge].poolActive[slot] -= 1
            // The freed connection goes to the next waiting attempt.
            if let next = edges[edge].poolWaiting[slot].popFront() {
                edges[edge].poolActive[slot] += 1
                attempts[next].holdsConnection = true
                transmit(next, scheduler: &scheduler)
            }
        }
    }

    /// Asks the callee to stop working on `a` (its caller no longer waits).
    mutating func cancelServerWork(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        attempts[a].cancelRequested = true
        if attempts[a].phase == .queued {
            let i = Int(attempts[a].instance)
            instances[i].station.removeWaiting { $0 == a }
            finishJob(a, .clientError, didWork: false, scheduler: &scheduler)
        }
    }

    /// The call is over: settle its losing attempts, tell the pipeline and the parent.
    mutating func completeCall(_ c: CallHandle, _ outcome: OutcomeClass, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let edge = Int(calls[c].edge)
        let slot = Int(calls[c].policySlot)
        calls[c].finished = true
        // Attempts still out lost (a hedge or a retry raced): their callers give up.
        let cancelLosers = edges[edge].cancelsLosers || edges[edge].cancelOnTimeout
        while let loser = calls[c].outstanding.takeFirst() {
            guard attempts.isLive(loser), !attempts[loser].callerDone else { continue }
            attempts[loser].callerGaveUp = true
            if cancelLosers { cancelServerWork(loser, scheduler: &scheduler) }
            guard attempts.isLive(loser) else { continue }
            leaveCaller(loser, scheduler: &scheduler)
            releaseIfDone(loser)
        }
        let latency = now - calls[c].state.started
        recorder.outcome(edges[edge].entity, outcome, latency: outcome == .rejected ? nil : latency)
        edges[edge].inFlight &-= 1
        edges[edge].pipelines[slot].finishCall(&calls[c].state, now: now, outcome: outcome, latency: latency)
        drainPipelineEvents(edge: edge, slot: slot, now: now)
        let record = calls[c]
        calls.release(c)
        if record.client >= 0 {
            clientRequestFinished(client: Int(record.client), outcome: outcome, latency: latency, scheduler: &scheduler)
        } else if record.message >= 0 {
            deliveryFinished(service: Int(edges[edge].caller.serviceIndex), message: record.message, outcome: outcome, scheduler: &scheduler)
        } else if !record.parentAttempt.isNone {
            childCallFinished(parent: record.parentAttempt, required: record.required, fallbackLatency: record.fallbackLatency,
                              outcome: outcome, scheduler: &scheduler)
        }
    }

    /// Counts a refusal by a client-side stage on the edge (and the client, for client requests).
    mutating func countRejection(_ stage: RejectionStage, edge: Int, client: Int32) {
        let counter: Counter
        switch stage {
        case .breaker: counter = .rejectedBreaker
        case .throttle: counter = .rejectedThrottle
        case .budget: counter = .rejectedBudget
        case .rateLimit, .bulkhead: counter = .rejectedLimiter
        case .deadline: return
        }
        recorder.count(edges[edge].entity, counter)
        if client >= 0 { recorder.count(clients[Int(client)].entity, counter) }
    }

    /// Stops the run at a model limit (the first one hit is reported).
    mutating func hitModelLimit(_ limit: RunLimit, scheduler: inout Scheduler<Event>) {
        if modelLimitHit == nil {
            modelLimitHit = limit
            recorder.log(StateChangeEvent(time: scheduler.now, entity: EntityName.run.text, category: .limit,
                                          from: "running", to: "stopped", cause: limit.description))
        }
        scheduler.stop(because: limit)
    }
}

extension AttemptKind {
    var pipelineKind: PipelineAttemptKind {
        switch self {
        case .first: .first
        case .retry: .retry
        case .hedge: .hedge
        }
    }
}

extension Caller {
    /// The calling service's index (-1 for a client).
    var serviceIndex: Int32 {
        if case .service(let s) = self { return s }
        return -1
    }
}
