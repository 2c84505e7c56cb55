import Testing
@testable import Sim

/// The canary controller on `Policy.CanaryController`: a defect caught within
/// the configured analysis time with bounded exposure, and the same release
/// promoted when the steps are shorter than the defect needs to show.
@Suite struct ControlCanaryTests {
    /// The longest the configuration lets a defect stand before the rollback
    /// takes effect: the data must arrive (lag), fill the analysis window
    /// (window), be judged (one analysis interval), stand for `failureHold`,
    /// and the new weights must reach the splitter (apply latency):
    /// 10 s + 60 s + 30 s + 60 s + 1 s = 161 s.
    static func analysisTime(_ spec: ControllerSpec) -> SimTime {
        let policy = spec.canary!.policy
        return spec.telemetry.lag + spec.telemetry.window + policy.analysisInterval + policy.failureHold + spec.applyLatency
    }

    @Test func aBadCanaryIsRolledBackWithinItsAnalysisTimeAndExposureStaysUnderWeightTimesThatTime() throws {
        let spec = ControlScenarios.canary(hold: .minutes(5))
        let run = try ControlRun(spec)
        let canary = try #require(run.controller("rollout"))
        let outcome = try #require(canary.summary.canary)
        #expect(outcome.phase == .rolledBack)
        let budget = Self.analysisTime(spec.controllers[0])
        #expect(budget == .seconds(161))
        // The defect starts at 4m; the first analysis to see it is at 4m 30s,
        // the breach stands a minute, the rollback takes effect at 5m 31s.
        #expect(canary.badSince == .minutes(4))
        #expect(outcome.firstBreachSeenAt == .seconds(270))
        #expect(outcome.finishedAt == .seconds(331))
        let rollback = try #require(canary.rollbackTime)
        #expect(rollback == .seconds(91))
        #expect(rollback <= budget)
        // Exposure: requests served by the bad version until the rollback took
        // effect, under weight x rate x budget = 10% x 300/s x 161 s = 4830,
        // and about weight x rate x rollback time (2730), Poisson noise aside.
        let exposure = try #require(canary.exposure)
        #expect(exposure <= 0.10 * 300 * budget.seconds)
        #expect(abs(exposure - 0.10 * 300 * rollback.seconds) <= 0.05 * 0.10 * 300 * rollback.seconds)
        #expect(exposure == run.finished("version:api@v2", from: 240, to: 331))
        // After the rollback v2 gets nothing; its failures are a small share of the exposure.
        #expect(run.finished("version:api@v2", from: 332, to: 480) == 0)
        let failed = try #require(canary.exposureFailures)
        #expect(failed > 0.04 * exposure && failed < 0.12 * exposure)
        // The report's figures say the same.
        #expect(run.analysis.figure(.canaryRolledBack, entity: "controller:rollout")?.value == .flag(true))
        #expect(run.analysis.figure(.canaryRollbackTime)?.value == .duration(.seconds(91)))
        #expect(run.analysis.figure(.canaryExposure)?.value == .number(exposure, .count))
    }

    @Test func theSameReleaseIsPromotedWhenTheStepsAreShorterThanTheDefectNeedsToShow() throws {
        let run = try ControlRun(ControlScenarios.canary(hold: .minutes(1)))
        let canary = try #require(run.controller("rollout"))
        let outcome = try #require(canary.summary.canary)
        #expect(outcome.phase == .promoted)
        #expect(outcome.finishedAt == .seconds(181))  // three 1-minute steps, then the promotion applies
        #expect(outcome.firstBreachSeenAt == nil)
        #expect(canary.rollbackTime == nil)
        #expect(canary.badSince == nil)  // the defect (4m) came after the rollout ended
        // Then v2 carries everything and fails 8% of it until the end.
        let late = run.finished("version:api@v2", from: 300, to: 480)
        #expect(abs(late - 300 * 180) < 0.03 * 300 * 180)
        #expect(run.analysis.run.successRatio < 0.96)
        #expect(run.analysis.figure(.canaryRollbackTime)?.value == .notApplicable(.notRolledBack))
    }

    @Test func aControlPlaneOutageLosesTheRollbackAndTheNextAnalysisAsksAgain() throws {
        // The control plane goes down half a second after the rollback decided at
        // 5m 30s and stays down 45 s: the action reaching it at 5m 31s is lost,
        // the analysis at 6m is skipped, and the one at 6m 30s, finding the
        // finished rollout's weight not in place, asks again (reconciles).
        let outage = FaultSpec(name: "plane-down", kind: .controlPlaneOutage, target: "controllers", start: .ms(330_500),
                               duration: .seconds(45))
        let run = try ControlRun(ControlScenarios.canary(hold: .minutes(5), extraFaults: [outage]))
        let summary = try #require(run.summary("rollout"))
        #expect(summary.actionsLost == 1)
        #expect(summary.skipped == 1)  // the analysis at 6m
        let outcome = try #require(summary.canary)
        #expect(outcome.phase == .rolledBack)
        #expect(outcome.finishedAt == .seconds(391))
        let events = run.events("controller:rollout")
        #expect(events.contains { $0.to == "lost" && $0.time == .seconds(331) })
        #expect(events.contains { $0.cause.hasPrefix("reconcile:") && $0.time == .seconds(390) })
        #expect(events.contains { $0.to == "control plane down" && $0.time == .ms(330_500) })
    }
}
