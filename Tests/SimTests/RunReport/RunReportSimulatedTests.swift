import Testing
@testable import Sim

/// `RunAnalysis` on real simulated runs of `RunReportFixtures.crashSpec`:
/// instance api/0 of two crashes at 20 s, restarts at 30 s and is up again
/// after its 5 s start-up; 2 s windows, K = 3. The exact values pin the model
/// as well as the analysis: if the model changes on purpose, re-derive them
/// from the printed report (and regenerate the golden files).
@Suite struct RunReportSimulatedTests {
    @Test func crashWithRetriesRecoversWithinTheOutagePlusKWindows() throws {
        let a = RunAnalysis(try RunReportFixtures.input(RunReportFixtures.crashSpec(maxAttempts: 3), seed: 1))
        let k = Int64(a.criteria.recovery.sustainedHealthyWindows)
        // The instance is back at 35 s (restart 30 s + 5 s start-up): recovery can
        // start no later than the first window after that, plus K windows to prove it.
        let bound = (SimTime.seconds(36) - .seconds(20)) + a.windowWidth * k
        #expect(a.mttr! <= bound)
        // Healthy from window 18 (36 s) on: 16 s after the crash, 6 s after the restart.
        #expect(a.mttr == .seconds(16))
        #expect(a.runValue(.recoveryAfterRemoval) == .duration(.seconds(6)))
        #expect(a.runValue(.metastable) == .flag(false))
        // The built-in burn-rate alert fires at the end of the crash's first window.
        #expect(a.mttd == .seconds(2))
    }

    @Test func crashWithRetriesStormsOnTheClientEdge() throws {
        let a = RunAnalysis(try RunReportFixtures.input(RunReportFixtures.crashSpec(maxAttempts: 3), seed: 1))
        let storms = a.edges.flatMap(\.storms)
        #expect(storms.count == 1)
        #expect(storms.first?.entity == "edge:web->api")
        #expect(storms.first?.start == .seconds(20))
        #expect(storms.first?.end == .seconds(34))
        #expect(storms.first?.extraAttempts == 407)
        #expect(a.retryAmplificationPeak == 175.0 / 96)
        // Retries hide most failures: the breaker, which sees whole calls, never opens.
        #expect(a.runValue(.breakerOpens) == .number(0, .count))
        #expect(a.edges[0].retries == 435)
    }

    @Test func crashWithoutRetriesHasNoStormAndNoAmplification() throws {
        let a = RunAnalysis(try RunReportFixtures.input(RunReportFixtures.crashSpec(maxAttempts: 1), seed: 1))
        #expect(a.edges[0].retries == 0)
        #expect(a.edges[0].attempts <= a.edges[0].totals.offered)
        #expect(a.retryStormEpisodes == 0)
        #expect(a.runValue(.retryStormExtraAttempts) == .number(0, .count))
        #expect(a.retryAmplificationPeak == 1)
        // Half the calls fail, so the breaker opens (4 times) and refuses about a quarter of them.
        #expect(a.runValue(.breakerOpens) == .number(4, .count))
        #expect(a.mttr == .seconds(18))
        #expect(a.runValue(.metastable) == .flag(false))
    }
}
