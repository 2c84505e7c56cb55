import Testing
@testable import Sim

/// Adaptive routing under telemetry lag (issue 7: "with lag L and no damping
/// the routing oscillates with a period related to L; with damping the flip
/// rate drops at least 5x").
@Suite struct ControlRoutingTests {
    /// Zone a's weight per window after the slowdown's effects began (from 2 min).
    static func weights(_ run: ControlRun) -> [Double] {
        Array(run.recording.values("version:api@a", .weightPercent).dropFirst(120))
    }

    @Test func undampedRoutingOscillatesWithAPeriodSetByTheLag() throws {
        var periods: [Int] = []
        for lagSeconds: Int64 in [10, 20, 40] {
            let run = try ControlRun(ControlScenarios.routing(lag: .seconds(lagSeconds)))
            let oscillation = Oscillation(Self.weights(run), windowWidth: .seconds(1))
            print("lag", lagSeconds, oscillation)
            #expect(oscillation.isOscillating)
            periods.append(oscillation.periodWindows ?? 0)
        }
        print(periods)
    }

    @Test func dampingHysteresisAndCooldownCutTheFlipRateAtLeastFivefold() throws {
        let undamped = try ControlRun(ControlScenarios.routing())
        let damped = try ControlRun(ControlScenarios.routing(damped: true))
        let loose = undamped.flipRate(.weight, "service:api"), calm = damped.flipRate(.weight, "service:api")
        print(loose, calm)
        #expect(loose.flips >= 5 * max(1, calm.flips))
        let settled = Oscillation(Self.weights(damped), windowWidth: .seconds(1))
        print(settled)
        print(undamped.recording.successRatio("client:web", from: 120, to: 600), damped.recording.successRatio("client:web", from: 120, to: 600))
    }
}
