/// The client-side resilience pipeline for one dependency, as a sans-I/O
/// state machine: the caller asks whether a call may start, whether (and with
/// what timeout) to send each attempt, which host to send it to, and what to
/// do with each outcome; the pipeline answers with values.
///
/// The simulator drives it with virtual time; `ResilientClient` drives the
/// same type with the real clock. Shared state (breaker, budget, throttle,
/// limiters, outlier detection) lives here; per-call state in `CallState`.
///
/// The entry points that take a generator are pre-specialized for the
/// simulator's `Xoshiro256StarStar` (`@_specialize(exported: true)`): without
/// it every draw inside them goes through the generator's witness table, as
/// their bodies are not inlinable into the caller's module.
public struct ClientPipeline: Sendable {
    public let config: ClientPipelineConfig
    var budget: RetryBudget
    var breaker: CircuitBreaker
    var throttle: AdaptiveThrottle
    var rateLimiter: RateLimiter
    var bulkhead: ConcurrencyLimiter
    @usableFromInline var balancer: LoadBalancer
    var outliers: OutlierDetector
    /// Guard stages acting once per call (before `retry` in `order`) and per
    /// attempt (after it): as sets, and as lists in the declared order.
    let perCall: StageSet
    let perAttempt: StageSet
    let perCallStages: StageList
    let perAttemptStages: StageList
    var activeRetries = 0
    /// For `startCall`: no guard acts per call (nothing before `retry` in
    /// `order`, the usual case), and `config.retry.deadline`.
    let callsSkipGuards: Bool
    let retryDeadline: Nanoseconds
    /// The per-attempt guard when there is exactly one (`[.retry, .breaker]`,
    /// the Resilience4j order, is the usual case): `startAttempt` asks it
    /// without walking the list.
    let onlyAttemptGuard: ClientPipelineConfig.Stage?
    /// For `pickHost`: power of two choices without outlier ejection.
    @usableFromInline let picksTwoChoicesDirectly: Bool
    @usableFromInline var events: [PipelineEvent] = []
    var outlierScratch: [OutlierEvent] = []

    public init(config: ClientPipelineConfig) throws(PolicyConfigError) {
        try config.validate()
        self.config = config
        budget = RetryBudget(config: config.retryBudget)
        breaker = CircuitBreaker(config: config.breaker)
        throttle = AdaptiveThrottle(config: config.throttle)
        rateLimiter = RateLimiter(config: config.rateLimit)
        bulkhead = ConcurrencyLimiter(config: config.bulkhead)
        balancer = LoadBalancer(config: config.loadBalancer)
        outliers = OutlierDetector(config: config.outlierDetection, hostCount: 0)
        let retryIndex = config.order.firstIndex(of: .retry)!
        perCallStages = StageList(config.order[..<retryIndex])
        perAttemptStages = StageList(config.order[(retryIndex + 1)...])
        perCall = ClientPipeline.stages(perCallStages)
        perAttempt = ClientPipeline.stages(perAttemptStages)
        callsSkipGuards = perCallStages.count == 0
        retryDeadline = config.retry.deadline
        onlyAttemptGuard = perAttemptStages.count == 1 ? Array(perAttemptStages)[0] : nil
        picksTwoChoicesDirectly = !config.ejectOutliers && config.loadBalancer.kind == .powerOfTwoChoices
        events.reserveCapacity(8)
        outlierScratch.reserveCapacity(8)
    }

    static func stages(_ list: StageList) -> StageSet {
        var set: StageSet = []
        for stage in list {
            switch stage {
            case .retry: break
            case .breaker: set.insert(.breaker)
            case .throttle: set.insert(.throttle)
            case .rateLimit: set.insert(.rateLimit)
            case .bulkhead: set.insert(.bulkhead)
            }
        }
        return set
    }

    // MARK: Calls

    /// A call starts. `deadline` is the caller's own (`.max` = none); the
    /// earlier of it and the retry deadline bounds every attempt. Per-call
    /// guards (those before `retry` in `order`) are asked in order; when one
    /// refuses, end the call at once with `finishCall(outcome: .rejected)`.
    ///
    /// With no guard before `retry` (the usual order) a call start is a fresh
    /// `CallState`; asking guards is `askCallGuards`, out of line, so this
    /// common case runs without the frame (saved registers, stack) the guards
    /// need. Its answer is three small values, set into the one start this
    /// returns: when it built a `CallStart` of its own, merging the two into
    /// one return made every call copy the whole value through the stack.
    @_specialize(exported: true, where G == Xoshiro256StarStar)
    public mutating func startCall<G: RandomNumberGenerator>(now: Nanoseconds, deadline: Nanoseconds, using rng: inout G) -> CallStart {
        var start = CallStart(state: CallState(started: now, deadline: min(deadline, now.saturatingAdd(retryDeadline))), rejectedBy: nil)
        if !callsSkipGuards {
            let (admitted, refusal, epoch) = askCallGuards(now: now, using: &rng)
            start.state.outerAdmitted = admitted
            start.state.outerBreakerEpoch = epoch
            start.rejectedBy = refusal
        }
        return start
    }

    /// `startCall` when guards act per call: asks them, in order.
    @inline(never)
    mutating func askCallGuards<G: RandomNumberGenerator>(now: Nanoseconds, using rng: inout G) -> (StageSet, RejectionStage?, UInt32) {
        admit(perCallStages, now: now, using: &rng)
    }

    /// May an attempt be sent now? Retries and hedges draw on the budget;
    /// per-attempt guards must admit it; the timeout is the per-try timeout
    /// clipped to the remaining deadline.
    ///
    /// A retry the budget refuses ends the call with its last outcome
    /// (`.giveUp(lastOutcome, .budget)`); one a guard refuses ends it with
    /// `.rejected` (the budget it drew stays spent). A refused hedge is
    /// skipped and the call goes on waiting for the attempts out.
    @_specialize(exported: true, where G == Xoshiro256StarStar)
    public mutating func startAttempt<G: RandomNumberGenerator>(_ call: inout CallState, kind: PipelineAttemptKind, now: Nanoseconds,
                                                                activeRequests: Int, using rng: inout G) -> AttemptStart {
        guard !call.finished else { return kind == .hedge ? .skip(.deadline) : .giveUp(call.lastOutcome, nil) }
        let remaining = call.deadline.ns == Int64.max ? Nanoseconds.max : call.deadline - now
        if remaining.ns <= 0 {
            return kind == .hedge ? .skip(.deadline) : .giveUp(kind == .first ? .timeout : call.lastOutcome, .deadline)
        }
        var retryCause = OutcomeClass.serverError
        switch kind {
        case .first:
            break
        case .retry:
            guard call.attempts < config.retry.maxAttempts else { return .giveUp(call.lastOutcome, nil) }
            retryCause = call.lastOutcome
            guard budget.tryAcquireRetry(now: now, outcome: retryCause, activeRequests: activeRequests, activeRetries: activeRetries) else {
                return .giveUp(call.lastOutcome, .budget)
            }
        case .hedge:
            guard call.attempts < config.hedging.maxAttempts else { return .skip(.budget) }
            retryCause = .timeout
            guard budget.tryAcquireRetry(now: now, outcome: retryCause, activeRequests: activeRequests, activeRetries: activeRetries) else {
                return .skip(.budget)
            }
        }
        let answer: (StageSet, RejectionStage?, UInt32)
        if let only = onlyAttemptGuard {
            answer = ask(only, now: now, using: &rng)
        } else {
            answer = admit(perAttemptStages, now: now, using: &rng)
        }
        let (admitted, refusal, epoch) = answer
        if let refusal {
            return kind == .hedge ? .skip(refusal) : .giveUp(.rejected, refusal)
        }
        // A ratio budget earns from original requests actually sent, not from calls a guard refused.
        if kind == .first { budget.recordRequest(now: now) }
        call.attempts += 1
        call.outstandingCount += 1
        switch kind {
        case .first: break
        case .retry: call.lastRetryCause = retryCause
        case .hedge: call.hedgesOut += 1
        }
        if kind != .first {
            activeRetries += 1
            call.retriesOut += 1
        }
        if admitted.contains(.breaker) {
            // Epochs only grow: permits of an older one could never be returned, so only the newest is tracked.
            if epoch != call.permitEpoch { call.breakerPermitsOut = 0 }
            call.permitEpoch = epoch
            call.breakerPermitsOut += 1
        }
        let timeout = min(config.retry.perTryTimeout, remaining)
        return .send(AttemptTicket(admitted: admitted, kind: kind, breakerEpoch: epoch, retryCause: retryCause),
                     timeout: timeout)
    }

    /// An attempt's outcome is known (answer, error, or timeout).
    @_specialize(exported: true, where G == Xoshiro256StarStar)
    public mutating func finishAttempt<G: RandomNumberGenerator>(_ call: inout CallState, ticket: AttemptTicket, host: Int?, now: Nanoseconds,
                                                                 outcome: OutcomeClass, latency: Nanoseconds, retryAfter: Nanoseconds?,
                                                                 using rng: inout G) -> AfterAttempt {
        guard !call.finished else { return .complete(call.lastOutcome) }
        record(ticket.admitted, epoch: ticket.breakerEpoch, now: now, outcome: outcome, latency: latency)
        // A host outside the pool (it shrank since the pick) has no detector state left to update.
        if config.ejectOutliers, let host, host >= 0, host < outliers.hostCount,
           let event = outliers.record(host: host, outcome: outcome, now: now, using: &rng) {
            emit(event.pipelineKind, at: now)
        }
        settle(&call, ticket: ticket)
        budget.recordOutcome(now: now, outcome: outcome, wasRetry: ticket.isRetryOrHedge, retryCause: ticket.retryCause)
        call.lastOutcome = outcome
        if outcome == .success { return .complete(.success) }
        if call.outstandingCount > 0 { return .wait }
        let decision = config.retry.decide(attemptsMade: call.attempts, outcome: outcome, now: now, requestStart: call.started,
                                           previousDelay: call.previousDelay, retryAfter: retryAfter, using: &rng)
        guard case .retry(let delay) = decision else { return .complete(outcome) }
        // The caller's own deadline bounds retries too.
        if call.deadline < .max && now.saturatingAdd(delay) >= call.deadline { return .complete(outcome) }
        call.previousDelay = delay
        return .retry(after: delay)
    }

    /// The caller stopped waiting for an attempt without learning its outcome
    /// (its own task was cancelled, or it cancelled a hedge): the permits it
    /// holds go back, a retry or hedge gives the budget back what it cost
    /// (`refundRetry`, priced as when it was sent: a hedge as a retry after a
    /// timeout), nothing is recorded, and no retry is decided. After the
    /// caller's own cancellation, end the call next.
    public mutating func cancelAttempt(_ call: inout CallState, ticket: AttemptTicket, now: Nanoseconds) {
        guard !call.finished else { return }
        release(ticket.admitted, epoch: ticket.breakerEpoch, now: now)
        if ticket.isRetryOrHedge { budget.refundRetry(now: now, retryCause: ticket.retryCause) }
        settle(&call, ticket: ticket)
    }

    /// The call is over: attempts still out (hedges that lost) give back what
    /// they hold, and per-call guards see its final outcome. `.rejected` means
    /// "no outcome": the breaker returns its permit instead of recording.
    /// Later reports about this call change nothing.
    ///
    /// Inlinable: the common call had its last attempt answered and no guard
    /// admitted it per call, so nothing is out and nothing is recorded; it
    /// then only sets `finished`, in the caller's frame.
    @inlinable @inline(__always)
    public mutating func finishCall(_ call: inout CallState, now: Nanoseconds, outcome: OutcomeClass, latency: Nanoseconds) {
        guard !call.finished else { return }
        call.finished = true
        if call.hasAttemptsOut || !call.outerAdmitted.isEmpty { finishHeldCall(&call, now: now, outcome: outcome, latency: latency) }
    }

    /// `finishCall` for a call with attempts out or per-call guards to record with.
    @usableFromInline
    mutating func finishHeldCall(_ call: inout CallState, now: Nanoseconds, outcome: OutcomeClass, latency: Nanoseconds) {
        if call.hasAttemptsOut { abandonOutstanding(&call, now: now) }
        record(call.outerAdmitted, epoch: call.outerBreakerEpoch, now: now, outcome: outcome, latency: latency)
        call.outerAdmitted = []
    }

    /// One attempt is no longer out. Always inlined: a few counter updates,
    /// run for every answered attempt.
    @inline(__always)
    mutating func settle(_ call: inout CallState, ticket: AttemptTicket) {
        call.outstandingCount = max(0, call.outstandingCount - 1)
        if ticket.isRetryOrHedge {
            activeRetries = max(0, activeRetries - 1)
            call.retriesOut = max(0, call.retriesOut - 1)
        }
        if ticket.kind == .hedge { call.hedgesOut = max(0, call.hedgesOut - 1) }
        if ticket.admitted.contains(.breaker), ticket.breakerEpoch == call.permitEpoch, call.breakerPermitsOut > 0 {
            call.breakerPermitsOut -= 1
        }
    }

    /// When to send the next hedge of `call`, if hedging is on and attempts remain.
    public func nextHedgeTime(_ call: CallState, now: Nanoseconds) -> Nanoseconds? {
        guard config.hedging.maxAttempts > 1 else { return nil }
        return config.hedging.nextHedgeTime(attemptsSent: call.attempts, firstSentAt: call.started)
    }

    /// Whether losing hedges should be cancelled at the server.
    public var cancelsLosers: Bool { config.hedging.maxAttempts > 1 && config.hedging.cancelLosers }

    // MARK: Hosts

    /// Picks a host among those `isEligible` and not ejected (when ejection is on).
    /// If ejection left no host, picks among the eligible ones anyway (Envoy's panic mode).
    /// `allEligible` says every host passes `isEligible` (a hint that saves scans; same pick).
    ///
    /// Power of two choices among hosts all eligible, with no ejection (the
    /// usual case) is answered first by `pickTwoChoicesIfDirect`, without the
    /// general pick's dispatch.
    @_specialize(exported: true, where G == Xoshiro256StarStar)
    public mutating func pickHost<G: RandomNumberGenerator>(hostCount: Int, allEligible: Bool = false, isEligible: (Int) -> Bool,
                                                            outstanding: (Int) -> Int, using rng: inout G) -> Int? {
        if let host = pickTwoChoicesIfDirect(hostCount: hostCount, allEligible: allEligible, outstanding: outstanding, using: &rng) {
            return host
        }
        guard config.ejectOutliers else {
            return balancer.pick(hostCount: hostCount, allEligible: allEligible, isEligible: isEligible, outstanding: outstanding, using: &rng)
        }
        if outliers.hostCount != hostCount { outliers.setHostCount(hostCount) }
        if allEligible && outliers.ejectedCount == 0 {
            return balancer.pick(hostCount: hostCount, allEligible: true, isEligible: isEligible, outstanding: outstanding, using: &rng)
        }
        let detector = outliers
        if let host = balancer.pick(hostCount: hostCount, isEligible: { isEligible($0) && !detector.isEjected(host: $0) },
                                    outstanding: outstanding, using: &rng) {
            return host
        }
        return balancer.pick(hostCount: hostCount, isEligible: isEligible, outstanding: outstanding, using: &rng)
    }

    /// `pickHost`'s usual case, inlinable so that the caller's `outstanding`
    /// closure is inlined with it (a call through a closure context otherwise,
    /// twice per pick): power of two choices, no outlier ejection, and
    /// `hostCount > 1` hosts all eligible. Then the same draws and the same
    /// host as `pickHost`; nil when the case does not apply (ask `pickHost`).
    @inlinable @inline(__always)
    public mutating func pickTwoChoicesIfDirect(hostCount: Int, allEligible: Bool, outstanding: (Int) -> Int,
                                                using rng: inout some RandomNumberGenerator) -> Int? {
        guard picksTwoChoicesDirectly && allEligible && hostCount > 1 else { return nil }
        return balancer.pickTwoChoicesAmongAll(hostCount: hostCount, outstanding: outstanding, using: &rng)
    }

    /// Periodic outlier sweep (un-ejection, success-rate ejection).
    @_specialize(exported: true, where G == Xoshiro256StarStar)
    public mutating func sweepOutliers<G: RandomNumberGenerator>(now: Nanoseconds, hostCount: Int, using rng: inout G) {
        guard config.ejectOutliers else { return }
        if outliers.hostCount != hostCount { outliers.setHostCount(hostCount) }
        outlierScratch.removeAll(keepingCapacity: true)
        outliers.sweep(now: now, into: &outlierScratch, using: &rng)
        for event in outlierScratch { emit(event.pipelineKind, at: now) }
    }

    public var needsOutlierSweeps: Bool { config.ejectOutliers }
    public var outlierSweepInterval: Nanoseconds { config.outlierDetection.interval }

    // MARK: Timers and readings

    /// Runs the breaker's timed transitions (automatic half-open, max wait in half-open).
    public mutating func poll(now: Nanoseconds) {
        if let transition = breaker.poll(now: now) { emit(.breaker(transition), at: now) }
    }

    /// When `poll` next has something to do, if ever.
    public var nextTimer: Nanoseconds? { perCall.union(perAttempt).contains(.breaker) ? breaker.nextTimedTransition : nil }

    /// 0 closed, 1 half-open, 2 open (0 when the breaker is off).
    public var breakerStateCode: Double { perCall.union(perAttempt).contains(.breaker) ? breaker.stateCode : 0 }
    public var breakerState: BreakerState { breaker.state }

    /// The retry budget's level (tokens, or retries available) for telemetry.
    public var retryBudgetLevel: Double { budget.level }

    /// `true` when `drainEvents` has something to hand over: inlinable, so a
    /// caller that polls after every operation pays one load and a branch.
    @inlinable public var hasEvents: Bool { !events.isEmpty }

    /// Moves the pending events into `buffer` (which the caller reuses).
    public mutating func drainEvents(into buffer: inout [PipelineEvent]) {
        guard !events.isEmpty else { return }  // the common case: one branch, no array work
        buffer.append(contentsOf: events)
        events.removeAll(keepingCapacity: true)
    }
}
