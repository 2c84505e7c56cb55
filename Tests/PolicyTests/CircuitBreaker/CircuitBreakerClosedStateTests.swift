import Testing
@testable import Policy

/// Closed-state tripping, scripted after Resilience4j's documented behaviour and
/// its sources (CircuitBreakerMetrics: `>=` on both thresholds, slow is strictly
/// `>` slowCallDurationThreshold, count windows clamp minimumNumberOfCalls to the
/// window size, no rate below the minimum; CircuitBreakerStateMachine: open
/// keeps the closed metrics, closed starts a new window).
@Suite struct CircuitBreakerClosedStateTests {
    static func config(window: Int = 4, minimum: Int = 4, failure: Double = 50, slow: Double = 100,
                       slowAfterMs: Int64 = 60_000, type: CircuitBreakerConfig.SlidingWindowType = .countBased) -> CircuitBreakerConfig {
        CircuitBreakerConfig(slidingWindowType: type, slidingWindowSize: window, minimumNumberOfCalls: minimum,
                             failureRateThresholdPercent: failure, slowCallRateThresholdPercent: slow,
                             slowCallDuration: .ms(slowAfterMs), waitInOpen: .seconds(60), permittedCallsInHalfOpen: 2)
    }

    @Test func opensWhenFailureRateReachesThresholdExactly() {
        var breaker = CircuitBreaker(config: Self.config())
        let transitions = breaker.run([
            .init(0, .record(.serverError), .closed),
            .init(1, .record(.success), .closed),
            .init(2, .record(.success), .closed),
            // 2 of 4 = 50% >= 50%: opens on the call that reaches the minimum.
            .init(3, .record(.timeout), .open, cause: "failureRateExceeded"),
            .init(4, .acquire, .open, permitted: false),
        ])
        #expect(transitions.first?.cause == .failureRateExceeded(ratePercent: 50, thresholdPercent: 50))
        #expect(transitions.first?.description == "closed -> open at 0.003s: failure rate 50% >= 50%")
    }

    @Test func staysClosedJustBelowThreshold() {
        var breaker = CircuitBreaker(config: Self.config(window: 8, minimum: 8))
        var steps: [BreakerStep] = []
        for index in 0..<8 { steps.append(.init(Int64(index), .record(index < 3 ? .serverError : .success), .closed)) }
        breaker.run(steps)  // 3 of 8 = 37.5% < 50%
        #expect(breaker.metrics.failureRatePercent == 37.5)
        #expect(breaker.metrics.bufferedCalls == 8)
    }

    @Test func noRateAndNoTripBelowTheMinimumNumberOfCalls() {
        var breaker = CircuitBreaker(config: Self.config(window: 10, minimum: 5))
        breaker.run([
            .init(0, .record(.serverError), .closed),
            .init(1, .record(.serverError), .closed),
            .init(2, .record(.serverError), .closed),
            .init(3, .record(.serverError), .closed),
        ])
        #expect(breaker.metrics.failureRatePercent == nil)
        #expect(breaker.metrics.slowCallRatePercent == nil)
        #expect(breaker.metrics.failedCalls == 4)
        breaker.run([.init(4, .record(.serverError), .open, cause: "failureRateExceeded")])
    }

    @Test func countWindowClampsTheMinimumToTheWindowSize() {
        // Resilience4j: minimumNumberOfCalls 100 with a 4-call window behaves as 4.
        let config = Self.config(window: 4, minimum: 100)
        #expect(config.effectiveMinimumNumberOfCalls == 4)
        var breaker = CircuitBreaker(config: config)
        breaker.run([
            .init(0, .record(.success), .closed),
            .init(1, .record(.success), .closed),
            .init(2, .record(.serverError), .closed),
            .init(3, .record(.serverError), .open, cause: "failureRateExceeded"),
        ])
        #expect(breaker.metrics.minimumCalls == 4)
    }

    @Test func timeWindowKeepsTheMinimumUnclamped() {
        let config = Self.config(window: 2, minimum: 5, type: .timeBased)
        #expect(config.effectiveMinimumNumberOfCalls == 5)
        var breaker = CircuitBreaker(config: config)
        breaker.run([
            .init(0, .record(.serverError), .closed),
            .init(100, .record(.serverError), .closed),
            .init(200, .record(.serverError), .closed),
            .init(300, .record(.serverError), .closed),
        ])
        #expect(breaker.metrics.failureRatePercent == nil)
        breaker.run([.init(400, .record(.serverError), .open, cause: "failureRateExceeded")])
    }

    @Test func countWindowForgetsTheOldestCall() {
        var breaker = CircuitBreaker(config: Self.config(window: 4, minimum: 4, failure: 75))
        breaker.run([
            .init(0, .record(.serverError), .closed),
            .init(1, .record(.serverError), .closed),
            .init(2, .record(.success), .closed),   // 2/3, below minimum
            .init(3, .record(.success), .closed),   // F F S S: 50%
            .init(4, .record(.success), .closed),   // F S S S: 25%
            .init(5, .record(.serverError), .closed),  // S S S F: 25%
            .init(6, .record(.serverError), .closed),  // S S F F: 50%
            .init(7, .record(.serverError), .open, cause: "failureRateExceeded"),  // S F F F: 75%
        ])
        #expect(breaker.metrics.failureRatePercent == 75)
    }

    @Test func timeWindowAgesOutWholeSecondBuckets() {
        var breaker = CircuitBreaker(config: Self.config(window: 2, minimum: 4, type: .timeBased))
        breaker.run([
            .init(100, .record(.serverError), .closed),
            .init(900, .record(.serverError), .closed),
            .init(1_500, .record(.success), .closed),
        ])
        #expect(breaker.metrics(at: .ms(1_999)).bufferedCalls == 3)
        // At 2.0 s the bucket [0 s, 1 s) leaves the two-second window.
        #expect(breaker.metrics(at: .ms(2_000)).bufferedCalls == 1)
        breaker.run([
            .init(2_100, .record(.success), .closed),
            .init(2_200, .record(.success), .closed),
            .init(2_300, .record(.serverError), .closed),  // 1 of 4 = 25%
        ])
        #expect(breaker.metrics.failureRatePercent == 25)
    }

    @Test func slowCallsAreStrictlyLongerThanTheDuration() {
        var breaker = CircuitBreaker(config: Self.config(window: 2, minimum: 2, slow: 100, slowAfterMs: 1_000))
        breaker.run([
            .init(0, .record(.success, durationMs: 1_000), .closed),
            .init(1, .record(.success, durationMs: 1_001), .closed),  // 1 of 2 slow
        ])
        #expect(breaker.metrics.slowCalls == 1)
        #expect(breaker.metrics.slowCallRatePercent == 50)
        let transitions = breaker.run([.init(2, .record(.success, durationMs: 5_000), .open, cause: "slowCallRateExceeded")])
        #expect(transitions.first?.cause.description == "slow-call rate 100% >= 100%")
    }

    @Test func slowFailuresCountForBothRatesAndFailureRateIsReportedFirst() {
        var breaker = CircuitBreaker(config: Self.config(window: 2, minimum: 2, failure: 50, slow: 50, slowAfterMs: 100))
        let transitions = breaker.run([
            .init(0, .record(.success), .closed),
            .init(1, .record(.timeout, durationMs: 500), .open, cause: "failureRateExceeded"),
        ])
        #expect(breaker.metrics.slowCallRatePercent == 50)
        #expect(transitions.first?.cause == .failureRateExceeded(ratePercent: 50, thresholdPercent: 50))
    }

    @Test func outcomesOutsideRecordedFailuresCountAsSuccesses() {
        var config = Self.config(window: 2, minimum: 2)
        config.recordedFailures = [.serverError]
        var breaker = CircuitBreaker(config: config)
        breaker.run([
            .init(0, .record(.clientError), .closed),
            .init(1, .record(.throttled), .closed),
        ])
        #expect(breaker.metrics.failedCalls == 0 && breaker.metrics.bufferedCalls == 2)
    }

    @Test func rejectedOutcomesAreNeverRecorded() {
        var breaker = CircuitBreaker(config: Self.config(window: 2, minimum: 2))
        breaker.run([
            .init(0, .record(.rejected), .closed),
            .init(1, .record(.rejected), .closed),
            .init(2, .record(.rejected), .closed),
        ])
        #expect(breaker.metrics.bufferedCalls == 0)
    }

    @Test func openKeepsTheTrippingWindowAndCountsLateOutcomesWithoutTransitions() {
        var breaker = CircuitBreaker(config: Self.config(window: 4, minimum: 4))
        breaker.run([
            .init(0, .record(.serverError), .closed),
            .init(1, .record(.serverError), .closed),
            .init(2, .record(.serverError), .closed),
            .init(3, .record(.success), .open, cause: "failureRateExceeded"),
            // Calls admitted before the trip finish while open: counted, no transition.
            .init(4, .record(.success), .open),
            .init(5, .record(.success), .open),
        ])
        #expect(breaker.metrics.failureRatePercent == 25)
        #expect(breaker.metrics.bufferedCalls == 4)
    }

    @Test func consecutiveFailuresModeOpensOnTheNthFailureInARow() {
        var config = CircuitBreakerConfig(mode: .consecutiveFailures, waitInOpen: .seconds(5), permittedCallsInHalfOpen: 1,
                                          consecutiveFailureThreshold: 3)
        config.recordedFailures = .transientFailures
        var breaker = CircuitBreaker(config: config)
        let transitions = breaker.run([
            .init(0, .record(.serverError), .closed),
            .init(1, .record(.serverError), .closed),
            .init(2, .record(.success), .closed),  // streak reset
            .init(3, .record(.serverError), .closed),
            .init(4, .record(.clientError), .closed),  // not a recorded failure: a success
            .init(5, .record(.timeout), .closed),
            .init(6, .record(.overloaded), .closed),
            .init(7, .record(.connectionError), .open, cause: "consecutiveFailures"),
        ])
        #expect(transitions.first?.cause == .consecutiveFailures(count: 3))
        #expect(transitions.first?.cause.description == "3 consecutive failures")
        #expect(breaker.consecutiveFailures == 0)
    }

    @Test func consecutiveFailuresModeIgnoresRates() {
        let config = CircuitBreakerConfig(mode: .consecutiveFailures, slidingWindowSize: 2, minimumNumberOfCalls: 2,
                                          consecutiveFailureThreshold: 3)
        var breaker = CircuitBreaker(config: config)
        breaker.run([
            .init(0, .record(.serverError), .closed),
            .init(1, .record(.serverError), .closed),  // 100% failure rate, but only 2 in a row
        ])
        #expect(breaker.metrics.failureRatePercent == 100)
    }
}
