import Testing
@testable import Policy

/// Invariants over thousands of seeded random pools, configurations and
/// response sequences with sweeps at random (not always regular) times.
@Suite struct OutlierPropertyTests {
    static func randomConfig(using rng: inout SplitMix64) -> OutlierDetectionConfig {
        let base = Nanoseconds.ms(Int64(100 + rng.nextBelow(2_000)))
        return OutlierDetectionConfig(
            consecutive5xx: Int(rng.nextBelow(6)),
            enforcingConsecutive5xxPercent: [0, 50, 100][Int(rng.nextBelow(3))],
            consecutiveGatewayFailure: Int(rng.nextBelow(6)),
            enforcingConsecutiveGatewayFailurePercent: [0, 100][Int(rng.nextBelow(2))],
            interval: .ms(Int64(100 + rng.nextBelow(1_000))),
            baseEjectionTime: base,
            maxEjectionTime: base * Int64(1 + rng.nextBelow(6)),
            maxEjectionTimeJitter: rng.chance(0.5) ? .zero : .ms(Int64(rng.nextBelow(500))),
            maxEjectionPercent: Int(rng.nextBelow(101)),
            alwaysEjectOneHost: rng.chance(0.3),
            enforcingSuccessRatePercent: [0, 100][Int(rng.nextBelow(2))],
            successRateMinimumHosts: Int(rng.nextBelow(6)),
            successRateRequestVolume: Int(rng.nextBelow(30)),
            successRateStdevFactorThousandths: Int(rng.nextBelow(3_000)),
            failurePercentageThreshold: Int(rng.nextBelow(101)),
            enforcingFailurePercentagePercent: [0, 100][Int(rng.nextBelow(2))],
            failurePercentageMinimumHosts: Int(rng.nextBelow(6)),
            failurePercentageRequestVolume: Int(rng.nextBelow(30)))
    }

    /// Checks are plain comparisons collected into `violations` (one `#expect`
    /// per check per step would dominate the run time in a debug build).
    @Test func ejectionsStayWithinTheCapAndEventsMatchTheState() throws {
        let outcomes = OutcomeClass.allCases
        var ejectionsSeen = 0
        var unejectionsSeen = 0
        var violations: [String] = []
        var events: [OutlierEvent] = []
        for seed in UInt64(0)..<1_500 {
            var rng = SplitMix64(seed: seed)
            let config = Self.randomConfig(using: &rng)
            try config.validate()
            var hostCount = 1 + Int(rng.nextBelow(25))
            var detector = OutlierDetector(config: config, hostCount: hostCount)
            // Per host: ejected until, as announced by the events (nil = in service).
            var until = [Nanoseconds?](repeating: nil, count: hostCount)
            // Per host: the chance that one response fails.
            var badness = (0..<hostCount).map { _ in rng.chance(0.3) ? rng.nextUnit() : rng.nextUnit() * 0.05 }
            var now = Nanoseconds.zero
            var nextSweep = config.interval
            let maxMultiplier = Int(config.maxEjectionTime.ns / config.baseEjectionTime.ns) + 1
            func fail(_ what: String) { violations.append("seed \(seed) at \(now): \(what)") }
            func bound() -> Int {
                let byPercent = config.maxEjectionPercent * hostCount / 100
                return config.alwaysEjectOneHost ? Swift.max(byPercent, 1) : byPercent
            }

            for _ in 0..<400 {
                now += .ms(Int64(rng.nextBelow(20)))
                if now >= nextSweep {
                    if rng.chance(0.8) { now = nextSweep }  // some sweeps run late
                    events.removeAll(keepingCapacity: true)
                    detector.sweep(now: now, into: &events, using: &rng)
                    for event in events {
                        switch event {
                        case let .unejected(host):
                            // A host returns once, and not before its announced time.
                            guard let due = until[host], now >= due else { fail("early or double return of \(host)"); continue }
                            until[host] = nil
                            unejectionsSeen += 1
                        case let .ejected(host, cause, ejectedUntil):
                            if until[host] != nil { fail("host \(host) ejected twice") }
                            if cause != .successRate && cause != .failurePercentage { fail("sweep ejected for \(cause)") }
                            if ejectedUntil <= now || ejectedUntil - now > config.maxEjectionTime + config.maxEjectionTimeJitter { fail("ejection time") }
                            until[host] = ejectedUntil
                            ejectionsSeen += 1
                        }
                    }
                    for host in 0..<hostCount {
                        if detector.isEjected(host: host) != (until[host] != nil) { fail("host \(host) state differs from events") }
                        // Whoever is still out was either due later or ejected at this very sweep.
                        if let due = until[host], due <= now { fail("host \(host) not returned at its sweep") }
                    }
                    nextSweep = now + config.interval
                }
                let host = Int(rng.nextBelow(UInt64(hostCount)))
                let outcome = rng.chance(badness[host]) ? outcomes[1 + Int(rng.nextBelow(UInt64(outcomes.count - 1)))] : .success
                let wasEjected = detector.isEjected(host: host)
                if let event = detector.record(host: host, outcome: outcome, now: now, using: &rng) {
                    if case let .ejected(ejectedHost, cause, ejectedUntil) = event, ejectedHost == host, !wasEjected, outcome.isOutlier5xx,
                       cause == .consecutive5xx || cause == .consecutiveGatewayFailure, ejectedUntil >= now + config.baseEjectionTime {
                        until[host] = ejectedUntil
                        ejectionsSeen += 1
                    } else {
                        fail("record returned \(event) for \(outcome) on \(host)")
                    }
                }
                if detector.isEjected(host: host) != (until[host] != nil) { fail("host \(host) state differs from events") }
                if detector.ejectionMultiplier(host: host) > maxMultiplier { fail("multiplier above max / base + 1") }
                // The verified bound: floor(percent * hosts / 100), at least 1 with alwaysEjectOneHost.
                if detector.ejectedCount > bound() || detector.maxEjectedHosts != bound() { fail("\(detector.ejectedCount) ejected, bound \(bound())") }
                if rng.chance(0.002) {
                    hostCount += 1 + Int(rng.nextBelow(5))
                    detector.setHostCount(hostCount)
                    until.append(contentsOf: repeatElement(nil, count: hostCount - until.count))
                    while badness.count < hostCount { badness.append(rng.nextUnit() * 0.5) }
                }
            }
        }
        #expect(violations.prefix(5) == [])
        #expect(violations.count == 0)
        // The sequences must actually exercise ejection and return.
        #expect(ejectionsSeen > 4_000)
        #expect(unejectionsSeen > 2_000)
    }
}
