import Testing
@testable import Sim

@Suite struct AnalysisDetectionTests {
    @Test func mttdIsTheFirstFiringAtOrAfterTheFaultStart() {
        let fault = dbFault(30, 90)
        #expect(Detection(of: fault, firingTimes: [.seconds(50), .seconds(10), .seconds(45)]) == .detected(at: .seconds(45), after: .seconds(15)))
        #expect(Detection(of: fault, firingTimes: [.seconds(30)]).elapsed == .zero)
        #expect(Detection(of: fault, firingTimes: [.seconds(10)]) == .notDetected)
        #expect(Detection(of: fault, firingTimes: []) == .notDetected)
    }

    @Test func alertFiringTimesComeFromAlertEventsInTheRecording() {
        let events = [
            StateChangeEvent(time: .seconds(5), entity: "client:web", category: .breaker, from: "closed", to: "firing", cause: "not an alert"),
            StateChangeEvent(time: .seconds(42), entity: "client:web", category: .alert, from: "ok", to: "firing", cause: "burn 14.4x"),
            StateChangeEvent(time: .seconds(70), entity: "client:web", category: .alert, from: "firing", to: "ok", cause: "resolved"),
            StateChangeEvent(time: .seconds(80), entity: "client:app", category: .alert, from: "ok", to: "firing", cause: "burn 6x"),
        ]
        let recording = Recording(windowWidth: .seconds(1), windowCount: 0, series: [], events: events)
        #expect(recording.alertFiringTimes() == [.seconds(42), .seconds(80)])
        #expect(recording.alertFiringTimes(entity: "client:web") == [.seconds(42)])
        #expect(Detection(of: dbFault(30, 90), firingTimes: recording.alertFiringTimes()).elapsed == .seconds(12))
    }

    @Test func workbookPagingRulesArePinned() {
        // Google SRE workbook, "Alerting on SLOs": 14.4x over 1 h and 5 m; 6x over 6 h and 30 m; 1x over 3 d and 6 h.
        #expect(SeriesBurnRateRule.pageFast == SeriesBurnRateRule(longWindow: .hours(1), shortWindow: .minutes(5), burnRateThreshold: 14.4))
        #expect(SeriesBurnRateRule.pageSlow == SeriesBurnRateRule(longWindow: .hours(6), shortWindow: .minutes(30), burnRateThreshold: 6))
        #expect(SeriesBurnRateRule.ticket == SeriesBurnRateRule(longWindow: .hours(72), shortWindow: .hours(6), burnRateThreshold: 1))
        #expect(SeriesBurnRateAlert().rules == [.pageFast, .pageSlow])
        #expect(SeriesBurnRateAlert().slo == 0.999)
    }

    /// 10 s windows, 100 requests each; healthy for 60 s, then `errors` per window.
    func scriptedStream(errorsFrom start: Int, errors: Double, windows: Int = 12) -> (good: [Double], total: [Double]) {
        let total = Array(repeating: 100.0, count: windows)
        return ((0..<windows).map { $0 >= start ? 100 - errors : 100 }, total)
    }

    let rule = SeriesBurnRateAlert(slo: 0.99, rules: [SeriesBurnRateRule(longWindow: .seconds(60), shortWindow: .seconds(10), burnRateThreshold: 10)])

    @Test func longWindowDelaysTheAlertUntilTheBurnIsSignificant() {
        let stream = scriptedStream(errorsFrom: 6, errors: 50)
        // Window 6: short burn 0.5 / 0.01 = 50, long burn (windows 1-6) 50/600 / 0.01 = 8.3: not yet.
        // Window 7: long burn (windows 2-7) 100/600 / 0.01 = 16.7 > 10: fires at its end, 80 s.
        let rates = rule.burnRates(good: stream.good, total: stream.total, windowWidth: .seconds(10), span: .seconds(60))
        #expect(rates[5] == 0)
        #expect(rates[7] == 100.0 / 600.0 / (1 - 0.99))
        let firing = rule.firingTimes(good: stream.good, total: stream.total, windowWidth: .seconds(10))
        #expect(firing == [.seconds(80)])
        #expect(Detection(of: dbFault(60, 120), firingTimes: firing) == .detected(at: .seconds(80), after: .seconds(20)))
    }

    @Test func burnBelowTheThresholdNeverFires() {
        let stream = scriptedStream(errorsFrom: 6, errors: 5)   // 5 % errors: burn 5x < 10x
        #expect(rule.firingTimes(good: stream.good, total: stream.total, windowWidth: .seconds(10)).isEmpty)
    }

    @Test func longWindowIsClippedAtTheStartOfTheRun() {
        let stream = scriptedStream(errorsFrom: 0, errors: 50)
        #expect(rule.firingTimes(good: stream.good, total: stream.total, windowWidth: .seconds(10)) == [.seconds(10)])
    }

    @Test func alertResetsWhenTheShortWindowClearsAndFiresAgainOnTheNextBurst() {
        var good = Array(repeating: 100.0, count: 12)
        for index in [2, 3, 8, 9] { good[index] = 20 }
        let total = Array(repeating: 100.0, count: 12)
        let firing = rule.firing(good: good, total: total, windowWidth: .seconds(10))
        #expect(firing == [false, false, true, true, false, false, false, false, true, true, false, false])
        #expect(rule.firingTimes(good: good, total: total, windowWidth: .seconds(10)) == [.seconds(30), .seconds(90)])
    }

    @Test func windowsWithoutRequestsDoNotBurn() {
        let good: [Double] = [0, .nan, 0]
        let total: [Double] = [0, .nan, 0]
        #expect(rule.burnRates(good: good, total: total, windowWidth: .seconds(10), span: .seconds(60)) == [0, 0, 0])
    }
}
