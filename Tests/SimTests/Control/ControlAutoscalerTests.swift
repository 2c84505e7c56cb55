import Testing
@testable import Sim

/// The HPA controller: thrash without a scale-down stabilization window, and
/// the metric handed to `Policy.Autoscaler` while replicas are unready.
@Suite struct ControlAutoscalerTests {
    @Test func noScaleDownStabilizationThrashesManyTimesMoreThanTheDefault() throws {
        let thrash = try ControlRun(ControlScenarios.autoscaler(scaleDownStabilization: .zero))
        let stable = try ControlRun(ControlScenarios.autoscaler(scaleDownStabilization: .minutes(5)))
        let fast = try #require(thrash.controller("hpa")?.scaleEventsPerHour)
        let slow = try #require(stable.controller("hpa")?.scaleEventsPerHour)
        // 12 minutes, three cycles of the load: about 100 scale events an hour against 10.
        #expect(fast >= 60)
        #expect(fast >= 5 * slow)
        // Every applied change is a `controller` event on the service, one per scale event.
        let applied = thrash.changes(.controller, "service:api").filter { $0.to.hasSuffix("replicas") }
        #expect(Double(applied.count) == fast * 12 / 60)
        // The thrashing count follows the load's 4-minute period; the stabilized one does not hunt.
        let rhythm = thrash.recording.oscillation("service:api", .instancesUp)
        #expect(rhythm.isOscillating)
        #expect(rhythm.period.map { $0 >= .minutes(3) && $0 <= .minutes(5) } == true)
        #expect(!stable.recording.oscillation("service:api", .instancesUp).isOscillating)
        #expect(stable.analysis.run.successRatio > thrash.analysis.run.successRatio)
    }

    @Test func decisionsLogTheMetricTheReadyReplicasAndTheStaleness() throws {
        let run = try ControlRun(ControlScenarios.autoscaler(scaleDownStabilization: .zero, duration: .minutes(3)))
        let decisions = run.events("controller:hpa")
        let scaleUps = decisions.filter { $0.cause.hasPrefix("desiredWithinRange") && $0.from != $0.to }
        #expect(!scaleUps.isEmpty)
        for event in decisions where event.time >= .seconds(30) {
            // Lag 5 s, scrapes every 5 s, evaluations every 15 s: the newest data is always 5 s old
            // (from 30 s on the 15 s window is full: at 15 s only the scrapes of 5 s and 10 s have arrived).
            #expect(event.cause.contains("utilisation "), "\(event.cause)")
            #expect(event.cause.contains(" up; 5s old, 3/3 scrapes"), "\(event.cause)")
        }
    }

    /// Kubernetes' replica calculator with unready pods (docs "Algorithm
    /// details"; OpenShift: "unready pods have 0 CPU usage when scaling up and
    /// the autoscaler ignores the pods when scaling down"), expressed as the
    /// value `Policy.Autoscaler` multiplies by the provisioned count.
    @Test(arguments: [
        // (value, ready, provisioned) -> passed; target 60, tolerance 0.1
        (80.0, 4, 4, 80.0),      // all ready: unchanged
        (90.0, 4, 6, 60.0),      // 90 x 4/6 = 60 -> a ratio of 1: hold (the scale-up is already provided for)
        (120.0, 4, 6, 80.0),     // 120 x 4/6 = 80 -> ceil(6 x 80/60) = 8 = ceil(4 x 120/60)
        (100.0, 3, 6, 60.0),     // 100 x 3/6 = 50 would reverse a scale-up into a scale-down: hold
        (63.0, 2, 6, 60.0),      // within the tolerance of the ready pods' ratio (1.05): hold
        (30.0, 4, 8, 15.0),      // scale-down: ceil(8 x 15/60) = 2 = ceil(4 x 30/60)
    ])
    func unreadyReplicasCountAsKubernetesCountsThem(_ row: (Double, Int, Int, Double)) {
        let passed = World.readyAdjusted(row.0, target: 60, tolerance: 0.1, ready: row.1, provisioned: row.2)
        #expect(passed == row.3)
    }

    @Test func withoutDataTheMetricStaysUndefined() {
        #expect(World.readyAdjusted(.nan, target: 60, tolerance: 0.1, ready: 0, provisioned: 4).isNaN)
    }
}
