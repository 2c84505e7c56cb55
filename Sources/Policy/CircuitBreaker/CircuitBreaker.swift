/// A circuit breaker as a sans-I/O state machine with Resilience4j's semantics.
///
/// Protocol per call: `tryAcquire(now:)`; if permitted, send the call and report
/// its end with `record(now:outcome:duration:)`, or `release(now:)` if it was
/// cancelled without an outcome (so a half-open permit does not leak). Timers
/// (`automaticTransitionFromOpenToHalfOpen`, `maxWaitInHalfOpen`) are exposed as
/// `nextTimedTransition`; call `poll(now:)` then. Every state change is returned
/// as a `BreakerTransition` value with its cause; no call makes more than one.
///
/// Semantics pinned to Resilience4j's `CircuitBreakerStateMachine` and
/// `CircuitBreakerMetrics`:
/// - A rate exists only once the window holds the minimum number of calls
///   (count-based: `min(minimumNumberOfCalls, slidingWindowSize)`); the breaker
///   opens when the failure rate *or* the slow-call rate is `>=` its threshold
///   (failure rate is reported when both are).
/// - A call is slow when its duration is strictly greater than `slowCallDuration`.
/// - Open rejects until `waitInOpen` has elapsed: the first `tryAcquire` strictly
///   after `openedAt + waitInOpen` moves to half-open and takes a permit; with the
///   automatic transition the move happens at exactly that instant.
/// - Half-open admits `permittedCallsInHalfOpen` calls and evaluates once that many
///   outcomes are recorded: closed if both rates stay below their thresholds,
///   open otherwise. A release returns the permit; a record does not.
/// - Entering closed starts an empty window; open keeps the window that tripped it
///   (or the failed trials) for inspection, and late outcomes of calls admitted
///   earlier are still counted there, never changing state.
///
/// Fixed-size storage allocated at init; no call allocates.
public struct CircuitBreaker: Sendable {
    /// The configuration this breaker runs (validate it before use).
    public let config: CircuitBreakerConfig
    /// The current state.
    public private(set) var state: BreakerState
    /// When the current state was entered.
    public private(set) var stateEnteredAt: Nanoseconds
    /// Increments on every transition: tells a permit from this half-open episode
    /// from one issued before (see `BreakerPermission.epoch`).
    public private(set) var epoch: UInt32
    /// The current window's counts and rates, as of the last call (time-based
    /// windows age: use `metrics(at:)` for a fresh reading).
    ///
    /// Computed when read from the window (or the trials) as the last call
    /// left it: every call that changes or ages them runs `refreshMetrics`,
    /// and storing the four counts there cost every recorded outcome four
    /// stores that only readings use.
    public var metrics: BreakerMetrics {
        let totals = metricsFromTrials ? trials.totals : window.currentTotals
        return BreakerMetrics(bufferedCalls: totals.calls, failedCalls: totals.failures, slowCalls: totals.slow,
                              minimumCalls: metricsFromTrials ? trials.capacity : minimumCalls)
    }
    /// Half-open permits not yet handed out (0 outside half-open).
    public private(set) var halfOpenPermitsAvailable: Int
    /// Recorded failures in a row in the current closed state.
    public internal(set) var consecutiveFailures: Int
    /// Calls refused since creation (open, forced open, or half-open without permits).
    public private(set) var notPermittedCalls: Int

    /// The closed (and metrics-only) state's sliding window.
    var window: OutcomeWindow
    /// The half-open state's trial calls: a count window of `permittedCallsInHalfOpen`.
    var trials: CallRing
    /// Whether `metrics` reads `trials` (half-open, and open after failed trials).
    var metricsFromTrials: Bool
    /// `config.effectiveMinimumNumberOfCalls`, computed once.
    let minimumCalls: Int

    /// A closed breaker with an empty window, created at `now`.
    /// - Precondition: `config.validate()` succeeds.
    public init(config: CircuitBreakerConfig, now: Nanoseconds = .zero) {
        self.config = config
        state = .closed
        stateEnteredAt = now
        epoch = 0
        minimumCalls = config.effectiveMinimumNumberOfCalls
        halfOpenPermitsAvailable = 0
        consecutiveFailures = 0
        notPermittedCalls = 0
        window = OutcomeWindow(type: config.slidingWindowType, size: config.slidingWindowSize)
        trials = CallRing(capacity: config.permittedCallsInHalfOpen)
        metricsFromTrials = false
    }

    /// The state as a number for time series: 0 closed, 1 half-open, 2 open
    /// (forced states map to open or closed).
    @inlinable public var stateCode: Double { state.code }

    /// May a call be sent at `now`? Runs due timers first; in open, moves to
    /// half-open once `waitInOpen` has elapsed; in half-open, hands out one of the
    /// remaining permits.
    ///
    /// Always inlined, with the closed state answered first: it is asked for
    /// every attempt, and closed has no timer pending (`nextTimedTransition`
    /// is nil) and permits every call, so `poll` and the switch would change
    /// nothing. Every other state takes `tryAcquireNotClosed`.
    @inline(__always)
    public mutating func tryAcquire(now: Nanoseconds) -> BreakerPermission {
        if state == .closed { return BreakerPermission(permitted: true, transition: nil, epoch: epoch) }
        return tryAcquireNotClosed(now: now)
    }

    /// `tryAcquire` in any state but closed.
    @inline(never)
    mutating func tryAcquireNotClosed(now: Nanoseconds) -> BreakerPermission {
        var transition = poll(now: now)
        if state == .open, !config.automaticTransitionFromOpenToHalfOpen, now > openUntil {
            // Resilience4j checks `clock.instant().isAfter(retryAfterWaitDuration)`: strictly after.
            assert(transition == nil, "a timer and the lazy open -> half-open cannot both fire")
            transition = enter(.halfOpen, at: now, cause: .waitInOpenElapsed)
        }
        let permitted: Bool
        switch state {
        case .closed, .forcedClosed, .metricsOnly:
            permitted = true
        case .open, .forcedOpen:
            permitted = false
        case .halfOpen:
            permitted = halfOpenPermitsAvailable > 0
            if permitted { halfOpenPermitsAvailable -= 1 }
        }
        if !permitted { notPermittedCalls += 1 }
        return BreakerPermission(permitted: permitted, transition: transition, epoch: epoch)
    }

    /// A permitted call finished at `now` with `outcome` after `duration`.
    ///
    /// `.rejected` (the call was never sent) is not recorded: it returns its
    /// half-open permit like `release`. Outcomes in `recordedFailures` are
    /// failures; every other outcome is a success.
    ///
    /// - Parameter epoch: the permission's `epoch`; only used to return a permit
    ///   for `.rejected`. Outcomes themselves count in the current state whatever
    ///   state admitted the call, as in Resilience4j.
    /// - Returns: the transition this caused: the breaker opening or closing, or
    ///   half-open -> open if `maxWaitInHalfOpen` had already passed.
    ///
    /// Closed comes first: nearly every outcome lands there, and closed has no
    /// half-open deadline to apply and no permit to return, so it needs only
    /// `recordClosed`. Every other state (and `.rejected`) takes `recordNotClosed`.
    ///
    /// Always inlined (within Policy): the pipeline records every attempt's
    /// outcome, and inlined there the closed case's `nil` needs no optional
    /// transition written to memory and read back.
    @discardableResult @inline(__always)
    public mutating func record(now: Nanoseconds, outcome: OutcomeClass, duration: Nanoseconds,
                                admittedIn epoch: UInt32? = nil) -> BreakerTransition? {
        if state == .closed, outcome != .rejected {
            return recordClosed(failed: outcome != .success && config.recordedFailures.contains(outcome),
                                slow: duration > config.slowCallDuration, at: now)
        }
        return recordNotClosed(now: now, outcome: outcome, duration: duration, admittedIn: epoch)
    }

    /// `record` outside the closed state, or of a `.rejected` call.
    @inline(never)
    mutating func recordNotClosed(now: Nanoseconds, outcome: OutcomeClass, duration: Nanoseconds,
                                  admittedIn epoch: UInt32?) -> BreakerTransition? {
        // Only the half-open deadline is applied here: it leads to open, where an
        // outcome changes nothing, so one call never yields two transitions. The
        // automatic open -> half-open waits for the next `poll` or `tryAcquire`.
        let expired = pollHalfOpenDeadline(now: now)
        if outcome == .rejected {
            returnPermit(admittedIn: epoch)
            return expired
        }
        let failed = outcome != .success && config.recordedFailures.contains(outcome)
        let slow = duration > config.slowCallDuration
        switch state {
        case .forcedOpen, .forcedClosed:
            return expired
        case .metricsOnly:
            window.record(failed: failed, slow: slow, at: now)
            refreshMetrics(at: now)
            return expired
        case .open:
            if metricsFromTrials { trials.record(failed: failed, slow: slow) } else { window.record(failed: failed, slow: slow, at: now) }
            refreshMetrics(at: now)
            return expired
        case .closed:
            return recordClosed(failed: failed, slow: slow, at: now)
        case .halfOpen:
            return recordHalfOpen(failed: failed, slow: slow, at: now)
        }
    }

    /// A permitted call was cancelled at `now` without an outcome: in half-open its
    /// permit goes back (never above `permittedCallsInHalfOpen`).
    ///
    /// - Parameter epoch: the permission's `epoch`. When given, a permit is returned
    ///   only if the call was admitted in the current half-open episode; without it
    ///   a call admitted while closed and cancelled during half-open would hand a
    ///   trial slot to an extra call.
    @discardableResult
    public mutating func release(now: Nanoseconds, admittedIn epoch: UInt32? = nil) -> BreakerTransition? {
        let transition = poll(now: now)
        returnPermit(admittedIn: epoch)
        return transition
    }

    /// The current window's counts and rates as of `now`.
    public mutating func metrics(at now: Nanoseconds) -> BreakerMetrics {
        refreshMetrics(at: now)
        return metrics
    }

    /// When an open breaker stops rejecting.
    var openUntil: Nanoseconds { stateEnteredAt.saturatingAdd(config.waitInOpen) }

    /// Inlined into `record`: nearly every outcome lands in the closed state,
    /// and a separate call returned its optional transition through memory.
    /// Only the checks stay here; opening (rare) is `openFromClosed`, out of
    /// line, so this stays small enough for the inliner to take whole.
    ///
    /// The metrics come from the totals the window returns: closed never reads
    /// the trials (`metricsFromTrials` is false from `enter(.closed)` on), so
    /// `refreshMetrics` would only choose the window again and re-read it.
    @inline(__always)
    mutating func recordClosed(failed: Bool, slow: Bool, at now: Nanoseconds) -> BreakerTransition? {
        let totals = window.record(failed: failed, slow: slow, at: now)
        consecutiveFailures = failed ? consecutiveFailures + 1 : 0
        let metrics = BreakerMetrics(bufferedCalls: totals.calls, failedCalls: totals.failures, slowCalls: totals.slow,
                                     minimumCalls: minimumCalls)
        switch config.mode {
        case .consecutiveFailures:
            guard consecutiveFailures >= config.consecutiveFailureThreshold else { return nil }
        case .slidingWindow:
            guard let failureRate = metrics.failureRatePercent, let slowRate = metrics.slowCallRatePercent else { return nil }
            guard failureRate >= config.failureRateThresholdPercent || slowRate >= config.slowCallRateThresholdPercent else { return nil }
        }
        return openFromClosed(at: now)
    }

    /// Closed -> open once `recordClosed` has found a threshold reached, with
    /// its cause: the failure rate when both rates are at their thresholds.
    @inline(never)
    mutating func openFromClosed(at now: Nanoseconds) -> BreakerTransition {
        switch config.mode {
        case .consecutiveFailures:
            return enter(.open, at: now, cause: .consecutiveFailures(count: consecutiveFailures))
        case .slidingWindow:
            let failureRate = metrics.failureRatePercent ?? 0
            if failureRate >= config.failureRateThresholdPercent {
                return enter(.open, at: now, cause: .failureRateExceeded(ratePercent: failureRate, thresholdPercent: config.failureRateThresholdPercent))
            }
            let slowRate = metrics.slowCallRatePercent ?? 0
            return enter(.open, at: now, cause: .slowCallRateExceeded(ratePercent: slowRate, thresholdPercent: config.slowCallRateThresholdPercent))
        }
    }

    mutating func recordHalfOpen(failed: Bool, slow: Bool, at now: Nanoseconds) -> BreakerTransition? {
        trials.record(failed: failed, slow: slow)
        refreshMetrics(at: now)
        // Resilience4j's half-open metrics: a count window of exactly the permitted
        // calls, with that many as the minimum. Both thresholds apply in both modes.
        guard let failureRate = metrics.failureRatePercent, let slowRate = metrics.slowCallRatePercent else { return nil }
        if failureRate >= config.failureRateThresholdPercent {
            return enter(.open, at: now, cause: .halfOpenTrialsFailed(ratePercent: failureRate, thresholdPercent: config.failureRateThresholdPercent))
        }
        if slowRate >= config.slowCallRateThresholdPercent {
            return enter(.open, at: now, cause: .halfOpenTrialsSlow(ratePercent: slowRate, thresholdPercent: config.slowCallRateThresholdPercent))
        }
        return enter(.closed, at: now, cause: .halfOpenTrialsSucceeded(failureRatePercent: failureRate))
    }

    mutating func returnPermit(admittedIn epoch: UInt32?) {
        guard state == .halfOpen, epoch.map({ $0 == self.epoch }) ?? true,
              halfOpenPermitsAvailable < config.permittedCallsInHalfOpen else { return }
        halfOpenPermitsAvailable += 1
    }

    /// Moves to `target`, setting up its window the way Resilience4j builds a new state object.
    mutating func enter(_ target: BreakerState, at now: Nanoseconds, cause: BreakerTransitionCause) -> BreakerTransition {
        let transition = BreakerTransition(from: state, to: target, at: now, cause: cause)
        let previous = state
        state = target
        stateEnteredAt = now
        epoch &+= 1
        consecutiveFailures = 0
        halfOpenPermitsAvailable = 0
        switch target {
        case .closed, .metricsOnly:
            window.reset()
            metricsFromTrials = false
        case .open:
            metricsFromTrials = previous == .halfOpen
        case .halfOpen:
            trials.reset()
            halfOpenPermitsAvailable = config.permittedCallsInHalfOpen
            metricsFromTrials = true
        case .forcedOpen, .forcedClosed:
            window.reset()
            trials.reset()
            metricsFromTrials = false
        }
        refreshMetrics(at: now)
        return transition
    }

    /// Brings what `metrics` reads up to `now`: a time-based window ages
    /// (the trials and a count window do not). Always inlined: it runs after
    /// every recorded outcome outside closed, and is a comparison.
    @inline(__always)
    mutating func refreshMetrics(at now: Nanoseconds) {
        if !metricsFromTrials { window.advance(to: now) }
    }
}
