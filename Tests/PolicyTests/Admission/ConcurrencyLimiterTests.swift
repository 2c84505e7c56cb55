import Testing
@testable import Policy

/// Reference behaviour from Netflix concurrency-limits (read in
/// concurrency-limits-core: AIMDLimit, Gradient2Limit, VegasLimit,
/// ExpAvgMeasurement, Log10RootFunction, AbstractLimiter). Expected numbers in
/// the comments are worked out by hand from those formulas.
@Suite struct ConcurrencyLimiterTests {
    /// Releases one request at `now` with an explicit admission-time in-flight count.
    /// Acquires a slot first so the release is always matched.
    static func sample(_ limiter: inout ConcurrencyLimiter, rttMs: Int64, outcome: OutcomeClass = .success,
                       inflight: Int, at now: Nanoseconds = .zero) -> LimitChange? {
        if limiter.inflight == 0 { _ = limiter.tryAcquire(now: now) }
        return limiter.release(now: now, rtt: .ms(rttMs), outcome: outcome, inflightAtAcquire: inflight)
    }

    @Test func fixedLimitAdmitsUpToMaxConcurrentAndFreesOnRelease() {
        var limiter = ConcurrencyLimiter(config: ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 3))
        let admitted = (0..<4).map { _ in limiter.tryAcquire(now: .zero) }
        #expect(admitted == [true, true, true, false])
        #expect(limiter.inflight == 3 && limiter.limit == 3)
        let change = limiter.release(now: .ms(5), rtt: .ms(5), outcome: .timeout)
        #expect(change == nil)
        #expect(limiter.limit == 3 && limiter.inflight == 2)
        let freed = limiter.tryAcquire(now: .ms(5))
        #expect(freed)
    }

    @Test func releaseIgnoredFreesTheSlotWithoutMovingTheLimit() {
        var limiter = ConcurrencyLimiter(config: .netflix(.aimd))
        for _ in 0..<20 { _ = limiter.tryAcquire(now: .zero) }
        let full = limiter.tryAcquire(now: .zero)
        #expect(!full && limiter.inflight == 20)
        limiter.releaseIgnored()
        #expect(limiter.inflight == 19 && limiter.limit == 20)
        let again = limiter.tryAcquire(now: .zero)
        #expect(again)
    }

    @Test func outcomesAreSortedIntoDropsIgnoredAndSamples() {
        let limiter = ConcurrencyLimiter(config: ConcurrencyLimitConfig())
        let samples = OutcomeClass.allCases.map { limiter.sample(for: $0) }
        // success, timeout, serverError, overloaded, throttled, connectionError, clientError, rejected
        #expect(samples == [.measured, .dropped, .measured, .dropped, .dropped, .ignored, .measured, .ignored])
    }

    @Test func aimdAddsOneOnlyWhenHalfTheLimitIsInUse() {
        // Netflix defaults: initial 20, min 20, max 200.
        var limiter = ConcurrencyLimiter(config: .netflix(.aimd))
        #expect(limiter.limit == 20)
        // inflight 10: 10 * 2 >= 20, so +1.
        let first = Self.sample(&limiter, rttMs: 10, inflight: 10, at: .ms(1))
        #expect(first == LimitChange(at: .ms(1), from: 20, to: 21, cause: .additiveIncrease))
        // inflight 10: 20 < 21, application-limited, no change.
        let step1 = Self.sample(&limiter, rttMs: 10, inflight: 10)
        #expect(step1 == nil)
        // inflight 11: 22 >= 21, so +1.
        let step2 = Self.sample(&limiter, rttMs: 10, inflight: 11)
        #expect(step2?.to == 22)
        // A timeout is a drop: floor(22 * 0.9) = 19, held at min 20.
        let drop = Self.sample(&limiter, rttMs: 10, outcome: .timeout, inflight: 11, at: .ms(9))
        #expect(drop == LimitChange(at: .ms(9), from: 22, to: 20, cause: .drop))
        // Already at the minimum: another drop changes nothing.
        let step3 = Self.sample(&limiter, rttMs: 10, outcome: .overloaded, inflight: 11)
        #expect(step3 == nil)
        // A connection error is ignored even at high in-flight.
        let step4 = Self.sample(&limiter, rttMs: 10, outcome: .connectionError, inflight: 100)
        #expect(step4 == nil)
        // A server error is a measured sample: +1.
        let step5 = Self.sample(&limiter, rttMs: 10, outcome: .serverError, inflight: 100)
        #expect(step5?.to == 21)
    }

    @Test func aimdBacksOffMultiplicativelyWithTruncation() {
        var config = ConcurrencyLimitConfig(kind: .aimd)
        config.aimd = AIMDLimitConfig(initialLimit: 10, minLimit: 1, maxLimit: 12)
        var limiter = ConcurrencyLimiter(config: config)
        // 10 -> 9 -> 8.1=8 -> 7.2=7 -> 6.3=6 -> 5.4=5 -> 4.5=4 -> 3.6=3 -> 2.7=2 -> 1.8=1 -> 0.9 held at 1.
        var limits: [Int] = []
        for _ in 0..<10 {
            _ = Self.sample(&limiter, rttMs: 10, outcome: .timeout, inflight: 1)
            limits.append(limiter.limit)
        }
        #expect(limits == [9, 8, 7, 6, 5, 4, 3, 2, 1, 1])
        // Grows by one per busy sample up to max 12.
        var grown: [Int] = []
        for _ in 0..<13 {
            _ = Self.sample(&limiter, rttMs: 10, inflight: 12)
            grown.append(limiter.limit)
        }
        #expect(grown == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12])
    }

    @Test func aimdTreatsAnRttOverTheTimeoutAsADrop() {
        var config = ConcurrencyLimitConfig(kind: .aimd)
        config.aimd = AIMDLimitConfig(initialLimit: 50, minLimit: 1, maxLimit: 200, backoffRatio: 0.5, rttTimeout: .seconds(1))
        var limiter = ConcurrencyLimiter(config: config)
        let step6 = Self.sample(&limiter, rttMs: 1_000, inflight: 50)
        #expect(step6?.to == 51)   // not over 1 s
        let slow = Self.sample(&limiter, rttMs: 1_001, inflight: 50)
        #expect(slow?.cause == .slowResponse && slow?.to == 25)   // floor(51 * 0.5)
    }

    @Test func releaseWithoutAdmissionCountUsesInflightIncludingItself() {
        var limiter = ConcurrencyLimiter(config: .netflix(.aimd))
        for _ in 0..<10 { _ = limiter.tryAcquire(now: .zero) }
        // In flight 10 (this one included): 10 * 2 >= 20, +1.
        let change = limiter.release(now: .ms(3), rtt: .ms(3), outcome: .success)
        #expect(change?.to == 21 && limiter.inflight == 9)
        // In flight 9: 18 < 21, unchanged.
        let step7 = limiter.release(now: .ms(3), rtt: .ms(3), outcome: .success)
        #expect(step7 == nil)
    }

    @Test func gradient2FollowsTheLongToShortRttRatio() {
        // min 1 so the decreases are visible; otherwise Netflix defaults
        // (smoothing 0.2, queueSize 4, longWindow 600, tolerance 1.5), in flight 20 throughout.
        var config = ConcurrencyLimitConfig(kind: .gradient2)
        config.gradient2.minLimit = 1
        var limiter = ConcurrencyLimiter(config: config)
        var estimates: [Double] = []
        var changes: [LimitChange?] = []
        func feed(_ rttMs: Int64, inflight: Int = 20) {
            changes.append(Self.sample(&limiter, rttMs: rttMs, inflight: inflight))
            if case .gradient2(let state) = limiter.algorithm { estimates.append(state.estimate) }
        }
        // 1: long = 10 (warm-up mean), gradient min(1, 1.5) = 1, new 20 + 4 = 24,
        //    smoothed 20*0.8 + 24*0.2 = 20.8: limit still 20.
        feed(10)
        // 2: long 10, new 24.8, smoothed 20.8*0.8 + 24.8*0.2 = 21.6: limit 21.
        feed(10)
        // 3: long = mean(10, 10, 40) = 20, gradient 1.5*20/40 = 0.75,
        //    new 21.6*0.75 + 4 = 20.2, smoothed 17.28 + 4.04 = 21.32: limit 21.
        feed(40)
        // 4: long = 160/4 = 40, gradient 0.6, new 12.792 + 4 = 16.792,
        //    smoothed 17.056 + 3.3584 = 20.4144: limit 20.
        feed(100)
        // 5: long = 1160/5 = 232, gradient max(0.5, 0.348) = 0.5, new 10.2072 + 4 = 14.2072,
        //    smoothed 16.33152 + 2.84144 = 19.17296: limit 19.
        feed(1_000)
        // 6: application-limited (5 < 19.17/2): the limit stays, only the long RTT moves.
        feed(10, inflight: 5)
        // 7: warm-up mean again 1180/7 = 168.57 (the 5% drift cut of step 6 is
        //    overwritten during warm-up, as in Netflix's ExpAvgMeasurement),
        //    gradient 1, new 23.17296, smoothed 19.97296: limit 19.
        feed(10)
        let expected = [20.8, 21.6, 21.32, 20.4144, 19.17296, 19.17296, 19.97296]
        #expect(estimates.count == expected.count)
        for (got, want) in zip(estimates, expected) { #expect(abs(got - want) < 1e-9) }
        #expect(changes.map { $0?.to } == [nil, 21, nil, 20, 19, nil, nil])
        #expect(changes.compactMap { $0?.cause } == [.gradient, .gradient, .gradient])
    }

    @Test func gradient2LongRttIsAnExponentialAverageAfterWarmupWithDriftCut() {
        var limiter = Gradient2Limit(config: Gradient2LimitConfig())
        for _ in 0..<10 { _ = limiter.update(rtt: .ms(100), inflight: 20) }
        #expect(limiter.longRttNs == 100_000_000)
        // f = 2/601. long = 100 - 90 f = 99.7005 ms; 99.7/10 > 2, so it is cut
        // by 5% to 94.7155 ms, but this update's gradient used 99.7 (=> 1).
        let factor = 2.0 / 601.0
        let beforeCut = 100_000_000 * (1 - factor) + 10_000_000 * factor
        let estimateBefore = limiter.estimate
        _ = limiter.update(rtt: .ms(10), inflight: 20)
        #expect(abs(limiter.longRttNs - beforeCut * 0.95) < 1e-3)
        #expect(abs(limiter.estimate - (estimateBefore * 0.8 + (estimateBefore + 4) * 0.2)) < 1e-9)
    }

    @Test func gradient2StaysAtMinimumUnderSustainedLatency() {
        var limiter = ConcurrencyLimiter(config: .netflix(.gradient2))
        for _ in 0..<10 { _ = Self.sample(&limiter, rttMs: 10, inflight: 200) }
        for _ in 0..<200 { _ = Self.sample(&limiter, rttMs: 500, inflight: 200) }
        #expect(limiter.limit == 20)
    }

    @Test func vegasGrowsFastWithoutQueueAndShrinksWhenTheQueueExceedsBeta() {
        // Netflix defaults: initial 20, alpha 3 L, beta 6 L, L = 1 below 100.
        // No probe happens this early: the first probe needs >= 0.5 * 30 * 20 samples.
        var limiter = ConcurrencyLimiter(config: .netflix(.vegas))
        // 1: first RTT becomes rtt_noload (10 ms), no update.
        let step8 = Self.sample(&limiter, rttMs: 10, inflight: 10)
        #expect(step8 == nil)
        // 2: queue = ceil(20 * (1 - 10/10)) = 0 <= L: + beta (6) = 26.
        let step9 = Self.sample(&limiter, rttMs: 10, inflight: 10)
        #expect(step9 == LimitChange(at: .zero, from: 20, to: 26, cause: .noQueueing))
        // 3: queue = ceil(26 * (1 - 10/12.5)) = ceil(5.2) = 6, between alpha 3 and beta 6: no change.
        _ = limiter.tryAcquire(now: .zero)
        let step10 = limiter.release(now: .zero, rtt: .us(12_500), outcome: .success, inflightAtAcquire: 13)
        #expect(step10 == nil)
        // 4: queue = ceil(26 * 0.5) = 13 > 6: - L = 25.
        let step11 = Self.sample(&limiter, rttMs: 20, inflight: 13)
        #expect(step11?.cause == .queueing)
        #expect(limiter.limit == 25)
        // 5: queue = ceil(25 * (1 - 10/10.5)) = ceil(1.19) = 2: above L, below alpha: + L = 26.
        _ = limiter.tryAcquire(now: .zero)
        let small = limiter.release(now: .zero, rtt: .us(10_500), outcome: .success, inflightAtAcquire: 13)
        #expect(small == LimitChange(at: .zero, from: 25, to: 26, cause: .smallQueue))
        // 6: a timeout is a drop: - L = 25, whatever the in-flight count.
        let step12 = Self.sample(&limiter, rttMs: 50, outcome: .timeout, inflight: 1)
        #expect(step12?.cause == .drop)
        #expect(limiter.limit == 25)
        // 7: a faster RTT becomes the new rtt_noload without an update.
        let step13 = Self.sample(&limiter, rttMs: 5, inflight: 25)
        #expect(step13 == nil)
        // 8: in flight 5: 10 < 25, no upward drift.
        let step14 = Self.sample(&limiter, rttMs: 5, inflight: 5)
        #expect(step14 == nil)
        if case .vegas(let state) = limiter.algorithm { #expect(state.rttNoLoadNs == 5_000_000) }
    }

    @Test func vegasStepsScaleWithLog10OfTheLimit() {
        var config = ConcurrencyLimitConfig(kind: .vegas)
        config.vegas.initialLimit = 150
        var limiter = ConcurrencyLimiter(config: config)
        _ = Self.sample(&limiter, rttMs: 10, inflight: 100)
        // L = floor(log10(150)) = 2, beta = 12: no queue adds 12.
        let step15 = Self.sample(&limiter, rttMs: 10, inflight: 100)
        #expect(step15?.to == 162)
        // A drop subtracts L = 2.
        let step16 = Self.sample(&limiter, rttMs: 10, outcome: .throttled, inflight: 100)
        #expect(step16?.to == 160)
    }

    @Test func vegasProbesForANewNoLoadRttAfterJitteredSampleCount() {
        // probeMultiplier 1, limit 4: a probe after ceil(jitter * 4) samples, with
        // jitter = 0.5 + 0.5 * u in [0.5, 1) and u the first draw of the seed's stream.
        for seed in UInt64(0)..<20 {
            var config = ConcurrencyLimitConfig(kind: .vegas)
            config.vegas = VegasLimitConfig(initialLimit: 4, minLimit: 1, probeMultiplier: 1)
            var limiter = ConcurrencyLimiter(config: config, seed: seed)
            var replay = SplitMix64(seed: seed)
            let probeAt = Int(((0.5 + 0.5 * replay.nextUnit()) * 4).rounded(.up))
            #expect((2...4).contains(probeAt))
            func noLoadRttMs(afterSampleWith rttMs: Int64) -> Int64 {
                _ = Self.sample(&limiter, rttMs: rttMs, inflight: 0)
                guard case .vegas(let state) = limiter.algorithm else { return -1 }
                return state.rttNoLoadNs / 1_000_000
            }
            #expect(noLoadRttMs(afterSampleWith: 10) == 10)
            for sampleNumber in 2...probeAt {
                // Slower, application-limited samples: never a new minimum, never an update.
                #expect(noLoadRttMs(afterSampleWith: 20) == (sampleNumber == probeAt ? 20 : 10), "seed \(seed)")
            }
        }
    }

    @Test(arguments: [(0, 1), (1, 1), (9, 1), (10, 1), (99, 1), (100, 2), (999, 2), (1_000, 3), (12_345, 4)])
    func vegasLog10MatchesNetflixLog10RootFunction(n: Int, expected: Int) {
        #expect(VegasLimit.log10Floor(n) == expected)
    }
}
