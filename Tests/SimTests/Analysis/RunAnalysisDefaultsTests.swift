import Testing
@testable import Sim

/// Regression guard: Swift 6.3.1 (release, -enable-testing) once handed
/// `RunAnalysis.init`'s default criteria a corrupted `flipCategories`.
@Suite struct RunAnalysisDefaultsTests {
    @Test func defaultCriteriaReachTheAnalysisIntact() {
        let recording = Recording(windowWidth: .seconds(1), windowCount: 2, series: [], events: [])
        let input = ReportInput(scenarioName: "x", description: "", seed: 1, version: "v", duration: .seconds(2),
                                topology: Topology(nodes: [], edges: []), faults: [], slo: SLOTarget(),
                                recording: recording, stopReason: .reachedEndTime, eventsProcessed: 0)
        let criteria = RunAnalysis(input).criteria
        #expect(criteria.flipCategories == [.breaker, .ejection, .weight, .instance])
        #expect(criteria.burnRateRules.count == 2)
        #expect(criteria.recovery.sustainedHealthyWindows == 3)
        #expect(criteria.storms.amplificationThreshold == 1.5)
    }
}
