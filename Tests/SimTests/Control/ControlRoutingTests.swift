import Testing
@testable import Sim

/// Adaptive routing under telemetry lag (issue 7: "with lag L and no damping
/// the routing oscillates with a period related to L; with damping the flip
/// rate drops at least 5x"). Numbers in comments are seed 1's.
@Suite struct ControlRoutingTests {
    /// The report's own detector on zone a's weight, as `RunAnalysis.keySeries` judges it.
    static func weightRhythm(_ run: ControlRun) -> Oscillation {
        run.recording.oscillation("version:api@a", .weightPercent)
    }

    @Test func undampedRoutingOscillatesWithAPeriodOfTwiceTheLoopDelay() throws {
        // The loop's delay is the lag plus about one telemetry window (10 s: a
        // change shows fully only once a window of data after it has arrived),
        // and a full swing takes two delays: a -> b, then b -> a.
        // Measured: lag 10 s -> 40 s, 20 s -> 60 s, 30 s -> 80 s.
        var periods: [SimTime] = []
        for lagSeconds: Int64 in [10, 20, 30] {
            let run = try ControlRun(ControlScenarios.routing(lag: .seconds(lagSeconds), duration: .minutes(8)))
            let rhythm = Self.weightRhythm(run)
            #expect(rhythm.isOscillating, "lag \(lagSeconds)s")
            let period = try #require(rhythm.period)
            let twiceDelay = SimTime.seconds(2 * (lagSeconds + 10))
            #expect(period >= twiceDelay - .seconds(5) && period <= twiceDelay + .seconds(5), "lag \(lagSeconds)s: period \(period)")
            // The analysis names a weight series as the run's dominant rhythm.
            #expect(run.analysis.dominantOscillation?.metric == .weightPercent)
            periods.append(period)
        }
        #expect(periods == periods.sorted() && Set(periods).count == 3)
    }

    @Test func dampingHysteresisAndCooldownCutTheFlipRateAtLeastFivefold() throws {
        let undamped = try ControlRun(ControlScenarios.routing())
        let damped = try ControlRun(ControlScenarios.routing(damped: true))
        let loose = undamped.flips(.weight, "service:api"), calm = damped.flips(.weight, "service:api")
        // 81 weight changes against 2 (one away from the slow zone, one back).
        #expect(loose >= 60)
        #expect(calm >= 1)
        #expect(loose >= 5 * calm)
        #expect(!Self.weightRhythm(damped).isOscillating)
        // Steadier is also better for users: 97% success against 78%.
        #expect(damped.analysis.run.successRatio > undamped.analysis.run.successRatio + 0.1)
    }

    @Test func everyDecisionNamesWhatItSawAndHowStaleItWas() throws {
        let run = try ControlRun(ControlScenarios.routing(lag: .seconds(20), duration: .minutes(3)))
        let decisions = run.events("controller:router").filter { $0.category == .controller }
        #expect(decisions.count == 37)  // one per 5 s tick, from 0 to the end (3m) included
        // Before the first scrapes arrive there is nothing to see (the first,
        // taken at 5 s, arrives at 25 s; the 10 s window is full from 30 s).
        // From then on every decision shows both zones' numbers and data exactly
        // the lag old (ticks and scrapes align).
        let informed = decisions.filter { $0.time >= .seconds(30) }
        #expect(informed.count == 31)
        for event in informed {
            #expect(event.cause.contains("seen a n="), "\(event.cause)")
            #expect(event.cause.contains(", b n="), "\(event.cause)")
            #expect(event.cause.contains("; 20s old, 2/2 scrapes"), "\(event.cause)")
        }
        // Each applied change is a weight event on the service one apply latency
        // (1 s) after its decision (a decision at the very end never applies).
        let reweights = decisions.filter { $0.cause.hasPrefix("reweight") && $0.time < .minutes(3) }
        let applied = run.changes(.weight, "service:api")
        #expect(!reweights.isEmpty)
        #expect(applied.map(\.time) == reweights.map { $0.time + .seconds(1) })
    }

    @Test func lostScrapesShowInTheFreshnessOfDecisions() throws {
        let run = try ControlRun(ControlScenarios.routing(duration: .minutes(3), lossPercent: 50))
        let lost = try #require(run.summary("router")).scrapesLost
        // 2 taps x 36 scrapes, each lost with probability 1/2.
        #expect(lost > 20 && lost < 52)
        let causes = run.events("controller:router").map(\.cause)
        #expect(causes.contains { $0.contains("1/2 scrapes") })
        #expect(causes.contains { $0.contains("2/2 scrapes") })
        // The same seed loses the same scrapes.
        let again = try ControlRun(ControlScenarios.routing(duration: .minutes(3), lossPercent: 50))
        #expect(again.recording.events == run.recording.events)
    }
}
