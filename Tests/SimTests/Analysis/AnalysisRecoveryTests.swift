import Testing
@testable import Sim

@Suite struct AnalysisRecoveryTests {
    @Test func singleHealthyWindowInsideAnOutageDoesNotCountAsRecovery() {
        // 10 s windows; fault 20 s..60 s; one lucky healthy window at 60 s, then bad again.
        let timeline = healthScript("HHUUUUHUHHHH")
        let result = timeline.recovery(from: dbFault(20, 60))
        #expect(result.firstUnhealthyAt == .seconds(20))
        #expect(result.recovery == .recovered(at: .seconds(80), after: .seconds(60)))
        #expect(result.recoveryAfterRemoval == .recovered(at: .seconds(80), after: .seconds(20)))
        #expect(result.metastability == .notMetastable)
        // Without hysteresis the lucky window would have been taken for recovery.
        let eager = timeline.recovery(from: dbFault(20, 60), criteria: RecoveryCriteria(sustainedHealthyWindows: 1))
        #expect(eager.recovery == .recovered(at: .seconds(60), after: .seconds(40)))
    }

    @Test func unhealthyUntilTheEndLongAfterRemovalIsMetastable() {
        let timeline = healthScript("HH" + String(repeating: "U", count: 28))   // 300 s
        let result = timeline.recovery(from: dbFault(20, 60))
        #expect(result.recovery == .notRecovered)
        #expect(result.recoveryAfterRemoval == .notRecovered)
        #expect(result.metastability == .metastable(unhealthyAfterRemoval: .seconds(240), recovered: false))
        #expect(result.metastability.isMetastable)
    }

    @Test func recoveringLongAfterRemovalIsStillMetastable() {
        let timeline = healthScript("HH" + String(repeating: "U", count: 23) + "HHHHH")
        let result = timeline.recovery(from: dbFault(20, 60))
        #expect(result.recovery == .recovered(at: .seconds(250), after: .seconds(230)))
        #expect(result.metastability == .metastable(unhealthyAfterRemoval: .seconds(190), recovered: true))
    }

    @Test func recoveringWithinTheThresholdIsNotMetastable() {
        // Unhealthy until 170 s: 110 s after removal at 60 s, under the 120 s default.
        let timeline = healthScript("HH" + String(repeating: "U", count: 15) + "HHHHH")
        let result = timeline.recovery(from: dbFault(20, 60))
        #expect(result.recoveryAfterRemoval == .recovered(at: .seconds(170), after: .seconds(110)))
        #expect(result.metastability == .notMetastable)
        let strict = timeline.recovery(from: dbFault(20, 60), criteria: RecoveryCriteria(metastabilityThreshold: .seconds(100)))
        #expect(strict.metastability == .metastable(unhealthyAfterRemoval: .seconds(110), recovered: true))
    }

    @Test func runEndingTooSoonAfterRemovalIsUndetermined() {
        let timeline = healthScript("HHUUUUUUUU")   // 100 s, fault removed at 60 s
        #expect(timeline.recovery(from: dbFault(20, 60)).metastability == .undetermined(observedAfterRemoval: .seconds(40)))
    }

    @Test func recoveryDuringTheFaultGivesZeroAfterRemoval() {
        // Breaker opens and fallbacks serve: healthy again at 40 s while the fault lasts to 100 s.
        let timeline = healthScript("HHUUHHHHHHHHHH")
        let result = timeline.recovery(from: dbFault(20, 100))
        #expect(result.recovery == .recovered(at: .seconds(40), after: .seconds(20)))
        #expect(result.recoveryAfterRemoval == .recovered(at: .seconds(100), after: .zero))
        #expect(result.metastability == .notMetastable)
    }

    @Test func faultWithoutEffectWasNeverUnhealthy() {
        let result = healthScript("HHHHHHHHHH").recovery(from: dbFault(20, 60))
        #expect(result.recovery == .neverUnhealthy)
        #expect(result.recoveryAfterRemoval == .neverUnhealthy)
        #expect(result.firstUnhealthyAt == nil)
        #expect(result.metastability == .notMetastable)
        #expect(result.recovery.elapsed == nil)
    }

    @Test func faultStillActiveAtTheEndIsNotJudgedForMetastability() {
        let result = healthScript("HHUUUUUUUU").recovery(from: dbFault(20, nil))
        #expect(result.recovery == .notRecovered)
        #expect(result.recoveryAfterRemoval == nil)
        #expect(result.metastability == .faultNotRemoved)
    }

    @Test func noDataWindowsDoNotBreakARecoveryStretch() {
        let result = healthScript("HHUUHNNHHHH").recovery(from: dbFault(20, 40))
        #expect(result.recovery == .recovered(at: .seconds(40), after: .seconds(20)))
    }
}
