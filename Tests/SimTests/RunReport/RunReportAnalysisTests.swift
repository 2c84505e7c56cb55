import Testing
@testable import Sim

/// `RunAnalysis` on hand-built recordings whose answers are worked out by hand
/// from the definitions in docs/analysis.md.
@Suite struct RunReportAnalysisTests {
    typealias F = RunReportFixtures

    /// Windows 5-9 unhealthy, fault 5 s..8 s, 1 s windows, K = 3.
    func scriptedOutage() -> RunAnalysis {
        let recording = F.recording(F.runSeries("HHHHHUUUUUHHHHHHHHHH"))
        return RunAnalysis(F.input(recording, faults: [FaultSpan(name: "db down", target: "service:db", start: .seconds(5), end: .seconds(8))]))
    }

    @Test func scriptedOutageHasHandComputedRecoveryFigures() {
        let a = scriptedOutage()
        // First unhealthy window 5; healthy windows 10, 11, 12 in a row: MTTR = 10 s - 5 s.
        #expect(a.runValue(.mttr) == .duration(.seconds(5)))
        // Removed at 8 s; the same stretch starts at 10 s.
        #expect(a.runValue(.recoveryAfterRemoval) == .duration(.seconds(2)))
        #expect(a.runValue(.metastable) == .flag(false))
        // Built-in alert: after window 5, 50 bad of 600 = 8.3 % = burn rate 83 > 14.4 over both
        // (clipped) windows; it fires at the end of window 5 = 6 s.
        #expect(a.runValue(.mttd) == .duration(.seconds(1)))
        #expect(a.mttr == .seconds(5))
        #expect(a.mttd == .seconds(1))
        #expect(a.isMetastable == false)
    }

    @Test func scriptedOutageHasHandComputedSLOFigures() {
        let a = scriptedOutage()
        #expect(a.runValue(.sloAttainment) == .number(0.75, .ratio))
        #expect(a.runValue(.successRatio) == .number(1750.0 / 2000, .ratio))
        #expect(a.runValue(.errorBudgetConsumed) == .number(250 / (2000 * (1 - 0.999)), .times))
        #expect(a.runValue(.latencyP99Ms) == .number(20, .milliseconds))
        #expect(a.runValue(.offeredRequests) == .number(2000, .count))
        // No edges, services or series for them: undefined, not zero.
        #expect(a.runValue(.retryAmplificationPeak) == .notApplicable(.noData))
        #expect(a.runValue(.goodputRatio) == .notApplicable(.noData))
        #expect(a.runValue(.retryStormEpisodes) == .number(0, .count))
    }

    @Test func perFaultFiguresCarryTheFaultEntity() {
        let a = scriptedOutage()
        #expect(a.figure(.mttr, entity: "fault:db down")?.value == .duration(.seconds(5)))
        #expect(a.figure(.metastable, entity: "fault:db down")?.value == .flag(false))
        #expect(a.figure(.mttr, entity: "fault:other") == nil)
    }

    @Test func recordedAlertEventsTakePrecedenceOverTheBuiltInAlert() {
        let alert = StateChangeEvent(time: .seconds(7), entity: "run", category: .alert, from: "ok", to: "firing", cause: "burn rate")
        let recording = F.recording(F.runSeries("HHHHHUUUUUHHHHHHHHHH"), events: [alert])
        let a = RunAnalysis(F.input(recording, faults: [FaultSpan(name: "f", target: "service:db", start: .seconds(5), end: .seconds(8))]))
        #expect(a.alertFiringTimes == [.seconds(7)])
        #expect(a.mttd == .seconds(2))
    }

    @Test func runWithoutFaultsHasNothingToDetectOrRecover() {
        let a = RunAnalysis(F.input(F.recording(F.runSeries("HHHH")), faults: []))
        for name in [FigureName.mttd, .mttr, .recoveryAfterRemoval, .metastable] {
            #expect(a.runValue(name) == .notApplicable(.noFault))
        }
        #expect(a.mttr == nil)
    }

    /// 10 s windows, fault from 10 s to 20 s.
    func metastability(_ script: String) -> RunAnalysis {
        let recording = F.recording(windowWidth: .seconds(10), F.runSeries(script))
        return RunAnalysis(F.input(recording, faults: [FaultSpan(name: "surge", target: "client:web", start: .seconds(10), end: .seconds(20))]))
    }

    @Test func unhealthyToTheEndLongAfterRemovalIsMetastable() {
        let a = metastability("H" + String(repeating: "U", count: 29))
        #expect(a.runValue(.metastable) == .flag(true))
        #expect(a.runValue(.mttr) == .notApplicable(.notRecovered))
        #expect(a.runValue(.recoveryAfterRemoval) == .notApplicable(.notRecovered))
        #expect(a.faults[0].recovery.metastability == .metastable(unhealthyAfterRemoval: .seconds(280), recovered: false))
    }

    @Test func quickRecoveryIsNotMetastable() {
        let a = metastability("HUUU" + String(repeating: "H", count: 26))
        #expect(a.runValue(.mttr) == .duration(.seconds(30)))
        #expect(a.runValue(.recoveryAfterRemoval) == .duration(.seconds(20)))
        #expect(a.runValue(.metastable) == .flag(false))
    }

    @Test func recoveryLaterThanTheThresholdIsStillMetastable() {
        // Healthy again from window 16 (160 s): 140 s after removal > 120 s.
        let a = metastability("H" + String(repeating: "U", count: 15) + String(repeating: "H", count: 14))
        #expect(a.runValue(.mttr) == .duration(.seconds(150)))
        #expect(a.runValue(.recoveryAfterRemoval) == .duration(.seconds(140)))
        #expect(a.runValue(.metastable) == .flag(true))
    }

    @Test func tooShortATailIsUndetermined() {
        // 120 s run: 100 s after removal, still unhealthy.
        let a = metastability("H" + String(repeating: "U", count: 11))
        #expect(a.runValue(.metastable) == .notApplicable(.undetermined))
        #expect(a.isMetastable == false)
    }

    /// An edge whose attempts jump to 2x, 2.5x, 1.2x (a dip), 3x of offered.
    func stormRecording() -> Recording {
        let edge = "edge:web->api"
        return F.recording(F.runSeries("HHHHHHHHHH") + [
            (edge, .offered, Array(repeating: 10, count: 10)),
            (edge, .attempts, [10, 10, 20, 25, 12, 30, 10, 10, 10, 10]),
            (edge, .retries, [0, 0, 10, 15, 2, 20, 0, 0, 0, 0]),
            (edge, .rejectedBreaker, [0, 0, 0, 0, 0, 0, 5, 5, 0, 0]),
            ("service:api", .offered, [10, 10, 20, 25, 12, 30, 10, 10, 10, 10]),
            ("service:api", .wastedWork, [0, 0, 1, 2, 0, 3, 0, 0, 0, 0]),
            ("service:api", .goodput, [10, 10, 19, 23, 12, 27, 10, 10, 10, 10]),
        ])
    }

    @Test func stormEpisodeHasHandComputedBoundsAndCosts() {
        let a = RunAnalysis(F.input(stormRecording(), faults: []))
        let storms = a.edges[0].storms
        // Qualifying windows 2, 3, 5 (>= 1.5x): two in a row start it at 2; the dip at 4 is
        // shorter than two calm windows; 6 and 7 end it after window 5.
        #expect(storms == [RetryStormEpisode(entity: "edge:web->api", start: .seconds(2), end: .seconds(6), peakAmplification: 3,
                                             peakAt: .seconds(5), extraAttempts: 10 + 15 + 2 + 20, wastedWork: 1 + 2 + 3,
                                             ongoingAtEnd: false)])
        #expect(a.runValue(.retryAmplificationPeak) == .number(3, .times))
        #expect(a.runValue(.retryStormEpisodes) == .number(1, .count))
        #expect(a.runValue(.retryStormExtraAttempts) == .number(47, .count))
        #expect(a.retryStormEpisodes == 1)
        #expect(a.retryAmplificationPeak == 3)
        // 10 breaker rejections of 100 offered calls.
        #expect(a.runValue(.rejectedShare) == .number(0.1, .ratio))
        #expect(a.figure(.rejectedShare, entity: "edge:web->api")?.value == .number(0.1, .ratio))
        // Goodput 141 of 141 + 6 finished jobs.
        #expect(a.runValue(.goodputRatio) == .number(141.0 / 147, .ratio))
    }

    @Test func edgeRowTotalsComeFromTheEdgeSeries() {
        let edge = RunAnalysis(F.input(stormRecording(), faults: [])).edges[0]
        #expect(edge.totals.offered == 100)
        #expect(edge.attempts == 147)
        #expect(edge.retries == 47)
        #expect(edge.rejected == [MetricTotal(.rejectedBreaker, 10), MetricTotal(.rejectedBudget, 0),
                                  MetricTotal(.rejectedThrottle, 0), MetricTotal(.rejectedLimiter, 0)])
        #expect(edge.amplificationPeak == 3)
    }

    @Test func squareWaveInFlightIsOscillatingWithItsPeriod() {
        let wave = (0..<64).map { ($0 / 4) % 2 == 0 ? 10.0 : 2.0 }
        let recording = F.recording(F.runSeries(String(repeating: "H", count: 64)) + [("service:api", .inFlight, wave)])
        let a = RunAnalysis(F.input(recording, faults: []))
        #expect(a.runValue(.oscillating) == .flag(true))
        #expect(a.runValue(.oscillationPeriod) == .duration(.seconds(8)))
        #expect(a.dominantOscillation?.entity == "service:api")
        #expect(a.dominantOscillation?.metric == .inFlight)
        #expect(a.figure(.oscillating, entity: "service:api")?.value == .flag(true))
    }

    @Test func steadySeriesAreNotOscillating() {
        let a = RunAnalysis(F.input(stormRecording(), faults: []))
        #expect(a.runValue(.oscillating) == .flag(false))
        #expect(a.runValue(.oscillationPeriod) == .notApplicable(.noOscillation))
    }

    @Test func breakerOpensAndFlipRatesCountTransitions() {
        func breaker(_ seconds: Double, _ entity: String, _ from: String, _ to: String) -> StateChangeEvent {
            StateChangeEvent(time: SimTime(seconds: seconds), entity: entity, category: .breaker, from: from, to: to, cause: "")
        }
        let events = [breaker(5, "edge:web->api", "closed", "open"), breaker(9, "edge:web->api", "open", "halfOpen"),
                      breaker(9.1, "edge:web->api", "halfOpen", "open"), breaker(13, "edge:web->api", "open", "halfOpen"),
                      breaker(13.1, "edge:web->api", "halfOpen", "closed"), breaker(20, "edge:web->api#1", "closed", "forcedOpen"),
                      StateChangeEvent(time: .seconds(30), entity: "instance:api/0", category: .instance, from: "up", to: "down", cause: "")]
        let recording = F.recording(F.runSeries(String(repeating: "H", count: 60)) + [("edge:web->api", .offered, Array(repeating: 1, count: 60))],
                                    events: events)
        let a = RunAnalysis(F.input(recording, faults: []))
        // Two opens of the shared breaker and one forced open of the per-instance slot #1.
        #expect(a.edges[0].breakerOpens == 3)
        #expect(a.runValue(.breakerOpens) == .number(3, .count))
        // A one-minute run: flips per minute are flip counts.
        #expect(a.figure(.stateFlipsPerMinute, entity: "edge:web->api")?.value == .number(5, .perMinute))
        #expect(a.figure(.stateFlipsPerMinute, entity: "edge:web->api#1")?.value == .number(1, .perMinute))
        #expect(a.figure(.stateFlipsPerMinute, entity: "instance:api/0")?.value == .number(1, .perMinute))
        #expect(a.runValue(.stateFlipsPerMinute) == .number(5, .perMinute))
    }

    @Test func serviceSharesAddUpOverServices() {
        let recording = F.recording(F.runSeries("HH") + [
            ("service:a", .offered, [10, 10]), ("service:a", .goodput, [10, 10]), ("service:a", .wastedWork, [0, 10]),
            ("service:a", .fallbacks, [1, 1]), ("service:a", .shed, [2, 0]),
            ("service:b", .offered, [20, 0]), ("service:b", .goodput, [20, 0]), ("service:b", .shed, [3, 0]),
        ])
        let a = RunAnalysis(F.input(recording, faults: []))
        #expect(a.runValue(.goodputRatio) == .number(40.0 / 50, .ratio))
        #expect(a.runValue(.fallbackHitRatio) == .number(2.0 / 40, .ratio))
        #expect(a.runValue(.shedShare) == .number(5.0 / 40, .ratio))
        #expect(a.figure(.shedShare, entity: "service:a")?.value == .number(0.1, .ratio))
        #expect(a.figure(.goodputRatio, entity: "service:b")?.value == .number(1, .ratio))
    }

    @Test func figuresListRunWideFirstThenEntitiesSorted() {
        let a = RunAnalysis(F.input(stormRecording(), faults: [FaultSpan(name: "x", target: "service:api", start: .zero, end: .seconds(1))]))
        let figures = a.figures
        // Without controllers, every figure but the control-loop ones is listed run-wide.
        let runWide = FigureName.allCases.filter { !$0.isControllerFigure }
        #expect(figures.prefix(runWide.count).map(\.name) == runWide)
        #expect(figures.prefix(runWide.count).allSatisfy { $0.entity == nil })
        let rest = figures.dropFirst(runWide.count)
        #expect(rest.map { $0.entity! } == rest.map { $0.entity! }.sorted())
        #expect(Array(Set(rest.map { $0.entity! })).sorted() == ["edge:web->api", "fault:x", "service:api"])
        // The edge's figures in FigureName order.
        #expect(rest.filter { $0.entity == "edge:web->api" }.map(\.name)
                == [.retryAmplificationPeak, .retryStormEpisodes, .retryStormExtraAttempts, .breakerOpens, .successRatio,
                    .latencyP99Ms, .rejectedShare])
    }
}
