import Testing
@testable import Sim

@Suite struct ControlFailoverTests {
    @Test func mttrGrowsWithTelemetryLag() throws {
        for lag: Int64 in [0, 20, 40, 60] {
            let spec = ControlScenarios.failover(addedLag: .seconds(lag))
            let run = try ControlRun(spec)
            let fault = spec.faults[0].span
            let recovery = run.recording.healthTimeline("client:web").recovery(from: fault)
            let detection = Detection(of: fault, firingTimes: run.recording.alertFiringTimes())
            print(lag, recovery.recovery, detection, run.recording.successRatio("client:web", from: 120, to: 420))
        }
    }
}
