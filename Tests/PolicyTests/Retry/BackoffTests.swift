import Testing
@testable import Policy

/// Backoff formulas from the AWS Architecture Blog "Exponential Backoff and
/// Jitter" (2015) and gRPC proposal A6 (checked with the search tool:
/// A6's "random(0, min(initialBackoff*backoffMultiplier**(n-1), maxBackoff))").
@Suite struct BackoffCurveTests {
    static let awsExponential = BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: .none)

    @Test(arguments: [
        (1, Int64(100)), (2, 200), (3, 400), (4, 800), (5, 1_600), (6, 3_200), (7, 6_400), (8, 12_800), (9, 20_000), (10, 20_000),
    ])
    func exponentialDoublesFromBaseAndStopsAtCap(retry: Int, expectedMs: Int64) {
        #expect(Self.awsExponential.curve(forRetry: retry) == .ms(expectedMs))
    }

    @Test(arguments: [(1, Int64(1_000)), (2, 1_600), (3, 2_560), (4, 4_096), (5, 6_554), (11, 109_951), (12, 120_000)])
    func exponentialWithGrpcMultiplierOnePointSix(retry: Int, expectedMs: Int64) {
        // gRPC connection-backoff numbers: 1 s initial, x1.6, 120 s max (rounded to ms here).
        let config = BackoffConfig(kind: .exponential, base: .seconds(1), multiplier: 1.6, cap: .seconds(120), jitter: .none)
        let delay = config.curve(forRetry: retry)
        #expect((delay.ns + 500_000) / 1_000_000 == expectedMs)
    }

    @Test func exponentialIsExactToTheNanosecondForIntegerMultipliers() {
        let config = BackoffConfig(kind: .exponential, base: .ns(3), multiplier: 3, cap: .max, jitter: .none)
        #expect(config.curve(forRetry: 20) == .ns(3 * 1_162_261_467))  // 3 * 3^19
    }

    @Test func constantNeverGrows() {
        let config = BackoffConfig(kind: .constant, base: .ms(500), multiplier: 2, cap: .max, jitter: .none)
        #expect([1, 2, 3, 50].map { config.curve(forRetry: $0) } == [.ms(500), .ms(500), .ms(500), .ms(500)])
    }

    @Test func linearGrowsByBasePerRetry() {
        let config = BackoffConfig(kind: .linear, base: .ms(100), multiplier: 2, cap: .ms(450), jitter: .none)
        #expect([1, 2, 3, 4, 5].map { config.curve(forRetry: $0) } == [.ms(100), .ms(200), .ms(300), .ms(400), .ms(450)])
    }

    @Test func cumulativeIsEnvoysTwoToTheNMinusOneTimesBase() {
        let config = BackoffConfig(kind: .cumulative, base: .ms(25), multiplier: 2, cap: .ms(250), jitter: .none)
        #expect([1, 2, 3, 4, 5].map { config.curve(forRetry: $0) } == [.ms(25), .ms(75), .ms(175), .ms(250), .ms(250)])
    }

    @Test func cumulativeWithMultiplierOneIsLinear() {
        let config = BackoffConfig(kind: .cumulative, base: .ms(10), multiplier: 1, cap: .max, jitter: .none)
        #expect(config.curve(forRetry: 7) == .ms(70))
        #expect(config.curve(forRetry: 100) == .ms(1_000))
    }

    @Test func retryNumbersBelowOneAreTreatedAsTheFirstRetry() {
        #expect(Self.awsExponential.curve(forRetry: 0) == .ms(100))
        #expect(Self.awsExponential.curve(forRetry: -5) == .ms(100))
    }

    @Test func hugeRetryNumbersSaturateAtTheCapInsteadOfOverflowing() {
        for kind in BackoffConfig.Kind.allCases {
            let capped = BackoffConfig(kind: kind, base: .seconds(1), multiplier: 10, cap: .hours(1), jitter: .none)
            #expect(capped.curve(forRetry: Int.max) == (kind == .constant ? .seconds(1) : .hours(1)))
            let uncapped = BackoffConfig(kind: kind, base: .seconds(1), multiplier: 10, cap: .max, jitter: .none)
            #expect(uncapped.curve(forRetry: Int.max) == (kind == .constant ? .seconds(1) : .max))
            #expect(uncapped.curve(forRetry: 10_000) == (kind == .constant ? .seconds(1) : kind == .linear ? .seconds(10_000) : .max))
        }
    }

    @Test func noJitterDrawsNothingFromTheGenerator() {
        var rng = SplitMix64(seed: 7)
        let delay = Self.awsExponential.delay(forRetry: 3, previousDelay: .zero, using: &rng)
        #expect(delay == .ms(400))
        #expect(rng.state == SplitMix64(seed: 7).state)
    }

    @Test func throttledOutcomeUsesTheThrottledBase() {
        let config = BackoffConfig(kind: .exponential, base: .ms(50), multiplier: 2, cap: .seconds(20), jitter: .none, throttledBase: .seconds(1))
        var rng = SplitMix64(seed: 1)
        #expect(config.delay(forRetry: 2, previousDelay: .zero, after: .throttled, using: &rng) == .seconds(2))
        #expect(config.delay(forRetry: 2, previousDelay: .zero, after: .serverError, using: &rng) == .ms(100))
        let unset = BackoffConfig(kind: .exponential, base: .ms(50), multiplier: 2, cap: .seconds(20), jitter: .none)
        #expect(unset.delay(forRetry: 2, previousDelay: .zero, after: .throttled, using: &rng) == .ms(100))
    }
}

@Suite struct BackoffJitterTests {
    static func config(_ jitter: BackoffConfig.Jitter) -> BackoffConfig {
        BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: jitter)
    }

    @Test func fullJitterStaysWithinZeroAndTheCurveAndAveragesHalfOfIt() {
        var rng = SplitMix64(seed: 42)
        let config = Self.config(.full)
        var sumNs: Int64 = 0
        var lowest = Nanoseconds.max
        for _ in 0..<10_000 {
            let delay = config.delay(forRetry: 4, previousDelay: .zero, using: &rng)
            #expect(delay >= .zero && delay <= .ms(800))
            sumNs += delay.ns
            lowest = min(lowest, delay)
        }
        let meanMs = Double(sumNs) / 10_000 / 1e6
        #expect(abs(meanMs - 400) < 10)
        #expect(lowest < .ms(5))
    }

    @Test func equalJitterStaysInTheUpperHalf() {
        var rng = SplitMix64(seed: 43)
        let config = Self.config(.equal)
        var sumNs: Int64 = 0
        for _ in 0..<10_000 {
            let delay = config.delay(forRetry: 4, previousDelay: .zero, using: &rng)
            #expect(delay >= .ms(400) && delay <= .ms(800))
            sumNs += delay.ns
        }
        #expect(abs(Double(sumNs) / 10_000 / 1e6 - 600) < 10)
    }

    @Test func equalJitterOfAnOddNanosecondCurveNeverExceedsIt() {
        let config = BackoffConfig(kind: .constant, base: .ns(3), multiplier: 1, cap: .max, jitter: .equal)
        var rng = SplitMix64(seed: 5)
        for _ in 0..<1_000 {
            let delay = config.delay(forRetry: 1, previousDelay: .zero, using: &rng)
            #expect(delay == .ns(2) || delay == .ns(3))
        }
    }

    @Test func decorrelatedDrawsBetweenBaseAndThreeTimesThePrevious() {
        var rng = SplitMix64(seed: 44)
        let config = Self.config(.decorrelated)
        // The first retry (previous 0) draws from [base, 3 * base], as AWS starts sleep at base.
        for _ in 0..<2_000 {
            let first = config.delay(forRetry: 1, previousDelay: .zero, using: &rng)
            #expect(first >= .ms(100) && first <= .ms(300))
            let later = config.delay(forRetry: 5, previousDelay: .ms(1_000), using: &rng)
            #expect(later >= .ms(100) && later <= .ms(3_000))
            let capped = config.delay(forRetry: 9, previousDelay: .seconds(15), using: &rng)
            #expect(capped >= .ms(100) && capped <= .seconds(20))
        }
    }

    @Test func decorrelatedSaturatesWhenThePreviousDelayIsHuge() {
        let config = BackoffConfig(kind: .exponential, base: .ms(1), multiplier: 2, cap: .max, jitter: .decorrelated)
        var rng = SplitMix64(seed: 45)
        let delay = config.delay(forRetry: 2, previousDelay: Nanoseconds(ns: Int64.max / 2), using: &rng)
        #expect(delay >= .ms(1))
    }

    @Test func sameSeedGivesTheSameDelays() {
        for jitter in BackoffConfig.Jitter.allCases {
            var a = SplitMix64(seed: 99)
            var b = SplitMix64(seed: 99)
            let config = Self.config(jitter)
            var previousA = Nanoseconds.zero
            var previousB = Nanoseconds.zero
            for retry in 1...20 {
                previousA = config.delay(forRetry: retry, previousDelay: previousA, using: &a)
                previousB = config.delay(forRetry: retry, previousDelay: previousB, using: &b)
                #expect(previousA == previousB)
            }
        }
    }

    @Test func maxDelayBoundsEveryJitterMode() {
        for jitter in BackoffConfig.Jitter.allCases {
            let config = Self.config(jitter)
            var rng = SplitMix64(seed: 11)
            var previous = Nanoseconds.zero
            var previousMax = Nanoseconds.zero
            for retry in 1...12 {
                let bound = config.maxDelay(forRetry: retry, previousMax: previousMax)
                previous = config.delay(forRetry: retry, previousDelay: previous, using: &rng)
                #expect(previous <= bound)
                previousMax = bound
            }
        }
        #expect(Self.config(.decorrelated).maxDelay(forRetry: 1, previousMax: .zero) == .ms(300))
        #expect(Self.config(.decorrelated).maxDelay(forRetry: 2, previousMax: .ms(300)) == .ms(900))
    }
}

/// Exact delays for one fixed seed: the reproducibility contract. A scenario
/// run with seed 42 must draw these same delays on every machine and toolchain.
/// Expected values were computed independently (a separate script implementing
/// SplitMix64, Lemire's bounded draw and the AWS formulas), not copied from
/// this code's output. Each also lies inside its formula's interval.
@Suite struct BackoffSeededTableTests {
    static func delays(_ jitter: BackoffConfig.Jitter) -> [Int64] {
        let config = BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: jitter)
        var rng = SplitMix64(seed: 42)
        var previous = Nanoseconds.zero
        return (1...5).map { retry in
            previous = config.delay(forRetry: retry, previousDelay: previous, using: &rng)
            return previous.ns
        }
    }

    @Test func fullJitterSeed42() {
        // uniform(0, 100 * 2^(n-1) ms): bounds 100, 200, 400, 800, 1600 ms.
        #expect(Self.delays(.full) == [74_156_488, 31_982_078, 111_440_452, 275_352_573, 60_848_269])
    }

    @Test func equalJitterSeed42() {
        // d/2 + uniform(0, d/2): each in [50, 100], [100, 200], ... ms.
        #expect(Self.delays(.equal) == [87_078_244, 115_991_039, 255_720_226, 537_676_286, 830_424_134])
    }

    @Test func decorrelatedJitterSeed42() {
        // min(20 s, uniform(100 ms, 3 * previous)), previous starting at base.
        #expect(Self.delays(.decorrelated) == [248_312_976, 203_132_437, 241_918_666, 315_379_405, 132_178_778])
    }
}

/// Invariants over thousands of seeded random configurations and retries.
@Suite struct BackoffPropertyTests {
    @Test func delaysStayWithinZeroAndCapAndDecorrelatedNeverBelowBase() {
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<3_000 {
            let base = Nanoseconds(ns: Int64(rng.nextBelow(2_000_000_000)))
            let cap = rng.chance(0.1) ? Nanoseconds.max : base + Nanoseconds(ns: Int64(rng.nextBelow(60_000_000_000)))
            let config = BackoffConfig(
                kind: BackoffConfig.Kind.allCases[Int(rng.nextBelow(4))],
                base: base, multiplier: 1 + rng.nextUnit() * 3, cap: cap,
                jitter: BackoffConfig.Jitter.allCases[Int(rng.nextBelow(4))],
                throttledBase: rng.chance(0.5) ? .zero : Nanoseconds(ns: Int64(rng.nextBelow(UInt64(cap.ns) / 2 + 1))))
            #expect(throws: Never.self) { try config.validate() }
            var previous = Nanoseconds.zero
            for _ in 0..<5 {
                let retry = rng.chance(0.05) ? Int(rng.nextBelow(UInt64(Int.max))) : 1 + Int(rng.nextBelow(80))
                let outcome = rng.chance(0.3) ? OutcomeClass.throttled : .serverError
                let delay = config.delay(forRetry: retry, previousDelay: previous, after: outcome, using: &rng)
                #expect(delay >= .zero && delay <= cap)
                if config.jitter == .decorrelated {
                    #expect(delay >= min(cap, config.base(after: outcome)))
                }
                previous = rng.chance(0.1) ? Nanoseconds(ns: Int64(rng.nextBelow(UInt64(Int64.max)))) : delay
            }
        }
    }
}
