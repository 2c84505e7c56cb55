import Testing
@testable import Policy

@Suite struct LoadShedderTests {
    @Test func queueLengthShedsAtTheBound() {
        var shedder = LoadShedder(config: LoadShedderConfig(kind: .queueLength, maxQueueLength: 3))
        let value1 = shedder.admit(now: .zero, queueLength: 2, capacity: 10, priority: 0).admitted
        #expect(value1)
        let value2 = shedder.admit(now: .zero, queueLength: 3, capacity: 10, priority: 0)
        #expect(value2 == ShedDecision(admitted: false, cause: "queue length 3 >= 3"))
    }

    @Test func priorityShedsLowClassesFirst() {
        var shedder = LoadShedder(config: LoadShedderConfig(kind: .priority, priorityThresholdsPercent: [100, 75, 50]))
        // Queue 60% full: class 2 (50%) shed, classes 0 and 1 admitted; class 5 uses the last threshold.
        let value3 = shedder.admit(now: .zero, queueLength: 6, capacity: 10, priority: 0).admitted
        #expect(value3)
        let value4 = shedder.admit(now: .zero, queueLength: 6, capacity: 10, priority: 1).admitted
        #expect(value4)
        let value5 = shedder.admit(now: .zero, queueLength: 6, capacity: 10, priority: 2).admitted
        #expect(!value5)
        let value6 = shedder.admit(now: .zero, queueLength: 6, capacity: 10, priority: 5).admitted
        #expect(!value6)
        let value7 = shedder.admit(now: .zero, queueLength: 8, capacity: 10, priority: 1).admitted
        #expect(!value7)
        let value8 = shedder.admit(now: .zero, queueLength: 0, capacity: 10, priority: 2).admitted
        #expect(value8)
    }

    @Test func codelDropsAfterAnIntervalAboveTargetAtTheControlLawPace() {
        var shedder = LoadShedder(config: LoadShedderConfig(kind: .queueTime, codelTarget: .ms(5), codelInterval: .ms(100)))
        let script: [(Int64, Int64, Bool)] = [
            (0, 10, false),      // above target: the interval starts (first above at 100 ms)
            (50, 10, false),
            (100, 10, true),     // a whole interval above: drop, next at 100 + 100/sqrt(1) = 200
            (150, 10, false),
            (200, 10, true),     // next at 200 + 100/sqrt(2) = 270.71
            (250, 10, false),
            (271, 10, true),     // next at 270.71 + 100/sqrt(3) = 328.45
            (300, 1, false),     // below target: stop dropping
            (350, 10, false),
        ]
        for (time, sojourn, drop) in script {
            let value9 = shedder.onDequeue(now: .ms(time), sojourn: .ms(sojourn))
            #expect(value9 == drop, "t=\(time)ms")
        }
        #expect(!shedder.dropping)
    }

    @Test func validation() {
        #expect(throws: PolicyConfigError(field: "priorityThresholdsPercent[1]", expected: "a percentage in 0...100", got: "120.0")) {
            try LoadShedderConfig(priorityThresholdsPercent: [100, 120]).validate()
        }
        #expect(throws: PolicyConfigError(field: "codelTarget", expected: "a duration > 0", got: "0s")) {
            try LoadShedderConfig(codelTarget: .zero).validate()
        }
    }
}

@Suite struct AdaptiveThrottleTests {
    @Test func probabilityFollowsTheSREFormulaAndForgetsAfterTheWindow() {
        var throttle = AdaptiveThrottle(config: AdaptiveThrottleConfig(k: 2, window: .minutes(2)))
        var rng = SplitMix64(seed: 1)
        for _ in 0..<9 { _ = throttle.shouldReject(now: .seconds(1), using: &rng) }
        throttle.recordAccepted(now: .seconds(1))
        throttle.recordAccepted(now: .seconds(1))
        // (9 - 2 * 2) / (9 + 1) = 0.5
        let value10 = throttle.rejectProbability(at: .seconds(2))
        #expect(value10 == 0.5)
        // Accepts keep up with requests / 2: no rejection at all.
        for _ in 0..<3 { throttle.recordAccepted(now: .seconds(3)) }
        let value11 = throttle.rejectProbability(at: .seconds(3))
        #expect(value11 == 0)
        // Two minutes later the window is empty.
        let value12 = throttle.rejectProbability(at: .seconds(125))
        #expect(value12 == 0)
    }

    @Test func aDeadBackendIsRejectedAtAboutTheFormulasRate() {
        var throttle = AdaptiveThrottle(config: AdaptiveThrottleConfig())
        var rng = SplitMix64(seed: 7)
        var rejected = 0
        for i in 0..<10_000 {
            if throttle.shouldReject(now: .ms(Int64(i)), using: &rng) { rejected += 1 }
            let p = throttle.rejectProbability(at: .ms(Int64(i)))
            #expect(p >= 0 && p < 1)
        }
        // With no accepts p = n/(n+1): nearly every request is refused locally.
        #expect(rejected > 9_900)
    }

    @Test func presetAndValidation() {
        #expect(AdaptiveThrottleConfig.preset(.googleSRE) == AdaptiveThrottleConfig(k: 2, window: .minutes(2)))
        #expect(throws: PolicyConfigError(field: "window", expected: "a multiple of bucketWidth (1s), at most 10000 buckets", got: "1500ms")) {
            try AdaptiveThrottleConfig(window: .ms(1500)).validate()
        }
    }
}
