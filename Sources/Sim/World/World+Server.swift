/// The server side: an attempt arrives at an instance, passes (or fails) the
/// entry policies, queues, does its local work, makes its dependency calls,
/// and answers.
///
/// `@inline(__always)` here marks a step of the per-visit path (send, arrive,
/// work, answer), run on every service visit: each was measured with
/// callgrind on the three-tier bench and kept only when the whole run got
/// cheaper (README, "Benchmarking"). A step whose inlining measured worse
/// (completeCall, attemptAnswered, sendAttempt) stays a call.
extension World {
    /// An attempt reached its instance.
    @inline(__always) mutating func attemptArrives(_ a: AttemptHandle, _ scheduler: inout Scheduler<Event>) {
        guard attempts.isLive(a), attempts[a].phase == .travelling else { return }
        let now = scheduler.now
        attempts[a].arrived = now
        if attempts[a].cancelRequested {
            // The caller cancelled while the request was on the wire: nothing to do.
            attempts[a].phase = .done
            releaseIfDone(a)
            return
        }
        if edges[Int(attempts[a].edge)].partitioned {
            // Sent before a partition began, and lost on the wire inside it.
            lostInPartition(a, scheduler: &scheduler)
            return
        }
        let i = Int(attempts[a].instance)
        let s = Int(instances[i].service)
        recorder.count(services[s].entity, .offered)
        let v = Int(attempts[a].version)
        if !versions[v].mirrorsService { recorder.count(versions[v].entity, .offered) }

        // A dead or starting instance refuses the connection at once (a fast failure).
        guard instances[i].state == .up else {
            finishJob(a, .connectionError, didWork: false, scheduler: &scheduler)
            return
        }
        if versions[v].propagatesDeadline && attempts[a].deadline <= now {
            // Already past its deadline (gRPC's DEADLINE_EXCEEDED before the handler runs).
            finishJob(a, .timeout, didWork: false, scheduler: &scheduler)
            return
        }
        switch arrivalFault(a, service: s) {
        case .blackHole:
            // Never answers: the server side is done, the caller waits for its timeout.
            // Recorded as a timeout without latency, so the service's counts balance
            // (offered = answered + in flight) and its success ratio shows the fault.
            recorder.outcome(services[s].entity, .timeout, latency: nil)
            if !versions[v].mirrorsService { recorder.outcome(versions[v].entity, .timeout, latency: nil) }
            attempts[a].phase = .done
            attempts[a].outcome = .timeout
            releaseIfDone(a)
            return
        case .fail(let outcome):
            finishJob(a, outcome, didWork: false, scheduler: &scheduler)
            return
        case .none:
            break
        }
        if services[s].guardsEntry && !passesEntryPolicies(a, instance: i, service: s, now: now, scheduler: &scheduler) { return }
        switch instances[i].station.arrive(a) {
        case .serve:
            startWork(a, scheduler: &scheduler)
        case .queued:
            attempts[a].phase = .queued
        case .rejected:
            recorder.count(services[s].entity, .rejectedQueueFull)
            finishJob(a, .overloaded, didWork: false, scheduler: &scheduler)
        }
    }

    /// Entry policies: service rate limit, instance load shedder, instance
    /// concurrency limit. False when one refused `a` (its job is then finished).
    /// Out of line: most services have none, and they test `guardsEntry` first.
    @inline(never)
    mutating func passesEntryPolicies(_ a: AttemptHandle, instance i: Int, service s: Int, now: SimTime,
                                      scheduler: inout Scheduler<Event>) -> Bool {
        if services[s].rateLimiter != nil {
            if case .rejected = services[s].rateLimiter!.acquire(now: now, permits: 1) {
                recorder.count(services[s].entity, .rejectedLimiter)
                finishJob(a, .throttled, didWork: false, scheduler: &scheduler)
                return false
            }
        }
        let priority = attempts[a].priority
        if shedders[i] != nil {
            let decision = shedders[i]!.admit(now: now, queueLength: instances[i].station.queueLength,
                                                        capacity: instances[i].station.queueCapacity, priority: Int(priority))
            if !decision.isAdmitted {
                recorder.count(services[s].entity, .shed)
                finishJob(a, .overloaded, didWork: false, scheduler: &scheduler)
                return false
            }
        }
        if limiters[i] != nil {
            guard limiters[i]!.tryAcquire(now: now) else {
                recorder.count(services[s].entity, .rejectedLimiter)
                finishJob(a, .overloaded, didWork: false, scheduler: &scheduler)
                return false
            }
            attempts[a].holdsLimiterPermit = true
        }
        return true
    }

    /// A server slot is now working on `a`: draw its service time.
    @inline(__always) mutating func startWork(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let i = Int(attempts[a].instance)
        let v = Int(attempts[a].version)
        let s = Int(instances[i].service)
        attempts[a].phase = .working
        attempts[a].holdsSlot = true
        instances[i].busy.set(instances[i].station.busy, at: now)

        var random = jobRandom(a, service: s)
        let sampled = versions[v].serviceTime.sampleDuration(using: &random)
        var work = Double(sampled.ns)
        // Load-dependent latency: requests in the system per slot of concurrency.
        // (Each factor is skipped when it is exactly 1: multiplying by it changes nothing.)
        let loadScaled = versions[v].loadLatency.kind != .none
        if loadScaled {
            let load = Double(instances[i].station.inSystem) / Double(max(1, instances[i].concurrency))
            work *= versions[v].loadLatency.multiplier(atLoad: load)
        }
        let warmup = services[s].warmsUp ? warmupMultiplier(instance: i, service: s, now: now) : 1
        let factor = warmup * instances[i].slowdown
        let (multiplier, added) = latencyFaults(a, service: s, now: now, random: &random)
        if services[s].kind == .cache {
            attempts[a].cacheMiss = !cacheHit(a, service: s, now: now, random: &random)
        }
        let duration: SimTime
        if !loadScaled && factor == 1 && multiplier == 1 && added.ns == 0 && sampled.ns < 1 << 53 {
            // Nothing scales it: the arithmetic below would give back `sampled`
            // exactly (an integer below 2^53 survives the round trip through
            // Double), so the second rounding is skipped.
            duration = sampled
        } else {
            work *= factor
            work = work * multiplier + Double(added.ns)
            duration = SimTime(roundingSaturated: min(work, 9e18))
        }
        scheduler.schedule(.workDone(a), after: duration)
    }

    /// Local work finished: fail intrinsically, or make the dependency calls.
    @inline(__always) mutating func workDone(_ a: AttemptHandle, _ scheduler: inout Scheduler<Event>) {
        guard attempts.isLive(a), attempts[a].phase == .working else { return }
        let s = Int(instances[Int(attempts[a].instance)].service)
        if attempts[a].cancelRequested {
            finishJob(a, .clientError, didWork: true, scheduler: &scheduler)
            return
        }
        var random = jobRandom(a, service: s, salt: 1)
        if let failure = intrinsicFailure(a, service: s, now: scheduler.now, random: &random) {
            finishJob(a, failure, didWork: true, scheduler: &scheduler)
            return
        }
        if services[s].kind == .queue {
            // The broker acknowledges once the message is stored.
            let stored = enqueueMessage(service: s, call: attempts[a].call, scheduler: &scheduler)
            finishJob(a, stored ? .success : .overloaded, didWork: true, scheduler: &scheduler)
            return
        }
        if versions[Int(attempts[a].version)].steps.isEmpty || (services[s].kind == .cache && !attempts[a].cacheMiss) {
            finishJob(a, .success, didWork: true, scheduler: &scheduler)
            return
        }
        beginStep(a, 0, scheduler: &scheduler)
    }

    /// Starts step `step` (skipping steps where no call is made); finishes the
    /// job when the steps run out.
    mutating func beginStep(_ a: AttemptHandle, _ step: Int, scheduler: inout Scheduler<Event>) {
        // Steps and calls are read by index, each where it is used: holding the
        // arrays across the child calls would cost reference counting per job.
        let v = Int(attempts[a].version)
        let stepCount = versions[v].steps.count
        var current = step
        while current < stepCount && !attempts[a].cancelRequested {
            attempts[a].phase = .calling
            attempts[a].step = Int16(truncatingIfNeeded: current)
            // One token held by this loop so children that finish at once cannot end the step early.
            attempts[a].pendingChildCalls = 1
            // Drawn only for a call made with some probability: the generator is
            // seeded per step, so making it lazily changes no draw.
            var random: SplitMix64? = nil
            for position in 0..<versions[v].steps[current].count {
                let call = versions[v].steps[current][position]
                if call.probability < 1 {
                    if random == nil {
                        random = jobRandom(a, service: Int(instances[Int(attempts[a].instance)].service), salt: 2 + UInt64(current))
                    }
                    guard random!.chance(call.probability) else { continue }
                }
                attempts[a].pendingChildCalls &+= 1
                startChildCall(parent: a, call: call, scheduler: &scheduler)
                guard attempts.isLive(a), attempts[a].phase == .calling else { return }
            }
            attempts[a].pendingChildCalls &-= 1
            if attempts[a].pendingChildCalls > 0 { return }
            if attempts[a].failedRequired {
                finishJob(a, .serverError, didWork: true, scheduler: &scheduler)
                return
            }
            current += 1
        }
        // A cancelled job ends like nginx's 499 "client closed request".
        finishJob(a, attempts[a].cancelRequested ? .clientError : .success, didWork: true, scheduler: &scheduler)
    }

    /// A dependency call made for job `a` finished.
    @inline(__always) mutating func childCallFinished(parent a: AttemptHandle, required: Bool, fallbackLatency: SimTime, outcome: OutcomeClass,
                                    scheduler: inout Scheduler<Event>) {
        guard attempts.isLive(a), attempts[a].phase == .calling else { return }
        if outcome != .success {
            if required {
                attempts[a].failedRequired = true
            } else {
                attempts[a].usedFallback = true
                recorder.count(services[Int(instances[Int(attempts[a].instance)].service)].entity, .fallbacks)
                if fallbackLatency.ns > 0 {
                    scheduler.schedule(.fallbackDone(a), after: fallbackLatency)
                    return
                }
            }
        }
        childSettled(a, scheduler: &scheduler)
    }

    /// One pending child of `a` is settled (answered, or its fallback produced).
    mutating func childSettled(_ a: AttemptHandle, scheduler: inout Scheduler<Event>) {
        guard attempts.isLive(a), attempts[a].phase == .calling else { return }
        attempts[a].pendingChildCalls &-= 1
        guard attempts[a].pendingChildCalls == 0 else { return }
        if attempts[a].failedRequired {
            finishJob(a, .serverError, didWork: true, scheduler: &scheduler)
        } else {
            beginStep(a, Int(attempts[a].step) + 1, scheduler: &scheduler)
        }
    }

    /// The server side of `a` is over: free its slot, account for it, answer.
    mutating func finishJob(_ a: AttemptHandle, _ outcome: OutcomeClass, didWork: Bool, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let i = Int(attempts[a].instance)
        let s = Int(instances[i].service)
        let v = Int(attempts[a].version)
        attempts[a].phase = .done
        attempts[a].outcome = outcome
        if attempts[a].holdsLimiterPermit {
            attempts[a].holdsLimiterPermit = false
            if let change = limiters[i]?.release(now: now, rtt: now - attempts[a].arrived, outcome: outcome) {
                logConcurrencyChange(instance: i, change, now: now)
            }
        }
        if attempts[a].holdsSlot {
            attempts[a].holdsSlot = false
            releaseSlot(instance: i, scheduler: &scheduler)
        }
        recorder.outcome(services[s].entity, outcome, latency: now - attempts[a].arrived)
        if !versions[v].mirrorsService { recorder.outcome(versions[v].entity, outcome, latency: now - attempts[a].arrived) }
        // A shadow copy (no call waits for it) is load, but neither goodput nor waste.
        if didWork && !attempts[a].call.isNone { recorder.count(services[s].entity, attempts[a].callerGaveUp ? .wasted : .goodput) }
        if outcome == .success && attempts[a].cacheMiss { cacheFill(a, service: s, now: now) }
        if !attempts[a].callerGaveUp {
            // The answer goes back over the network. Written out here: as an
            // always-inline `respond` the compiler stopped inlining it once the
            // event queue's push grew (-5.1 M instructions on the bench).
            let e = Int(attempts[a].edge)
            if edges[e].latencyIsZero {
                deliverResponse(a, scheduler: &scheduler)
            } else {
                scheduler.schedule(.response(a), after: edges[e].latency.sampleDuration(using: &networkRandom))
            }
        }
        releaseIfDone(a)
    }

    /// A server slot freed up: the next waiting job takes it. Jobs whose
    /// caller cancelled, or that CoDel drops for waiting too long, give the
    /// slot straight back and the next one is tried.
    @inline(__always) mutating func releaseSlot(instance i: Int, scheduler: inout Scheduler<Event>) {
        if let job = instances[i].station.complete() {
            serveWaiting(job, instance: i, scheduler: &scheduler)
        } else {
            instances[i].busy.set(instances[i].station.busy, at: scheduler.now)
        }
    }

    /// `releaseSlot` with a waiting job to serve (out of line: at moderate
    /// load most completions find the queue empty).
    mutating func serveWaiting(_ first: AttemptHandle, instance i: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        var next: AttemptHandle? = first
        while let job = next {
            let drop = shedders[i]?.onDequeue(now: now, sojourn: now - attempts[job].arrived) ?? false
            let expired = versions[Int(attempts[job].version)].propagatesDeadline && attempts[job].deadline <= now
            if !attempts[job].cancelRequested && !drop && !expired {
                startWork(job, scheduler: &scheduler)
                return
            }
            if drop { recorder.count(services[Int(instances[i].service)].entity, .shed) }
            // A job that waited past its deadline fails as a timeout, like one that arrived late.
            finishJob(job, expired && !drop ? .timeout : .overloaded, didWork: false, scheduler: &scheduler)
            next = instances[i].station.complete()
        }
        instances[i].busy.set(instances[i].station.busy, at: now)
    }

    /// Frees the attempt once both the caller and the server are done with it.
    @inline(__always) mutating func releaseIfDone(_ a: AttemptHandle) {
        if attempts.isLive(a) && attempts[a].callerDone && attempts[a].phase == .done {
            attempts.release(a)
        }
    }

    /// A generator for one job, derived from the service and the job's
    /// identity, so a request draws the same service time and errors whatever
    /// else happened before it (common random numbers across policies).
    @inline(__always) mutating func jobRandom(_ a: AttemptHandle, service s: Int, salt: UInt64 = 0) -> SplitMix64 {
        let identity = attempts[a].identity &+ UInt64(UInt16(bitPattern: attempts[a].attemptNumber)) &* 0x9E37_79B9_7F4A_7C15
        return SplitMix64(seed: SplitMix64.mix(serviceSeeds[s] ^ identity) &+ salt)
    }

    /// Warm-up: service time starts at `warmupMultiplier` and eases to 1.
    mutating func warmupMultiplier(instance i: Int, service s: Int, now: SimTime) -> Double {
        guard services[s].warmsUp, instances[i].readySince > .min else { return 1 }
        // Two fields read through the box: copying the whole spec out would cost
        // reference counting on every job.
        let duration = services[s].specBox.value.warmupDuration
        let multiplier = services[s].specBox.value.warmupMultiplier
        let elapsed = Double((now - instances[i].readySince).ns) / Double(duration.ns)
        guard elapsed < 1 else { return 1 }
        return multiplier + (1 - multiplier) * max(0, elapsed)
    }

    /// Intrinsic errors of the version, plus error faults and bad releases.
    mutating func intrinsicFailure(_ a: AttemptHandle, service s: Int, now: SimTime, random: inout SplitMix64) -> OutcomeClass? {
        let errors = versions[Int(attempts[a].version)].errors
        if errors.totalPercent > 0 {
            // One draw walks the classes in order (written out: no array literal per request).
            var u = random.nextUnit() * 100
            if u < errors.serverErrorPercent { return .serverError }
            u -= errors.serverErrorPercent
            if u < errors.overloadedPercent { return .overloaded }
            u -= errors.overloadedPercent
            if u < errors.throttledPercent { return .throttled }
            u -= errors.throttledPercent
            if u < errors.clientErrorPercent { return .clientError }
        }
        return errorFaults(a, service: s, now: now, random: &random)
    }
}
