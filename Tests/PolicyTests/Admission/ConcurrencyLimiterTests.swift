import Testing
@testable import Policy

@Suite struct ConcurrencyLimiterTests {
    @Test func fixedBulkheadAdmitsUpToItsLimit() {
        var bulkhead = ConcurrencyLimiter(config: ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 2))
        let value1 = bulkhead.tryAcquire(now: .zero)
        #expect(value1)
        let value2 = bulkhead.tryAcquire(now: .zero)
        #expect(value2)
        let value3 = bulkhead.tryAcquire(now: .zero)
        #expect(!value3)
        let value4 = bulkhead.release(now: .ms(5), rtt: .ms(5), outcome: .success)
        #expect(value4 == nil)
        let value5 = bulkhead.tryAcquire(now: .ms(5))
        #expect(value5)
        #expect(bulkhead.inflight == 2)
    }

    @Test func aimdGrowsByOneWhenUsedAndBacksOffOnDrops() {
        var limiter = ConcurrencyLimiter(config: ConcurrencyLimitConfig(kind: .aimd, aimd: AIMDLimitConfig(initialLimit: 20, minLimit: 5, maxLimit: 200)))
        for _ in 0..<10 { _ = limiter.tryAcquire(now: .zero) }
        // inflight 10 (before leaving) * 2 >= 20: +1.
        let value6 = limiter.release(now: .ms(1), rtt: .ms(1), outcome: .success)
        #expect(value6 == LimitChange(from: 20, to: 21, cause: "inflight 10 >= half the limit: +1"))
        // A drop: floor(21 * 0.9) = 18.
        let value7 = limiter.release(now: .ms(2), rtt: .ms(1), outcome: .timeout)?.to
        #expect(value7 == 18)
        // Too few in flight to grow: no change.
        let value8 = limiter.release(now: .ms(3), rtt: .ms(1), outcome: .success)
        #expect(value8 == nil)
        // Slower than the 5 s timeout counts as a drop: floor(18 * 0.9) = 16.
        _ = limiter.tryAcquire(now: .zero)
        let value9 = limiter.release(now: .seconds(6), rtt: .seconds(6), outcome: .success)?.to
        #expect(value9 == 16)
    }

    @Test func gradient2FollowsTheNetflixUpdate() {
        let settings = Gradient2LimitConfig(initialLimit: 20, minLimit: 1, maxLimit: 200)
        var limiter = ConcurrencyLimiter(config: ConcurrencyLimitConfig(kind: .gradient2, gradient2: settings))
        for _ in 0..<20 { _ = limiter.tryAcquire(now: .zero) }
        // Sample 1, RTT 10 ms: long = short, gradient 1: 20*1 + 4 = 24; smoothed 20*0.8 + 24*0.2 = 20.8 -> 20.
        _ = limiter.release(now: .ms(10), rtt: .ms(10), outcome: .success)
        #expect(limiter.estimate == 20.8 && limiter.limit == 20)
        _ = limiter.tryAcquire(now: .zero)
        // Sample 2, RTT 40 ms: long = (10 + 40) / 2 = 25 ms; gradient 1.5 * 25 / 40 = 0.9375;
        // 20.8 * 0.9375 + 4 = 23.5; smoothed 20.8 * 0.8 + 23.5 * 0.2 = 21.34 -> 21.
        _ = limiter.release(now: .ms(50), rtt: .ms(40), outcome: .success)
        #expect(abs(limiter.estimate - 21.34) < 1e-12 && limiter.limit == 21)
    }

    @Test func vegasGrowsFastWithoutQueueAndShrinksWithOne() {
        var limiter = ConcurrencyLimiter(config: ConcurrencyLimitConfig(kind: .vegas))
        for _ in 0..<20 { _ = limiter.tryAcquire(now: .zero) }
        // First sample sets the no-load RTT.
        let value10 = limiter.release(now: .ms(10), rtt: .ms(10), outcome: .success)
        #expect(value10 == nil)
        _ = limiter.tryAcquire(now: .zero)
        // Queue ceil(20 * (1 - 10/10)) = 0 <= log10(20): + 6*log10(20) = 27.806 -> 27.
        let value11 = limiter.release(now: .ms(20), rtt: .ms(10), outcome: .success)?.to
        #expect(value11 == 27)
        for _ in 0..<7 { _ = limiter.tryAcquire(now: .zero) }
        // RTT doubled: queue ceil(27.806 * 0.5) = 14 > beta = 6*log10(27) = 8.59: - log10(27) -> 26.37 -> 26.
        let value12 = limiter.release(now: .ms(40), rtt: .ms(20), outcome: .success)?.to
        #expect(value12 == 26)
    }

    @Test func adaptiveLimitsStayInBoundsAndInflightNeverGoesNegative() {
        for kind in [ConcurrencyLimitConfig.Kind.aimd, .gradient2, .vegas] {
            for seed: UInt64 in 1...50 {
                var rng = SplitMix64(seed: seed)
                var limiter = ConcurrencyLimiter(config: ConcurrencyLimitConfig(kind: kind))
                let (low, high) = kind == .vegas ? (1, 1_000) : (20, 200)
                for step in 0..<2_000 {
                    if rng.chance(0.55) {
                        let before = limiter.inflight
                        if limiter.tryAcquire(now: .ms(Int64(step))) { #expect(before < limiter.limit + 1) }
                    } else if limiter.inflight > 0 {
                        let outcome: OutcomeClass = rng.chance(0.1) ? .timeout : .success
                        _ = limiter.release(now: .ms(Int64(step)), rtt: .ms(Int64(1 + rng.nextBelow(200))), outcome: outcome)
                    }
                    #expect(limiter.inflight >= 0)
                    #expect(limiter.limit >= low && limiter.limit <= high)
                }
            }
        }
    }

    @Test func presetsAndValidation() {
        #expect(ConcurrencyLimitConfig.preset(.resilience4j) == ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 25, maxWait: .zero))
        #expect(ConcurrencyLimitConfig.preset(.envoy)?.maxConcurrent == 1024)
        let netflix = ConcurrencyLimitConfig.preset(.netflix)!
        #expect(netflix.kind == .gradient2 && netflix.gradient2.smoothing == 0.2 && netflix.gradient2.queueSize == 4
                && netflix.gradient2.longWindow == 600 && netflix.gradient2.rttTolerance == 1.5)
        #expect(netflix.aimd == AIMDLimitConfig(initialLimit: 20, minLimit: 20, maxLimit: 200, backoffRatio: 0.9))
        #expect(throws: PolicyConfigError(field: "aimd.backoffRatio", expected: "a ratio in [0.5, 1)", got: "1.5")) {
            try ConcurrencyLimitConfig(aimd: AIMDLimitConfig(backoffRatio: 1.5)).validate()
        }
        #expect(throws: PolicyConfigError(field: "maxConcurrent", expected: "an integer in 1...10000000", got: "0")) {
            try ConcurrencyLimitConfig(maxConcurrent: 0).validate()
        }
    }
}
