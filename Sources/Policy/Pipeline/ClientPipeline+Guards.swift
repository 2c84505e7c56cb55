/// The guard stages (breaker, throttle, rate limit, bulkhead): admitting,
/// recording and releasing, in the order the configuration declares.
extension ClientPipeline {
    /// Asks each guard of `stages` in the declared order (outermost first); on a
    /// refusal, releases those that admitted and stops, so a guard further in is
    /// never asked about a call an outer one refused (it is not even counted:
    /// an open breaker listed before the throttle keeps the throttle's request
    /// count unchanged, as a decorator chain would).
    ///
    /// Always inlined into `startCall` and `startAttempt`: it runs for every
    /// attempt, and as a call it packed its three results into one return.
    @inline(__always)
    mutating func admit(_ stages: StageList, now: Nanoseconds,
                        using rng: inout some RandomNumberGenerator) -> (StageSet, RejectionStage?, UInt32) {
        var admitted: StageSet = []
        var epoch: UInt32 = 0
        for stage in stages {
            let (granted, refusal, grantedEpoch) = ask(stage, now: now, using: &rng)
            if let refusal {
                release(admitted, epoch: epoch, now: now)
                return ([], refusal, 0)
            }
            admitted.formUnion(granted)
            if stage == .breaker { epoch = grantedEpoch }
        }
        return (admitted, nil, epoch)
    }

    /// Asks one guard: the stage it admitted (nothing for `retry`), or its
    /// refusal; for the breaker, the epoch its permit belongs to. `admit` walks
    /// a list with it, and `startAttempt` asks a lone per-attempt guard with it
    /// directly (`onlyAttemptGuard`): with nothing admitted before it, the walk
    /// would release nothing on a refusal.
    @inline(__always)
    mutating func ask(_ stage: ClientPipelineConfig.Stage, now: Nanoseconds,
                      using rng: inout some RandomNumberGenerator) -> (StageSet, RejectionStage?, UInt32) {
        switch stage {
        case .retry:
            return ([], nil, 0)
        case .throttle:
            return throttle.shouldReject(now: now, using: &rng) ? ([], .throttle, 0) : (.throttle, nil, 0)
        case .breaker:
            let permission = breaker.tryAcquire(now: now)
            if let transition = permission.transition { emit(.breaker(transition), at: now) }
            return permission.permitted ? (.breaker, nil, permission.epoch) : ([], .breaker, 0)
        case .rateLimit:
            // A reservation would make the caller wait; the pipeline has no waiting room, so only immediate permits pass.
            return rateLimiter.acquire(now: now) == .admitted ? (.rateLimit, nil, 0) : ([], .rateLimit, 0)
        case .bulkhead:
            return bulkhead.tryAcquire(now: now) ? (.bulkhead, nil, 0) : ([], .bulkhead, 0)
        }
    }

    /// Queues an event for `drainEvents`: every stage's events go through here.
    /// Out of line on purpose: events are rare, and an inlined append has its
    /// caller (`admit`, on every attempt) check the array's uniqueness before
    /// it knows whether anything happened.
    @inline(never)
    mutating func emit(_ kind: PipelineEvent.Kind, at now: Nanoseconds) {
        events.append(PipelineEvent(time: now, kind: kind))
    }

    /// Records an outcome with every guard that admitted the call or attempt.
    ///
    /// Always inlined: `finishAttempt` records every attempt, and the breaker's
    /// closed path (inlined here) then runs in its frame, without a call.
    @inline(__always)
    mutating func record(_ admitted: StageSet, epoch: UInt32, now: Nanoseconds, outcome: OutcomeClass, latency: Nanoseconds) {
        if admitted.contains(.breaker), let transition = breaker.record(now: now, outcome: outcome, duration: latency, admittedIn: epoch) {
            emit(.breaker(transition), at: now)
        }
        if admitted.contains(.throttle) { throttle.record(now: now, outcome: outcome) }
        if admitted.contains(.bulkhead), let change = bulkhead.release(now: now, rtt: latency, outcome: outcome) {
            emit(.limitChanged(change), at: now)
        }
    }

    /// Gives back permits of guards that admitted something that then did not
    /// run or whose answer nobody waits for. The throttle keeps the request it
    /// counted (the book counts what the application tried to send) and a rate
    /// limiter's token stays spent (a token bucket has no refunds).
    mutating func release(_ admitted: StageSet, epoch: UInt32, now: Nanoseconds) {
        if admitted.contains(.breaker), let transition = breaker.release(now: now, admittedIn: epoch) {
            emit(.breaker(transition), at: now)
        }
        if admitted.contains(.bulkhead) { bulkhead.releaseIgnored() }
    }

    /// Gives back what the attempts still out hold when their call ends
    /// without them (hedges that lost the race, or the attempt a hedge beat):
    /// one bulkhead slot each, the breaker permits of the current epoch, their
    /// place among active retries, and what the budget charged for them, as
    /// `cancelAttempt` does for one: a hedge as a retry after a timeout, a
    /// retry by the failure that prompted it. They have no outcome of their
    /// own, so nothing is recorded.
    mutating func abandonOutstanding(_ call: inout CallState, now: Nanoseconds) {
        if perAttempt.contains(.bulkhead) {
            for _ in 0..<call.outstandingCount { bulkhead.releaseIgnored() }
        }
        for _ in 0..<call.breakerPermitsOut {
            if let transition = breaker.release(now: now, admittedIn: call.permitEpoch) {
                emit(.breaker(transition), at: now)
            }
        }
        for _ in 0..<call.hedgesOut { budget.refundRetry(now: now, retryCause: .timeout) }
        for _ in 0..<max(0, call.retriesOut - call.hedgesOut) { budget.refundRetry(now: now, retryCause: call.lastRetryCause) }
        activeRetries = max(0, activeRetries - Int(call.retriesOut))
        call.outstandingCount = 0
        call.retriesOut = 0
        call.hedgesOut = 0
        call.breakerPermitsOut = 0
    }
}
