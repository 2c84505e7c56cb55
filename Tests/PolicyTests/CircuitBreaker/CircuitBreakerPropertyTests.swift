import Testing
@testable import Policy

/// Invariants over thousands of seeded random call sequences and random
/// configurations: calls are admitted, finish (any outcome, any duration) or are
/// cancelled out of order, timers are polled (or not), operators intervene.
@Suite struct CircuitBreakerPropertyTests {
    static func randomConfig(using rng: inout SplitMix64) -> CircuitBreakerConfig {
        let timeBased = rng.chance(0.4)
        return CircuitBreakerConfig(
            mode: rng.chance(0.25) ? .consecutiveFailures : .slidingWindow,
            slidingWindowType: timeBased ? .timeBased : .countBased,
            slidingWindowSize: 1 + Int(rng.nextBelow(timeBased ? 5 : 20)),
            minimumNumberOfCalls: 1 + Int(rng.nextBelow(20)),
            failureRateThresholdPercent: [10, 25, 50, 75, 100][Int(rng.nextBelow(5))],
            slowCallRateThresholdPercent: [50, 100][Int(rng.nextBelow(2))],
            slowCallDuration: .ms(Int64(50 + rng.nextBelow(200))),
            waitInOpen: .ms(Int64(1 + rng.nextBelow(3_000))),
            permittedCallsInHalfOpen: 1 + Int(rng.nextBelow(5)),
            maxWaitInHalfOpen: rng.chance(0.5) ? .zero : .ms(Int64(1 + rng.nextBelow(2_000))),
            automaticTransitionFromOpenToHalfOpen: rng.chance(0.5),
            consecutiveFailureThreshold: 1 + Int(rng.nextBelow(5)))
    }

    struct Call { var epoch: UInt32 }

    /// Checks are plain comparisons collected into `violations` (one `#expect`
    /// per check per step would dominate the run time in a debug build).
    @Test func invariantsHoldOverRandomSequences() throws {
        let outcomes = OutcomeClass.allCases
        var violations: [String] = []
        var transitionsSeen = 0
        var halfOpenAdmissions = 0
        for seed in UInt64(0)..<2_000 {
            var rng = SplitMix64(seed: seed)
            let config = Self.randomConfig(using: &rng)
            try config.validate()
            var breaker = CircuitBreaker(config: config)
            var inFlight: [Call] = []
            var now = Nanoseconds.zero
            var lastState = breaker.state
            var openedAt = Nanoseconds.zero
            // Calls admitted and not released in the current half-open episode.
            var halfOpenHeld = 0

            func fail(_ what: String) { violations.append("seed \(seed) at \(now): \(what)") }
            func observe(_ transition: BreakerTransition?, _ now: Nanoseconds) {
                guard let transition else {
                    if breaker.state != lastState { fail("state changed without a transition") }
                    return
                }
                // Every transition starts where the previous one ended.
                if transition.from != lastState { fail("\(transition) does not follow \(lastState)") }
                if transition.to != breaker.state || transition.at != now || transition.from == transition.to { fail("\(transition) malformed") }
                lastState = transition.to
                if transition.to == .open { openedAt = now }
                if transition.to == .halfOpen { halfOpenHeld = 0 }
                transitionsSeen += 1
            }

            for _ in 0..<150 {
                now += .ms(Int64(rng.nextBelow(rng.chance(0.1) ? 4_000 : 60)))
                let roll = rng.nextBelow(100)
                if roll < 45 {
                    if breaker.state == .open, rng.chance(0.5) {
                        // Aim at the edge of the wait: 1 ns before, at, or 1 ns after it.
                        let edge = openedAt.saturatingAdd(config.waitInOpen) + .ns(Int64(rng.nextBelow(3)) - 1)
                        now = Swift.max(now, edge)
                    }
                    let before = breaker.state
                    let permission = breaker.tryAcquire(now: now)
                    observe(permission.transition, now)
                    if permission.permitted {
                        // Never admitted while open before the wait has elapsed.
                        if before == .open {
                            let due = openedAt.saturatingAdd(config.waitInOpen)
                            if !(config.automaticTransitionFromOpenToHalfOpen ? now >= due : now > due) { fail("admitted while open") }
                        }
                        if breaker.state.rejectsCalls { fail("admitted in \(breaker.state)") }
                        if breaker.state == .halfOpen { halfOpenHeld += 1; halfOpenAdmissions += 1 }
                        inFlight.append(Call(epoch: permission.epoch))
                    } else {
                        if !breaker.state.rejectsCalls && breaker.state != .halfOpen { fail("refused in \(breaker.state)") }
                    }
                } else if roll < 80, !inFlight.isEmpty {
                    let call = inFlight.remove(at: Int(rng.nextBelow(UInt64(inFlight.count))))
                    let outcome = outcomes[Int(rng.nextBelow(UInt64(outcomes.count)))]
                    let heldBefore = breaker.state == .halfOpen && call.epoch == breaker.epoch
                    let transition = breaker.record(now: now, outcome: outcome, duration: .ms(Int64(rng.nextBelow(400))), admittedIn: call.epoch)
                    if outcome == .rejected, heldBefore, transition == nil { halfOpenHeld -= 1 }
                    observe(transition, now)
                } else if roll < 90, !inFlight.isEmpty {
                    let call = inFlight.remove(at: Int(rng.nextBelow(UInt64(inFlight.count))))
                    let heldBefore = breaker.state == .halfOpen && call.epoch == breaker.epoch
                    let transition = breaker.release(now: now, admittedIn: call.epoch)
                    if heldBefore, transition == nil { halfOpenHeld -= 1 }
                    observe(transition, now)
                } else if roll < 98 {
                    if let due = breaker.nextTimedTransition, rng.chance(0.7) { now = Swift.max(now, due) }
                    observe(breaker.poll(now: now), now)
                } else {
                    switch rng.nextBelow(4) {
                    case 0: observe(breaker.forceOpen(now: now), now)
                    case 1: observe(breaker.forceClosed(now: now), now)
                    case 2: observe(breaker.forceMetricsOnly(now: now), now)
                    default: observe(breaker.reset(now: now), now)
                    }
                }
                // Half-open never has more calls out than its permits.
                if breaker.state == .halfOpen {
                    if halfOpenHeld + breaker.halfOpenPermitsAvailable > config.permittedCallsInHalfOpen {
                        fail("\(halfOpenHeld) trials out and \(breaker.halfOpenPermitsAvailable) permits left")
                    }
                } else if breaker.halfOpenPermitsAvailable != 0 {
                    fail("permits outside half-open")
                }
                let metrics = breaker.metrics
                if metrics.failedCalls > metrics.bufferedCalls || metrics.slowCalls > metrics.bufferedCalls { fail("metrics \(metrics)") }
                if config.slidingWindowType == .countBased, metrics.bufferedCalls > Swift.max(config.slidingWindowSize, config.permittedCallsInHalfOpen) {
                    fail("count window overflow")
                }
            }
        }
        #expect(violations.prefix(5) == [])
        #expect(violations.count == 0)
        // The sequences must actually exercise the machine.
        #expect(transitionsSeen > 10_000)
        #expect(halfOpenAdmissions > 2_000)
    }

    @Test func identicalSeedsGiveIdenticalTransitionLogs() {
        func log(seed: UInt64) -> [String] {
            var rng = SplitMix64(seed: seed)
            var breaker = CircuitBreaker(config: Self.randomConfig(using: &rng))
            var lines: [String] = []
            var now = Nanoseconds.zero
            for _ in 0..<500 {
                now += .ms(Int64(rng.nextBelow(100)))
                let permission = breaker.tryAcquire(now: now)
                if let transition = permission.transition { lines.append(transition.description) }
                if permission.permitted {
                    let outcome: OutcomeClass = rng.chance(0.4) ? .serverError : .success
                    if let transition = breaker.record(now: now, outcome: outcome, duration: .ms(10)) { lines.append(transition.description) }
                }
            }
            return lines
        }
        let first = log(seed: 42)
        #expect(!first.isEmpty)
        #expect(first == log(seed: 42))
    }
}
