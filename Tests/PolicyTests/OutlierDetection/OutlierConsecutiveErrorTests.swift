import Testing
@testable import Policy

/// Consecutive-error ejection, the ejection cap and the ejection-time multiplier,
/// scripted after Envoy's outlier_detection_impl.cc (checked with the code search):
/// streak counters fire when they *equal* the threshold and restart after the
/// detection; `ejectHost` allows an ejection only if
/// `100 * (active + 1) / hosts <= max_ejection_percent` (or, with
/// always_eject_one_host, none is active); the backoff grows while
/// `backoff * base < max + base`; `checkHostForUneject` returns a host at a sweep
/// once `min(base * backoff, max) + jitter <= now - lastEjection`; each sweep
/// lowers the backoff of hosts back in service for at least one interval.
@Suite struct OutlierConsecutiveErrorTests {
    static func detector(hosts: Int = 10, _ change: (inout OutlierDetectionConfig) -> Void = { _ in }) -> OutlierDetector {
        var config = OutlierDetectionConfig()
        change(&config)
        return OutlierDetector(config: config, hostCount: hosts)
    }

    /// Records `count` outcomes on `host` at `now`; returns the events.
    static func send(_ detector: inout OutlierDetector, host: Int, _ outcome: OutcomeClass, count: Int = 1,
                     at now: Nanoseconds = .zero, rng: inout SplitMix64) -> [OutlierEvent] {
        var events: [OutlierEvent] = []
        for _ in 0..<count {
            if let event = detector.record(host: host, outcome: outcome, now: now, using: &rng) { events.append(event) }
        }
        return events
    }

    static func sweep(_ detector: inout OutlierDetector, at now: Nanoseconds, rng: inout SplitMix64) -> [OutlierEvent] {
        var events: [OutlierEvent] = []
        detector.sweep(now: now, into: &events, using: &rng)
        return events
    }

    @Test func fifthConsecutive5xxEjectsAtOnceForBaseEjectionTime() {
        var rng = SplitMix64(seed: 1)
        var detector = Self.detector()
        #expect(Self.send(&detector, host: 3, .serverError, count: 4, at: .seconds(1), rng: &rng) == [])
        #expect(!detector.isEjected(host: 3))
        let events = Self.send(&detector, host: 3, .serverError, at: .seconds(2), rng: &rng)
        #expect(events == [.ejected(host: 3, cause: .consecutive5xx, until: .seconds(32))])
        #expect(detector.isEjected(host: 3) && detector.ejectedCount == 1)
        #expect(detector.ejections(host: 3) == 1 && detector.ejectionMultiplier(host: 3) == 1)
    }

    @Test func whatCountsAs5xxFollowsEnvoysDefaultMapping() {
        // Local failures map to 503 (connect) and 504 (timeout); 429 and 4xx are answers.
        #expect(OutcomeClass.allCases.filter(\.isOutlier5xx) == [.timeout, .serverError, .overloaded, .connectionError])
        #expect(OutcomeClass.allCases.filter(\.isOutlierGatewayFailure) == [.timeout, .overloaded, .connectionError])
        var rng = SplitMix64(seed: 1)
        var detector = Self.detector()
        var events: [OutlierEvent] = []
        for outcome: OutcomeClass in [.timeout, .serverError, .overloaded, .connectionError] {
            events += Self.send(&detector, host: 0, outcome, count: 4, rng: &rng)
            events += Self.send(&detector, host: 0, .success, rng: &rng)  // breaks the streak at 4
        }
        events += Self.send(&detector, host: 0, .serverError, count: 4, rng: &rng)
        events += Self.send(&detector, host: 0, .throttled, rng: &rng)
        events += Self.send(&detector, host: 0, .serverError, count: 4, rng: &rng)
        events += Self.send(&detector, host: 0, .clientError, rng: &rng)
        events += Self.send(&detector, host: 0, .throttled, count: 20, rng: &rng)
        #expect(events == [])
        events += Self.send(&detector, host: 0, .success, rng: &rng)
        // A rejected call never reached the host: it neither counts nor breaks a streak.
        events += Self.send(&detector, host: 0, .serverError, count: 4, rng: &rng)
        events += Self.send(&detector, host: 0, .rejected, count: 3, rng: &rng)
        events += Self.send(&detector, host: 0, .timeout, rng: &rng)
        #expect(events == [.ejected(host: 0, cause: .consecutive5xx, until: .seconds(30))])
    }

    @Test func ejectionCapUsesEjectedPlusOneAgainstThePercentage() {
        var rng = SplitMix64(seed: 1)
        // 20 hosts at 10%: two may be ejected; the third detection overflows.
        var detector = Self.detector(hosts: 20)
        #expect(detector.maxEjectedHosts == 2)
        for host in 0..<3 { _ = Self.send(&detector, host: host, .serverError, count: 5, rng: &rng) }
        #expect((0..<3).map { detector.isEjected(host: $0) } == [true, true, false])
        #expect(detector.ejectedCount == 2 && detector.overflowCount == 1)
        // 15 hosts at 10%: 100 * 2 / 15 = 13.3% > 10%, so only one.
        var fifteen = Self.detector(hosts: 15)
        for host in 0..<2 { _ = Self.send(&fifteen, host: host, .serverError, count: 5, rng: &rng) }
        #expect(fifteen.ejectedCount == 1 && fifteen.maxEjectedHosts == 1)
    }

    @Test func smallPoolsEjectNothingUnlessAlwaysEjectOneHost() {
        var rng = SplitMix64(seed: 1)
        // 5 hosts at 10%: 100 * 1 / 5 = 20% > 10%. Current Envoy does not eject.
        var strict = Self.detector(hosts: 5)
        #expect(Self.send(&strict, host: 0, .serverError, count: 5, rng: &rng) == [])
        #expect(strict.ejectedCount == 0 && strict.overflowCount == 1 && strict.maxEjectedHosts == 0)
        // always_eject_one_host: the first is ejected, the second is not.
        var lenient = Self.detector(hosts: 5) { $0.alwaysEjectOneHost = true }
        #expect(lenient.maxEjectedHosts == 1)
        #expect(Self.send(&lenient, host: 0, .serverError, count: 5, rng: &rng).count == 1)
        #expect(Self.send(&lenient, host: 1, .serverError, count: 5, rng: &rng) == [])
        #expect(lenient.ejectedCount == 1)
    }

    @Test func streakRestartsAfterAnOverflowedDetection() {
        var rng = SplitMix64(seed: 1)
        var detector = Self.detector(hosts: 10)
        _ = Self.send(&detector, host: 0, .serverError, count: 5, rng: &rng)  // the one allowed ejection
        #expect(Self.send(&detector, host: 1, .serverError, count: 5, rng: &rng) == [])
        #expect(detector.overflowCount == 1)
        // Host 1's streak restarted at the detection: four more are not a detection.
        #expect(Self.send(&detector, host: 1, .serverError, count: 4, rng: &rng) == [])
        #expect(detector.overflowCount == 1)
        _ = Self.send(&detector, host: 1, .serverError, rng: &rng)
        #expect(detector.overflowCount == 2)
    }

    @Test func ejectedHostIsNotDetectedAgainAndReturnsWithAFreshStreak() {
        var rng = SplitMix64(seed: 1)
        var detector = Self.detector()
        _ = Self.send(&detector, host: 0, .serverError, count: 5, rng: &rng)
        #expect(Self.send(&detector, host: 0, .serverError, count: 20, at: .seconds(5), rng: &rng) == [])
        #expect(Self.sweep(&detector, at: .seconds(10), rng: &rng) == [])
        #expect(Self.sweep(&detector, at: .seconds(20), rng: &rng) == [])
        #expect(Self.sweep(&detector, at: .seconds(30), rng: &rng) == [.unejected(host: 0)])
        #expect(Self.send(&detector, host: 0, .serverError, count: 4, at: .seconds(31), rng: &rng) == [])
        let again = Self.send(&detector, host: 0, .serverError, at: .seconds(31), rng: &rng)
        #expect(again == [.ejected(host: 0, cause: .consecutive5xx, until: .seconds(91))])  // 2 x 30 s
    }

    @Test func multiplierGrowsPerEjectionAndDecaysPerHealthyInterval() {
        var rng = SplitMix64(seed: 1)
        var detector = Self.detector()
        // (time s, event, ejected after, multiplier after)
        _ = Self.send(&detector, host: 0, .serverError, count: 5, at: .seconds(0), rng: &rng)
        #expect(detector.ejectionMultiplier(host: 0) == 1)
        #expect(Self.sweep(&detector, at: .seconds(30), rng: &rng) == [.unejected(host: 0)])
        #expect(Self.send(&detector, host: 0, .serverError, count: 5, at: .seconds(35), rng: &rng)
            == [.ejected(host: 0, cause: .consecutive5xx, until: .seconds(95))])
        #expect(detector.ejectionMultiplier(host: 0) == 2)
        for second in stride(from: 40, through: 90, by: 10) {
            #expect(Self.sweep(&detector, at: .seconds(Int64(second)), rng: &rng) == [])
        }
        #expect(Self.sweep(&detector, at: .seconds(100), rng: &rng) == [.unejected(host: 0)])
        #expect(detector.ejectionMultiplier(host: 0) == 2)  // returned this sweep: no decay yet
        _ = Self.sweep(&detector, at: .seconds(110), rng: &rng)
        #expect(detector.ejectionMultiplier(host: 0) == 1)
        _ = Self.sweep(&detector, at: .seconds(120), rng: &rng)
        #expect(detector.ejectionMultiplier(host: 0) == 0)
        _ = Self.sweep(&detector, at: .seconds(130), rng: &rng)
        #expect(detector.ejectionMultiplier(host: 0) == 0)
        // Fully decayed: the next ejection is base time again.
        #expect(Self.send(&detector, host: 0, .serverError, count: 5, at: .seconds(131), rng: &rng)
            == [.ejected(host: 0, cause: .consecutive5xx, until: .seconds(161))])
        #expect(detector.ejections(host: 0) == 3)
    }

    @Test func ejectionTimeIsCappedAtMaxEjectionTimeAndTheMultiplierAtMaxOverBasePlusOne() {
        var rng = SplitMix64(seed: 1)
        var detector = Self.detector()
        var now = Nanoseconds.zero
        var durations: [Int64] = []
        var multipliers: [Int] = []
        for _ in 0..<13 {
            // Re-eject at once on return, so no sweep finds the host healthy for an interval.
            guard case let .ejected(_, _, until)? = Self.send(&detector, host: 0, .serverError, count: 5, at: now, rng: &rng).first else {
                Issue.record("no ejection at \(now)")
                return
            }
            durations.append((until - now).ns / 1_000_000_000)
            multipliers.append(detector.ejectionMultiplier(host: 0))
            now = until
            #expect(Self.sweep(&detector, at: now, rng: &rng) == [.unejected(host: 0)])
        }
        #expect(durations == [30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 300, 300, 300])
        // Envoy increments while backoff * 30 s < 300 s + 30 s: it stops at 11.
        #expect(multipliers == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11, 11])
    }

    @Test func gatewayFailuresAreDetectedButNotEnforcedByDefault() {
        var rng = SplitMix64(seed: 1)
        var detector = Self.detector { $0.consecutiveGatewayFailure = 3; $0.consecutive5xx = 0 }
        #expect(Self.send(&detector, host: 0, .overloaded, count: 10, rng: &rng) == [])
        var enforced = Self.detector { $0.consecutiveGatewayFailure = 3; $0.enforcingConsecutiveGatewayFailurePercent = 100 }
        #expect(Self.send(&enforced, host: 0, .overloaded, count: 2, rng: &rng) == [])
        // A plain 500 breaks the gateway streak but not the 5xx streak.
        #expect(Self.send(&enforced, host: 0, .serverError, rng: &rng) == [])
        #expect(Self.send(&enforced, host: 0, .timeout, count: 2, rng: &rng)
            == [.ejected(host: 0, cause: .consecutive5xx, until: .seconds(30))])
        var gateway = Self.detector { $0.consecutiveGatewayFailure = 3; $0.enforcingConsecutiveGatewayFailurePercent = 100 }
        #expect(Self.send(&gateway, host: 1, .connectionError, count: 3, rng: &rng)
            == [.ejected(host: 1, cause: .consecutiveGatewayFailure, until: .seconds(30))])
    }

    @Test func enforcingPercentagesDrawOnlyBetweenZeroAndHundred() {
        var rng = SplitMix64(seed: 7)
        var always = Self.detector(hosts: 100)
        _ = Self.send(&always, host: 0, .serverError, count: 5, rng: &rng)
        #expect(rng.state == SplitMix64(seed: 7).state)  // 100%: no draw
        #expect(always.ejectedCount == 1)
        var never = Self.detector(hosts: 100) { $0.enforcingConsecutive5xxPercent = 0 }
        _ = Self.send(&never, host: 0, .serverError, count: 50, rng: &rng)
        #expect(never.ejectedCount == 0 && rng.state == SplitMix64(seed: 7).state)
        // 50%: about half of 1,000 single-host detections eject (100% cap).
        var ejected = 0
        for _ in 0..<1_000 {
            var half = Self.detector(hosts: 1) { $0.enforcingConsecutive5xxPercent = 50; $0.maxEjectionPercent = 100 }
            ejected += Self.send(&half, host: 0, .serverError, count: 5, rng: &rng).count
        }
        #expect((450...550).contains(ejected))
    }

    @Test func jitterExtendsEachEjectionWithinItsBound() {
        var rng = SplitMix64(seed: 3)
        var detector = Self.detector(hosts: 100) { $0.maxEjectionTimeJitter = .seconds(1); $0.maxEjectionPercent = 100 }
        var untils: [Nanoseconds] = []
        for host in 0..<50 {
            if case let .ejected(_, _, until)? = Self.send(&detector, host: host, .serverError, count: 5, rng: &rng).first { untils.append(until) }
        }
        #expect(untils.count == 50)
        #expect(untils.allSatisfy { $0 >= .seconds(30) && $0 <= .seconds(31) })
        #expect(Set(untils.map(\.ns)).count > 40)
        // No host returns before its own time.
        #expect(Self.sweep(&detector, at: .seconds(30), rng: &rng).count == untils.filter { $0 == .seconds(30) }.count)
        #expect(Self.sweep(&detector, at: .seconds(31), rng: &rng).count == untils.filter { $0 > .seconds(30) }.count)
    }

    @Test func poolGrowsAndShrinksKeepingTheEjectedCount() {
        var rng = SplitMix64(seed: 1)
        var detector = Self.detector(hosts: 10)
        _ = Self.send(&detector, host: 9, .serverError, count: 5, rng: &rng)
        #expect(detector.ejectedCount == 1)
        detector.setHostCount(20)
        #expect(detector.hostCount == 20 && detector.maxEjectedHosts == 2 && !detector.isEjected(host: 19))
        _ = Self.send(&detector, host: 15, .serverError, count: 5, rng: &rng)
        #expect(detector.ejectedCount == 2)
        detector.setHostCount(9)  // hosts 9 and 15 leave
        #expect(detector.ejectedCount == 0 && detector.hostCount == 9)
    }
}
