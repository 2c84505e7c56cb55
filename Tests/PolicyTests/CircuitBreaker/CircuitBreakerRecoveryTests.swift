import Testing
@testable import Policy

/// Open, half-open, timers and operator states, scripted after Resilience4j's
/// CircuitBreakerStateMachine: OpenState admits once `clock.instant().isAfter(
/// retryAfterWaitDuration)` (strictly after) and the admitting call takes a
/// half-open permit; HalfOpenState hands out `permittedNumberOfCallsInHalfOpenState`
/// permits, `releasePermission` returns one, and its count-based metrics of that
/// size decide closed (below both thresholds) or open; maxWaitDurationInHalfOpenState
/// schedules half-open -> open; forced-open / disabled / metrics-only states.
@Suite struct CircuitBreakerRecoveryTests {
    /// Trips on 2 failures out of 2; 60 s open; 3 trial calls.
    static func config(permits: Int = 3, maxWaitMs: Int64 = 0, automatic: Bool = false,
                       slowAfterMs: Int64 = 60_000, slow: Double = 100) -> CircuitBreakerConfig {
        CircuitBreakerConfig(slidingWindowSize: 2, minimumNumberOfCalls: 2, failureRateThresholdPercent: 50,
                             slowCallRateThresholdPercent: slow, slowCallDuration: .ms(slowAfterMs),
                             waitInOpen: .seconds(60), permittedCallsInHalfOpen: permits,
                             maxWaitInHalfOpen: .ms(maxWaitMs), automaticTransitionFromOpenToHalfOpen: automatic)
    }

    /// Opens the breaker at 1 s.
    static func tripped(_ config: CircuitBreakerConfig) -> CircuitBreaker {
        var breaker = CircuitBreaker(config: config)
        breaker.run([
            .init(500, .record(.serverError), .closed),
            .init(1_000, .record(.serverError), .open, cause: "failureRateExceeded"),
        ])
        return breaker
    }

    @Test func openRejectsUntilStrictlyAfterTheWait() {
        var breaker = Self.tripped(Self.config())
        #expect(breaker.nextTimedTransition == nil)  // no automatic transition
        breaker.run([
            .init(1_001, .acquire, .open, permitted: false),
            .init(60_999, .acquire, .open, permitted: false),
            .init(61_000, .acquire, .open, permitted: false),  // exactly the wait: still open
        ])
        let admitted = breaker.tryAcquire(now: .ns(61_000_000_001))
        #expect(admitted.permitted)
        #expect(admitted.transition == BreakerTransition(from: .open, to: .halfOpen, at: .ns(61_000_000_001), cause: .waitInOpenElapsed))
        #expect(breaker.halfOpenPermitsAvailable == 2)  // the admitting call took one
        #expect(breaker.notPermittedCalls == 3)
    }

    @Test func halfOpenAdmitsOnlyItsPermitsAndReleaseReturnsOne() {
        var breaker = Self.tripped(Self.config())
        breaker.run([
            .init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
            .init(62_001, .acquire, .halfOpen, permitted: true),
            .init(62_002, .acquire, .halfOpen, permitted: true),
            .init(62_003, .acquire, .halfOpen, permitted: false),
            .init(62_004, .release, .halfOpen),
            .init(62_005, .acquire, .halfOpen, permitted: true),
            .init(62_006, .acquire, .halfOpen, permitted: false),
            // Releases never raise the permits above the configured number.
            .init(62_007, .release, .halfOpen),
            .init(62_008, .release, .halfOpen),
            .init(62_009, .release, .halfOpen),
            .init(62_010, .release, .halfOpen),
        ])
        #expect(breaker.halfOpenPermitsAvailable == 3)
    }

    @Test func halfOpenClosesWhenTrialsStayBelowBothThresholds() {
        var breaker = Self.tripped(Self.config())
        let transitions = breaker.run([
            .init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
            .init(62_001, .acquire, .halfOpen, permitted: true),
            .init(62_002, .acquire, .halfOpen, permitted: true),
            .init(62_100, .record(.success), .halfOpen),
            .init(62_200, .record(.serverError), .halfOpen),
            // 1 of 3 = 33.33% < 50%: closed, with a fresh window.
            .init(62_300, .record(.success), .closed, cause: "halfOpenTrialsSucceeded"),
        ])
        #expect(transitions.last?.cause.description == "half-open trials succeeded (failure rate 33.33%)")
        #expect(breaker.metrics == BreakerMetrics(minimumCalls: 2))
        breaker.run([.init(62_400, .acquire, .closed, permitted: true)])
    }

    @Test func halfOpenReopensWhenTrialsReachTheFailureThreshold() {
        var breaker = Self.tripped(Self.config())
        let transitions = breaker.run([
            .init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
            .init(62_001, .acquire, .halfOpen, permitted: true),
            .init(62_002, .acquire, .halfOpen, permitted: true),
            .init(62_100, .record(.serverError), .halfOpen),
            .init(62_200, .record(.serverError), .halfOpen),  // 2 of 2 but 3 permitted: wait
            .init(62_300, .record(.success), .open, cause: "halfOpenTrialsFailed"),
            .init(62_400, .acquire, .open, permitted: false),
            // The wait restarts from the reopening.
            .init(122_300, .acquire, .open, permitted: false),
            .init(122_301, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
        ])
        #expect(transitions[1].cause == .halfOpenTrialsFailed(ratePercent: 200.0 / 3, thresholdPercent: 50))
        #expect(transitions[1].cause.description == "half-open trials failed: failure rate 66.67% >= 50%")
    }

    @Test func halfOpenReopensWhenTrialsAreSlow() {
        var breaker = Self.tripped(Self.config(permits: 2, slowAfterMs: 1_000, slow: 50))
        breaker.run([
            .init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
            .init(62_001, .acquire, .halfOpen, permitted: true),
            .init(63_000, .record(.success, durationMs: 999), .halfOpen),
            .init(64_000, .record(.success, durationMs: 1_999), .open, cause: "halfOpenTrialsSlow"),
        ])
        // Open after failed trials shows the trials, as Resilience4j keeps the half-open metrics.
        #expect(breaker.metrics == BreakerMetrics(bufferedCalls: 2, failedCalls: 0, slowCalls: 1, minimumCalls: 2))
    }

    @Test func maxWaitInHalfOpenReopensWhenTrialsTakeTooLong() {
        var breaker = Self.tripped(Self.config(maxWaitMs: 10_000))
        breaker.run([.init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed")])
        #expect(breaker.nextTimedTransition == .ms(72_000))
        breaker.run([
            .init(71_999, .poll, .halfOpen),
            .init(72_000, .poll, .open, cause: "maxWaitInHalfOpenElapsed"),
        ])
        #expect(breaker.nextTimedTransition == nil)
    }

    @Test func maxWaitInHalfOpenAppliesLazilyWithoutAPoll() {
        var breaker = Self.tripped(Self.config(maxWaitMs: 10_000))
        breaker.run([
            .init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
            // The trial's outcome arrives after the deadline: the deadline wins.
            .init(73_000, .record(.success), .open, cause: "maxWaitInHalfOpenElapsed"),
            .init(73_001, .acquire, .open, permitted: false),
        ])
    }

    @Test func zeroMaxWaitWaitsForTrialsForever() {
        var breaker = Self.tripped(Self.config(permits: 1))
        breaker.run([
            .init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
            .init(86_400_000, .poll, .halfOpen),
            .init(86_400_001, .acquire, .halfOpen, permitted: false),
        ])
        #expect(breaker.nextTimedTransition == nil)
    }

    @Test func automaticTransitionFiresAtExactlyTheWait() {
        var breaker = Self.tripped(Self.config(automatic: true))
        #expect(breaker.nextTimedTransition == .ms(61_000))
        breaker.run([
            .init(60_999, .poll, .open),
            .init(61_000, .poll, .halfOpen, cause: "waitInOpenElapsed"),
        ])
        #expect(breaker.halfOpenPermitsAvailable == 3)
    }

    @Test func automaticTransitionAppliesOnAcquireWhenNotPolled() {
        var breaker = Self.tripped(Self.config(automatic: true))
        breaker.run([.init(61_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed")])
        #expect(breaker.halfOpenPermitsAvailable == 2)
    }

    @Test func automaticTransitionIsNotAppliedByRecordSoOneCallYieldsOneTransition() {
        var breaker = Self.tripped(Self.config(automatic: true))
        breaker.run([
            .init(61_500, .record(.success), .open),
            .init(61_600, .poll, .halfOpen, cause: "waitInOpenElapsed"),
        ])
    }

    @Test func epochKeepsCallsAdmittedBeforeHalfOpenFromReturningTrialPermits() {
        var breaker = CircuitBreaker(config: Self.config(permits: 1))
        let early = breaker.tryAcquire(now: .ms(10))  // admitted while closed
        breaker.run([
            .init(500, .record(.serverError), .closed),
            .init(1_000, .record(.serverError), .open, cause: "failureRateExceeded"),
            .init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
        ])
        breaker.release(now: .ms(62_001), admittedIn: early.epoch)
        #expect(breaker.halfOpenPermitsAvailable == 0)
        let refused = breaker.tryAcquire(now: .ms(62_002))
        #expect(!refused.permitted)
        // A trial that is cancelled returns its permit.
        breaker.release(now: .ms(62_003), admittedIn: breaker.epoch)
        #expect(breaker.halfOpenPermitsAvailable == 1)
    }

    @Test func rejectedOutcomeReturnsAHalfOpenPermit() {
        var breaker = Self.tripped(Self.config(permits: 1))
        breaker.run([
            .init(62_000, .acquire, .halfOpen, permitted: true, cause: "waitInOpenElapsed"),
            .init(62_001, .record(.rejected), .halfOpen),
            .init(62_002, .acquire, .halfOpen, permitted: true),
            .init(62_003, .record(.success), .closed, cause: "halfOpenTrialsSucceeded"),
        ])
    }

    @Test func forcedOpenRejectsEverythingAndIgnoresOutcomesUntilReset() {
        var breaker = CircuitBreaker(config: Self.config())
        let transitions = breaker.run([
            .init(0, .forceOpen, .forcedOpen, cause: "forced"),
            .init(1, .forceOpen, .forcedOpen),
            .init(2, .acquire, .forcedOpen, permitted: false),
            .init(3, .record(.success), .forcedOpen),
            .init(86_400_000, .acquire, .forcedOpen, permitted: false),
            .init(86_400_001, .reset, .closed, cause: "reset"),
            .init(86_400_002, .acquire, .closed, permitted: true),
        ])
        #expect(transitions.map(\.from) == [.closed, .forcedOpen])
        #expect(breaker.nextTimedTransition == nil)
    }

    @Test func forcedClosedAdmitsEverythingAndRecordsNothing() {
        var breaker = Self.tripped(Self.config())
        breaker.run([
            .init(2_000, .forceClosed, .forcedClosed, cause: "forced"),
            .init(2_001, .record(.serverError), .forcedClosed),
            .init(2_002, .record(.serverError), .forcedClosed),
            .init(2_003, .acquire, .forcedClosed, permitted: true),
        ])
        #expect(breaker.metrics.bufferedCalls == 0)
        #expect(breaker.stateCode == 0)
    }

    @Test func metricsOnlyRecordsButNeverTrips() {
        var breaker = CircuitBreaker(config: Self.config())
        breaker.run([
            .init(0, .forceMetricsOnly, .metricsOnly, cause: "forced"),
            .init(1, .record(.serverError), .metricsOnly),
            .init(2, .record(.serverError), .metricsOnly),
            .init(3, .acquire, .metricsOnly, permitted: true),
        ])
        #expect(breaker.metrics.failureRatePercent == 100)
    }

    @Test func resetWhileClosedEmptiesTheWindowWithoutATransition() {
        var breaker = CircuitBreaker(config: Self.config())
        breaker.run([
            .init(0, .record(.serverError), .closed),
            .init(1, .reset, .closed),
            .init(2, .record(.serverError), .closed),  // only one call in the window now
        ])
        #expect(breaker.metrics.bufferedCalls == 1)
    }

    @Test func stateCodesForTimeSeries() {
        #expect(BreakerState.allCases.map(\.code) == [0, 2, 1, 2, 0, 0])
        var breaker = Self.tripped(Self.config())
        #expect(breaker.stateCode == 2)
        _ = breaker.tryAcquire(now: .ms(62_000))
        #expect(breaker.stateCode == 1)
    }

    @Test func causeNamesAndDescriptions() {
        let causes: [BreakerTransitionCause] = [
            .failureRateExceeded(ratePercent: 62.5, thresholdPercent: 50),
            .slowCallRateExceeded(ratePercent: 100, thresholdPercent: 100),
            .consecutiveFailures(count: 5), .waitInOpenElapsed,
            .halfOpenTrialsSucceeded(failureRatePercent: 0),
            .halfOpenTrialsFailed(ratePercent: 100, thresholdPercent: 50),
            .halfOpenTrialsSlow(ratePercent: 50.125, thresholdPercent: 33.3),
            .maxWaitInHalfOpenElapsed, .forced, .reset,
        ]
        #expect(causes.map(\.description) == [
            "failure rate 62.5% >= 50%", "slow-call rate 100% >= 100%", "5 consecutive failures",
            "wait in open elapsed", "half-open trials succeeded (failure rate 0%)",
            "half-open trials failed: failure rate 100% >= 50%",
            "half-open trials slow: slow-call rate 50.13% >= 33.3%",
            "max wait in half-open elapsed", "forced", "reset",
        ])
        #expect(causes.map(\.name) == [
            "failureRateExceeded", "slowCallRateExceeded", "consecutiveFailures", "waitInOpenElapsed",
            "halfOpenTrialsSucceeded", "halfOpenTrialsFailed", "halfOpenTrialsSlow",
            "maxWaitInHalfOpenElapsed", "forced", "reset",
        ])
    }
}
