import Testing
@testable import Sim

/// Regional failover and burn-rate alerting on lagging telemetry: MTTD and
/// MTTR follow the lag, and a control-plane outage delays mitigation.
@Suite struct ControlFailoverTests {
    static func recovery(_ run: ControlRun) -> (mttd: SimTime?, mttr: SimTime?) {
        let fault = try! #require(run.analysis.faults.first)
        return (fault.detection.elapsed, run.analysis.mttr)
    }

    @Test func mttrAndMttdGrowMonotonicallyWithTelemetryLag() throws {
        var mttrs: [SimTime] = [], mttds: [SimTime] = []
        for lag: Int64 in [0, 15, 30, 60] {
            let run = try ControlRun(ControlScenarios.failover(addedLag: .seconds(lag)))
            let (mttd, mttr) = Self.recovery(run)
            mttrs.append(try #require(mttr, "lag \(lag)s"))
            mttds.append(try #require(mttd, "lag \(lag)s"))
        }
        // 31 s, 51 s, 61 s, 91 s: the added lag lands one for one, rounded up to
        // the failover's 10 s evaluations (detection is the lag + two checks
        // 10 s apart; recovery is detection + the 1 s apply latency).
        #expect(mttrs == mttrs.sorted() && Set(mttrs).count == 4)
        #expect(mttds == mttds.sorted() && Set(mttds).count == 4)
        for (index, lag) in [0, 15, 30, 60].enumerated() {
            #expect(mttrs[index] - mttrs[0] >= .seconds(Int64(lag)) - .seconds(5))
            #expect(mttrs[index] - mttrs[0] <= .seconds(Int64(lag)) + .seconds(5))
        }
    }

    @Test func alertFiringsAreRecordedAsAlertEventsAndDriveMttd() throws {
        let run = try ControlRun(ControlScenarios.failover())
        let firings = run.recording.alertFiringTimes()
        // Three rules (page-fast, page-slow, ticket) fire on the same evaluation, 20 s into the outage.
        #expect(firings == [.seconds(140), .seconds(140), .seconds(140)])
        #expect(run.analysis.alertFiringTimes == firings)
        #expect(Self.recovery(run).mttd == .seconds(20))
        let page = try #require(run.recording.events.first { $0.category == .alert && $0.to == "firing" })
        #expect(page.entity == "controller:slo/page-fast")
        #expect(page.cause.contains("data 10s old"))
    }

    @Test func failoverMovesTheClientAndBackOnItsOwnHealthChecks() throws {
        let run = try ControlRun(ControlScenarios.failover())
        let moves = run.changes(.weight, "client:web")
        #expect(moves.map(\.time) == [.seconds(151), .seconds(341)])
        #expect(moves.map(\.to) == ["api-east 0%, api-west 100%", "api-east 100%, api-west 0%"])
        // While failed over the client's calls go to the other region.
        #expect(run.finished("edge:web->api-west", from: 160, to: 300) > 0.95 * 300 * 140)
        #expect(run.finished("edge:web->api-east", from: 160, to: 300) == 0)
    }

    @Test func aControlPlaneOutageDuringTheIncidentDelaysFailoverUntilItEnds() throws {
        let outage = FaultSpec(name: "plane-down", kind: .controlPlaneOutage, target: "controllers", start: .seconds(115),
                               duration: .seconds(60))
        let run = try ControlRun(ControlScenarios.failover(extraFaults: [outage]))
        let gslb = try #require(run.summary("gslb"))
        #expect(gslb.skipped == 6)  // evaluations at 2m ... 2m 50s
        // The first evaluations after the outage (3m, 3m 10s) fail over: 1m 11s instead of 21 s.
        #expect(run.changes(.weight, "client:web").first?.time == .seconds(191))
        #expect(Self.recovery(run).mttr == .seconds(71))
    }
}
