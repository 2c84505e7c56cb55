import Testing
@testable import Sim

@Suite struct ControlCanaryTests {
    @Test func aBadCanaryIsRolledBackWithinItsAnalysisTime() throws {
        let run = try ControlRun(ControlScenarios.canary(hold: .minutes(5)))
        print(run.summaries)
        let r = run.recording
        print(r.total("version:api@v2", .successes, from: 240, to: 331) + r.total("version:api@v2", .failures, from: 240, to: 331))
    }

    @Test func theSameReleaseIsPromotedWhenTheWindowIsTooShort() throws {
        let run = try ControlRun(ControlScenarios.canary(hold: .minutes(1)))
        print(run.summaries)
        print(run.recording.successRatio("client:web", from: 250, to: 900))
    }
}
