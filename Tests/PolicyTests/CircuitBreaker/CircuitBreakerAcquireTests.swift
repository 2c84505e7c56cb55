import Testing
@testable import Policy

/// `tryAcquire` answers the closed state before running timers: these pin that
/// the shortcut gives exactly what the full path gives, and that every other
/// state still takes the full path (timers, lazy half-open, permits, refusals).
@Suite struct CircuitBreakerAcquireTests {
    static let config = CircuitBreakerConfig(slidingWindowSize: 2, minimumNumberOfCalls: 2, waitInOpen: .seconds(1),
                                             permittedCallsInHalfOpen: 1)

    @Test func closedPermitsWithoutTransitionAndKeepsTheEpoch() {
        var breaker = CircuitBreaker(config: Self.config)
        for ms: Int64 in [0, 1, 1_000_000] {
            let permission = breaker.tryAcquire(now: .ms(ms))
            #expect(permission == BreakerPermission(permitted: true, transition: nil, epoch: 0))
        }
        #expect(breaker.state == .closed)
        #expect(breaker.notPermittedCalls == 0)
        #expect(breaker.halfOpenPermitsAvailable == 0)
    }

    @Test func afterClosingAgainThePermitCarriesTheNewEpoch() {
        var breaker = CircuitBreaker(config: Self.config)
        breaker.record(now: .zero, outcome: .serverError, duration: .ms(1))
        breaker.record(now: .zero, outcome: .serverError, duration: .ms(1))
        #expect(breaker.state == .open)
        #expect(breaker.epoch == 1)
        // Open refuses (full path) and counts the refusal.
        let refused = breaker.tryAcquire(now: .ms(500))
        #expect(refused == BreakerPermission(permitted: false, transition: nil, epoch: 1))
        #expect(breaker.notPermittedCalls == 1)
        // Strictly after the wait: lazily half-open, taking the one permit.
        let trial = breaker.tryAcquire(now: .ms(1_001))
        #expect(trial.permitted)
        #expect(trial.transition?.to == .halfOpen)
        #expect(trial.epoch == 2)
        let noPermitLeft = breaker.tryAcquire(now: .ms(1_002))
        #expect(!noPermitLeft.permitted)
        #expect(breaker.notPermittedCalls == 2)
        breaker.record(now: .ms(1_003), outcome: .success, duration: .ms(1), admittedIn: 2)
        #expect(breaker.state == .closed)
        let closed = breaker.tryAcquire(now: .ms(1_004))
        #expect(closed == BreakerPermission(permitted: true, transition: nil, epoch: 3))
    }
}
