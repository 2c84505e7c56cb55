import Testing
@testable import Sim

@Suite struct ControlAutoscalerTests {
    @Test func aShortStabilizationWindowThrashesAndTheDefaultHolds() throws {
        let thrash = try ControlRun(ControlScenarios.autoscaler(scaleDownStabilization: .zero))
        let stable = try ControlRun(ControlScenarios.autoscaler(scaleDownStabilization: .minutes(5)))
        let a = thrash.changes(.controller, "service:api"), b = stable.changes(.controller, "service:api")
        print(a.count, b.count)
        print(thrash.recording.successRatio("client:web", from: 0, to: 1800), stable.recording.successRatio("client:web", from: 0, to: 1800))
        print(b.map { "\($0.time) \($0.from)->\($0.to)" })
    }
}
