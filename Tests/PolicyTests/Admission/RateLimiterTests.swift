import Testing
@testable import Policy

/// Reference behaviour checked against Resilience4j's `AtomicRateLimiter`
/// (cycles of limitRefreshPeriod counted from the start; at a boundary the
/// permissions become min(current + elapsedCycles * limitForPeriod,
/// limitForPeriod); a caller reserves permits when timeoutDuration >=
/// nanosToWait, where nanosToWait = time to the next cycle + fullCyclesToWait *
/// period, fullCyclesToWait = divCeil(permits - available - limitForPeriod,
/// limitForPeriod)).
@Suite struct RateLimiterTests {
    static let second = Nanoseconds.seconds(1)

    @Test func periodicRefreshRestoresLimitForPeriodAtEachBoundaryOnly() {
        // 10 permits per 1 s, no waiting: the 11th call in the first cycle is
        // rejected until the boundary at 1 s; half a cycle later still 0.5 s to go.
        let config = RateLimiterConfig.periodic(limitForPeriod: 10, refreshPeriod: .seconds(1), maxWait: .zero)
        var limiter = RateLimiter(config: config)
        for _ in 0..<10 {
            let decision = limiter.acquire(now: .zero)
            #expect(decision == .admitted)
        }
        let eleventh = limiter.acquire(now: .zero)
        #expect(eleventh == .rejected(retryAfter: .seconds(1)))
        let halfway = limiter.acquire(now: .ms(500))
        #expect(halfway == .rejected(retryAfter: .ms(500)))
        // 999 ms: still the first cycle, nothing earned.
        #expect(limiter.availablePermits(at: .ms(999)) == 0)
        #expect(limiter.availablePermits(at: .seconds(1)) == 10)
        let afterBoundary = limiter.acquire(now: .ms(1_000))
        #expect(afterBoundary == .admitted)
    }

    @Test func periodicRefreshNeverSavesMoreThanOnePeriod() {
        // Resilience4j caps at limitForPeriod: four idle cycles do not give 40 permits.
        let config = RateLimiterConfig.periodic(limitForPeriod: 10, refreshPeriod: .seconds(1), maxWait: .zero)
        var limiter = RateLimiter(config: config)
        let first = limiter.acquire(now: .zero, permits: 10)
        #expect(first == .admitted)
        #expect(limiter.availablePermits(at: .seconds(5)) == 10)
        let eleven = limiter.acquire(now: .seconds(5), permits: 11)
        #expect(eleven == .rejected(retryAfter: .max))
    }

    @Test func periodicReservationsQueueUpOneCycleEachUntilTimeout() {
        // limitForPeriod 1 per 1 s, timeoutDuration 5 s, all at t = 0:
        // call 1 admitted; call n (2...6) reserves and waits n-1 s; call 7
        // would wait 6 s > 5 s and is rejected, taking nothing.
        let config = RateLimiterConfig.periodic(limitForPeriod: 1, refreshPeriod: .seconds(1), maxWait: .seconds(5))
        var limiter = RateLimiter(config: config)
        let expected: [RateDecision] = [
            .admitted, .admittedAfter(.seconds(1)), .admittedAfter(.seconds(2)), .admittedAfter(.seconds(3)),
            .admittedAfter(.seconds(4)), .admittedAfter(.seconds(5)), .rejected(retryAfter: .seconds(1)),
        ]
        for (call, want) in expected.enumerated() {
            let got = limiter.acquire(now: .zero)
            #expect(got == want, "call \(call + 1)")
        }
        #expect(limiter.availablePermits(at: .zero) == -5)
        // At 0.3 s, Resilience4j: available -5, next cycle in 0.7 s, fullCyclesToWait
        // = divCeil(-(-5 + 1 - 1), 1) = 5, so nanosToWait = 5.7 s > 5 s: rejected.
        let later = limiter.acquire(now: .ms(300))
        #expect(later == .rejected(retryAfter: .ms(700)))
        // At 1 s one reservation is paid back: wait = 5 s exactly, admitted.
        let atBoundary = limiter.acquire(now: .seconds(1))
        #expect(atBoundary == .admittedAfter(.seconds(5)))
    }

    @Test func periodicWaitForSeveralPermitsMatchesResilience4jFormula() {
        // limitForPeriod 3 per 1 s. acquire(2) at 0 leaves 1. acquire(3) at 0.25 s:
        // nanosToNextCycle 0.75 s, permissionsAtStartOfNextCycle 1 + 3 = 4,
        // fullCyclesToWait = divCeil(3 - 4, 3) = 0, so the wait is 0.75 s.
        let config = RateLimiterConfig.periodic(limitForPeriod: 3, refreshPeriod: .seconds(1), maxWait: .seconds(5))
        var limiter = RateLimiter(config: config)
        let two = limiter.acquire(now: .zero, permits: 2)
        #expect(two == .admitted)
        let three = limiter.acquire(now: .ms(250), permits: 3)
        #expect(three == .admittedAfter(.ms(750)))
        // Balance is now 1 - 3 = -2; acquire(3) at 0.5 s needs 5 more permits:
        // fullCyclesToWait = divCeil(3 - (-2 + 3), 3) = 1, wait = 0.5 s + 1 s.
        let again = limiter.acquire(now: .ms(500), permits: 3)
        #expect(again == .admittedAfter(.ms(1_500)))
    }

    @Test func periodicCyclesCountFromTheLimiterStart() {
        // Started at 0.4 s: boundaries at 1.4 s, 2.4 s, ... (Resilience4j counts from creation).
        let config = RateLimiterConfig.periodic(limitForPeriod: 1, refreshPeriod: .seconds(1), maxWait: .zero)
        var limiter = RateLimiter(config: config, start: .ms(400))
        let first = limiter.acquire(now: .ms(500))
        #expect(first == .admitted)
        let second = limiter.acquire(now: .ms(1_300))
        #expect(second == .rejected(retryAfter: .ms(100)))
        let third = limiter.acquire(now: .ms(1_400))
        #expect(third == .admitted)
    }

    @Test func continuousRefillIsExactInIntegerUnits() {
        // 3 permits per second: one permit every 333,333,333.3 ns. Units make it exact:
        // a permit is 1e9 units and each nanosecond earns 3.
        var limiter = RateLimiter(config: .tokenBucket(rateRps: 3, burst: 2))
        #expect(limiter.config.effectiveRate == (3, 1_000_000_000))
        let a = limiter.acquire(now: .zero)
        let b = limiter.acquire(now: .zero)
        let c = limiter.acquire(now: .zero)
        #expect(a == .admitted && b == .admitted)
        // ceil(1e9 / 3) = 333,333,334 ns.
        #expect(c == .rejected(retryAfter: .ns(333_333_334)))
        // 333,333,333 ns earn 999,999,999 units: one unit short.
        let early = limiter.acquire(now: .ns(333_333_333))
        #expect(early == .rejected(retryAfter: .ns(1)))
        let onTime = limiter.acquire(now: .ns(333_333_334))
        #expect(onTime == .admitted)
        // 2 units are left over (1,000,000,002 - 1,000,000,000), not rounded away.
        #expect(limiter.balanceUnits == 2)
    }

    @Test func continuousReservationsWaitOnePermitTimeEach() {
        // 10 rps, burst 1, maxWait 250 ms: waits of 100 ms and 200 ms are
        // reserved; 300 ms is too long, and 50 ms later it would be exactly 250 ms.
        var limiter = RateLimiter(config: .tokenBucket(rateRps: 10, burst: 1, maxWait: .ms(250)))
        let decisions = (0..<4).map { _ in limiter.acquire(now: .zero) }
        #expect(decisions == [.admitted, .admittedAfter(.ms(100)), .admittedAfter(.ms(200)), .rejected(retryAfter: .ms(50))])
        let retried = limiter.acquire(now: .ms(50))
        #expect(retried == .admittedAfter(.ms(250)))
    }

    @Test func continuousBucketFillsToBurstAndNoFurther() {
        var limiter = RateLimiter(config: .tokenBucket(rateRps: 100, burst: 5))
        let all = limiter.acquire(now: .zero, permits: 5)
        #expect(all == .admitted)
        #expect(limiter.availablePermits(at: .ms(25)) == 2)   // 2.5 permits earned, floor 2
        #expect(limiter.availablePermits(at: .ms(50)) == 5)
        #expect(limiter.availablePermits(at: .hours(10)) == 5)
    }

    @Test func requestLargerThanBurstWaitsOnlyWhenMaxWaitCoversTheRest() {
        // burst 5 at 10 rps: 6 permits need one more permit's time (100 ms) from a full bucket.
        var strict = RateLimiter(config: .tokenBucket(rateRps: 10, burst: 5))
        let never = strict.acquire(now: .zero, permits: 6)
        #expect(never == .rejected(retryAfter: .max))

        var patient = RateLimiter(config: .tokenBucket(rateRps: 10, burst: 5, maxWait: .ms(200)))
        let first = patient.acquire(now: .zero, permits: 6)
        #expect(first == .admittedAfter(.ms(100)))
        // Balance -1 permit: 7 more would take 700 ms. Once full again (600 ms) only 100 ms remain.
        let second = patient.acquire(now: .zero, permits: 6)
        #expect(second == .rejected(retryAfter: .ms(600)))
        let retried = patient.acquire(now: .ms(600), permits: 6)
        #expect(retried == .admittedAfter(.ms(100)))
    }

    @Test func timeGoingBackwardsEarnsNothing() {
        var limiter = RateLimiter(config: .tokenBucket(rateRps: 10, burst: 1))
        let first = limiter.acquire(now: .seconds(1))
        #expect(first == .admitted)
        let earlier = limiter.acquire(now: .ms(500))
        #expect(earlier == .rejected(retryAfter: .ms(100)))
    }

    @Test(arguments: [
        (100.0, Int64(100), Int64(1_000_000_000)), (2.5, 5, 2_000_000_000), (0.1, 1, 10_000_000_000),
        (1.5, 3, 2_000_000_000), (0.001, 1, 1_000_000_000_000), (1234.567, 1_234_567, 1_000_000_000_000),
    ])
    func rateRpsBecomesAnExactRatio(rateRps: Double, tokens: Int64, periodNs: Int64) {
        let config = RateLimiterConfig.tokenBucket(rateRps: rateRps, burst: 1)
        #expect(config.effectiveRate == (tokens, periodNs))
        #expect(abs(config.permitsPerSecond - rateRps) < 1e-9 * rateRps)
    }

    @Test func periodicRateAndCapacityAreLimitForPeriod() {
        // rateRps and burst belong to continuous refill and are not read.
        let config = RateLimiterConfig(refill: .periodic, rateRps: 1, burst: 1, limitForPeriod: 7, refreshPeriod: .ms(250))
        #expect(config.effectiveRate == (7, 250_000_000))
        #expect(config.capacity == 7 && config.permitsPerSecond == 28)
    }
}
