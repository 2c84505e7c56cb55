import Testing
@testable import Policy

/// `record` takes the closed state first (`recordClosed`, opening out of line in
/// `openFromClosed`): pin what it counts, which cause opens the breaker, and
/// that `.rejected` and the other states still go the full way.
@Suite struct CircuitBreakerRecordTests {
    static func breaker(mode: CircuitBreakerConfig.Mode = .slidingWindow, failure: Double = 50, slow: Double = 50,
                        consecutive: Int = 3) -> CircuitBreaker {
        CircuitBreaker(config: CircuitBreakerConfig(mode: mode, slidingWindowSize: 4, minimumNumberOfCalls: 4,
                                                    failureRateThresholdPercent: failure, slowCallRateThresholdPercent: slow,
                                                    slowCallDuration: .ms(100), waitInOpen: .seconds(1), permittedCallsInHalfOpen: 2,
                                                    consecutiveFailureThreshold: consecutive,
                                                    recordedFailures: OutcomeClassSet.transientFailures))
    }

    @Test func closedCountsFailuresSlowCallsAndRunsOfFailures() {
        var breaker = Self.breaker(failure: 100, slow: 100)
        // clientError is not a recorded (transient) failure; 100 ms is not slow (strictly greater is).
        let outcomes: [(OutcomeClass, Int64)] = [(.serverError, 10), (.clientError, 101), (.timeout, 100)]
        for (index, (outcome, ms)) in outcomes.enumerated() {
            let transition = breaker.record(now: .ms(Int64(index)), outcome: outcome, duration: .ms(ms))
            #expect(transition == nil)
        }
        #expect(breaker.metrics == BreakerMetrics(bufferedCalls: 3, failedCalls: 2, slowCalls: 1, minimumCalls: 4))
        #expect(breaker.consecutiveFailures == 1)
        #expect(breaker.state == .closed)
    }

    /// Closed builds its metrics from the totals the window returns on
    /// record, never from the half-open trials: after trials close the
    /// breaker, the next outcome is the fresh window's only call.
    @Test func closedMetricsAfterHalfOpenCountOnlyTheFreshWindow() {
        var breaker = Self.breaker(failure: 50, slow: 100)
        for ms in 0..<4 { breaker.record(now: .ms(Int64(ms)), outcome: .serverError, duration: .ms(10)) }
        #expect(breaker.state == .open)
        let first = breaker.tryAcquire(now: .ms(1_010))
        let second = breaker.tryAcquire(now: .ms(1_011))
        #expect(first.permitted && second.permitted && breaker.state == .halfOpen)
        breaker.record(now: .ms(1_020), outcome: .success, duration: .ms(10))
        // No failed trial, one slow of two (50% < 100%): closed, with an empty window.
        let closing = breaker.record(now: .ms(1_021), outcome: .success, duration: .ms(150))
        #expect(closing?.to == .closed)
        #expect(breaker.metrics == BreakerMetrics(minimumCalls: 4))
        breaker.record(now: .ms(1_030), outcome: .timeout, duration: .ms(150))
        #expect(breaker.metrics == BreakerMetrics(bufferedCalls: 1, failedCalls: 1, slowCalls: 1, minimumCalls: 4))
        #expect(breaker.consecutiveFailures == 1)
    }

    /// A time-based window's metrics after each record are the calls of the
    /// last `slidingWindowSize` whole seconds (one-second buckets).
    @Test func closedTimeWindowMetricsMatchThePlainCount() throws {
        let config = CircuitBreakerConfig(slidingWindowType: .timeBased, slidingWindowSize: 3, minimumNumberOfCalls: 1_000,
                                          slowCallDuration: .ms(100))
        try config.validate()
        var breaker = CircuitBreaker(config: config)
        var rng = SplitMix64(seed: 3)
        var calls: [(second: Int64, failed: Bool, slow: Bool)] = []
        var now = Nanoseconds.zero
        var mismatches = 0
        for _ in 0..<2_000 {
            now += .ms(Int64(rng.nextBelow(30)))
            let failed = rng.chance(0.3)
            let slow = rng.chance(0.2)
            breaker.record(now: now, outcome: failed ? .serverError : .success, duration: .ms(slow ? 200 : 20))
            calls.append((now.ns / 1_000_000_000, failed, slow))
            let live = calls.filter { $0.second > now.ns / 1_000_000_000 - 3 }
            let expected = BreakerMetrics(bufferedCalls: live.count, failedCalls: live.filter(\.failed).count,
                                          slowCalls: live.filter(\.slow).count, minimumCalls: 1_000)
            if breaker.metrics != expected || breaker.state != .closed { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(breaker.metrics.bufferedCalls > 0)
    }

    /// `metrics` is computed when read, from the window as the last call left
    /// it: reading it does not age a time-based window (a permit in closed
    /// does not either); `metrics(at:)` does, and later readings keep that.
    @Test func metricsReadTheWindowAsTheLastCallLeftIt() {
        var breaker = CircuitBreaker(config: CircuitBreakerConfig(slidingWindowType: .timeBased, slidingWindowSize: 2,
                                                                  minimumNumberOfCalls: 1, failureRateThresholdPercent: 100))
        breaker.record(now: .ms(500), outcome: .success, duration: .ms(10))
        breaker.record(now: .ms(1_500), outcome: .serverError, duration: .ms(10))  // 50% < 100%: stays closed
        let permission = breaker.tryAcquire(now: .seconds(2))
        #expect(permission.permitted)
        #expect(breaker.metrics == BreakerMetrics(bufferedCalls: 2, failedCalls: 1, slowCalls: 0, minimumCalls: 1))
        let aged = breaker.metrics(at: .ms(2_100))  // [0s, 1s) has left the two-second window
        #expect(aged == BreakerMetrics(bufferedCalls: 1, failedCalls: 1, slowCalls: 0, minimumCalls: 1))
        #expect(breaker.metrics == aged)
        #expect(breaker.metrics.failureRatePercent == 100)
        #expect(breaker.state == .closed)  // a reading never transitions
    }

    @Test func rejectedInClosedRecordsNothing() {
        var breaker = Self.breaker()
        let transition = breaker.record(now: .zero, outcome: .rejected, duration: .seconds(5), admittedIn: 0)
        #expect(transition == nil)
        #expect(breaker.metrics == BreakerMetrics(minimumCalls: 4))
        #expect(breaker.halfOpenPermitsAvailable == 0)
    }

    @Test func bothRatesAtThresholdOpenOnTheFailureRate() {
        var breaker = Self.breaker()
        var transitions: [BreakerTransition] = []
        for index in 0..<4 {
            let failed = index < 2
            if let transition = breaker.record(now: .ms(Int64(index)), outcome: failed ? .serverError : .success,
                                               duration: .ms(failed ? 500 : 1)) {
                transitions.append(transition)
            }
        }
        #expect(transitions.map(\.cause) == [.failureRateExceeded(ratePercent: 50, thresholdPercent: 50)])
        #expect(breaker.state == .open)
        #expect(breaker.epoch == 1)
    }

    @Test func slowRateAloneOpensOnTheSlowRate() {
        var breaker = Self.breaker(failure: 100, slow: 75)
        var causes: [BreakerTransitionCause] = []
        for index in 0..<4 {
            if let transition = breaker.record(now: .ms(Int64(index)), outcome: .success, duration: .ms(index == 0 ? 1 : 200)) {
                causes.append(transition.cause)
            }
        }
        #expect(causes == [.slowCallRateExceeded(ratePercent: 75, thresholdPercent: 75)])
    }

    @Test func consecutiveModeOpensOnTheRunNotTheRate() {
        var breaker = Self.breaker(mode: .consecutiveFailures)
        let script: [OutcomeClass] = [.serverError, .serverError, .success, .serverError, .serverError, .serverError]
        var opened: [Int] = []
        for (index, outcome) in script.enumerated() {
            if let transition = breaker.record(now: .ms(Int64(index)), outcome: outcome, duration: .ms(1)) {
                #expect(transition.cause == .consecutiveFailures(count: 3))
                opened.append(index)
            }
        }
        #expect(opened == [5])
    }

    @Test func outsideClosedTheFullPathStillApplies() {
        var breaker = Self.breaker()
        _ = breaker.forceOpen(now: .zero)
        let ignored = breaker.record(now: .ms(1), outcome: .serverError, duration: .ms(1))
        #expect(ignored == nil)
        #expect(breaker.metrics.bufferedCalls == 0)
    }
}
