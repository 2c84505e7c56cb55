import Testing
@testable import Policy

@Suite struct RateLimiterTests {
    @Test func continuousBucketStartsFullAndRefillsOneTokenPerInterval() {
        // 10 rps = one token per 100 ms; burst 2.
        var limiter = RateLimiter(config: RateLimiterConfig(rateRps: 10, burst: 2))
        let value1 = limiter.acquire(now: .zero)
        #expect(value1 == .admitted)
        let value2 = limiter.acquire(now: .zero)
        #expect(value2 == .admitted)
        let value3 = limiter.acquire(now: .zero)
        #expect(value3 == .rejected(retryAfter: .ms(100)))
        let value4 = limiter.acquire(now: .ms(100))
        #expect(value4 == .admitted)
        let value5 = limiter.acquire(now: .ms(150))
        #expect(value5 == .rejected(retryAfter: .ms(50)))
        // Idle for long: never more than `burst` tokens.
        let value6 = limiter.available(at: .seconds(60))
        #expect(value6 == 2)
    }

    @Test func waitingCallersReserveFutureTokens() {
        var limiter = RateLimiter(config: RateLimiterConfig(rateRps: 10, burst: 1, maxWait: .ms(250)))
        let value7 = limiter.acquire(now: .zero)
        #expect(value7 == .admitted)
        let value8 = limiter.acquire(now: .zero)
        #expect(value8 == .admittedAfter(.ms(100)))
        let value9 = limiter.acquire(now: .zero)
        #expect(value9 == .admittedAfter(.ms(200)))
        let value10 = limiter.acquire(now: .zero)
        #expect(value10 == .rejected(retryAfter: .ms(300)))
    }

    @Test func periodicRefillResetsPermitsEachPeriodLikeResilience4j() {
        var limiter = RateLimiter(config: RateLimiterConfig(refill: .periodic, limitForPeriod: 2, refreshPeriod: .seconds(1)))
        let value11 = limiter.acquire(now: .zero)
        #expect(value11 == .admitted)
        let value12 = limiter.acquire(now: .ms(10))
        #expect(value12 == .admitted)
        let value13 = limiter.acquire(now: .ms(20))
        #expect(value13 == .rejected(retryAfter: .ms(980)))
        // Unused permits do not carry over: still 2 after three idle periods.
        let value14 = limiter.available(at: .ms(4_200))
        #expect(value14 == 2)
    }

    @Test func periodicReservationsArePaidFromLaterPeriods() {
        var limiter = RateLimiter(config: RateLimiterConfig(refill: .periodic, limitForPeriod: 2, refreshPeriod: .seconds(1), maxWait: .seconds(5)))
        _ = limiter.acquire(now: .zero)
        _ = limiter.acquire(now: .zero)
        let value15 = limiter.acquire(now: .zero)
        #expect(value15 == .admittedAfter(.seconds(1)))
        // The next period starts with one permit already spent.
        let value16 = limiter.available(at: .ms(1_200))
        #expect(value16 == 1)
    }

    @Test func bucketNeverAdmitsMoreThanRateTimesTimePlusBurst() {
        for seed: UInt64 in 1...200 {
            var rng = SplitMix64(seed: seed)
            let rate = Double(1 + rng.nextBelow(500)), burst = Int(1 + rng.nextBelow(50))
            var limiter = RateLimiter(config: RateLimiterConfig(rateRps: rate, burst: burst))
            var now = Nanoseconds.zero
            var admitted = 0
            for _ in 0..<500 {
                now += .us(Int64(rng.nextBelow(20_000)))
                if limiter.acquire(now: now) == .admitted { admitted += 1 }
                let value17 = limiter.available(at: now)
                #expect(value17 <= burst)
                #expect(Double(admitted) <= rate * now.seconds + Double(burst) + 1e-9)
            }
        }
    }

    @Test func presetAndValidation() {
        let r4j = RateLimiterConfig.preset(.resilience4j)!
        #expect(r4j.refill == .periodic && r4j.limitForPeriod == 50 && r4j.refreshPeriod == .ns(500) && r4j.maxWait == .seconds(5))
        #expect(RateLimiterConfig.preset(.hystrix) == nil)
        #expect(throws: PolicyConfigError(field: "rateRps", expected: "a rate in (0, 1e9] requests per second", got: "0.0")) {
            try RateLimiterConfig(rateRps: 0).validate()
        }
        #expect(throws: PolicyConfigError(field: "refreshPeriod", expected: "a duration > 0", got: "0s")) {
            try RateLimiterConfig(refill: .periodic, refreshPeriod: .zero).validate()
        }
    }
}
