import Testing
@testable import Sim

@Suite struct AnalysisRecordingTests {
    /// A 6-window recording (10 s windows): the client fails in windows 2-3; the edge storms in 2-4.
    func recording() -> Recording {
        let client = "client:web", edge = "edge:web->api"
        return Recording(windowWidth: .seconds(10), windowCount: 6, series: [
            MetricSeries(entity: client, metric: Metric.offered.rawValue, values: [100, 100, 100, 100, 100, 0]),
            MetricSeries(entity: client, metric: Metric.successes.rawValue, values: [100, 100, 40, 60, 100, 0]),
            MetricSeries(entity: client, metric: Metric.failures.rawValue, values: [0, 0, 60, 40, 0, 0]),
            MetricSeries(entity: client, metric: Metric.successRatio.rawValue, values: [1, 1, 0.4, 0.6, 1, .nan]),
            MetricSeries(entity: client, metric: Metric.latencyMsP99.rawValue, values: [80, 90, 2000, 1500, 95, .nan]),
            MetricSeries(entity: edge, metric: Metric.offered.rawValue, values: [100, 100, 100, 100, 100, 0]),
            MetricSeries(entity: edge, metric: Metric.attempts.rawValue, values: [100, 100, 300, 250, 200, 0]),
            MetricSeries(entity: edge, metric: Metric.wastedWork.rawValue, values: [0, 0, 50, 40, 10, 0]),
            MetricSeries(entity: edge, metric: Metric.rejectedBreaker.rawValue, values: [0, 0, 10, 0, 0, 0]),
        ], events: [])
    }

    @Test func missingSeriesReadAsNaN() {
        let values = recording().values("client:web", .inFlight)
        #expect(values.count == 6 && values.allSatisfy(\.isNaN))
        #expect(recording().duration == .seconds(60))
    }

    @Test func healthAndAttainmentComeFromTheClientSeries() {
        let run = recording()
        #expect(run.healthTimeline("client:web").windows == [.healthy, .healthy, .unhealthy, .unhealthy, .healthy, .noData])
        let slo = run.sloAttainment("client:web")
        #expect(slo.windowAttainment == 0.6)
        #expect(slo.requestAttainment == 400.0 / 500.0)
        let recovery = run.healthTimeline("client:web").recovery(from: dbFault(20, 30), criteria: RecoveryCriteria(sustainedHealthyWindows: 1))
        #expect(recovery.recovery == .recovered(at: .seconds(40), after: .seconds(20)))
    }

    @Test func stormsAndSharesComeFromTheEdgeSeries() {
        let run = recording()
        #expect(run.amplification("edge:web->api")[2] == 3)
        let storms = run.retryStorms("edge:web->api")
        #expect(storms.count == 1)
        #expect(storms[0].start == .seconds(20) && storms[0].end == .seconds(50))
        #expect(storms[0].extraAttempts == 450 && storms[0].wastedWork == 100)
        let shares = run.trafficShares("edge:web->api")
        #expect(shares.rejectedByReason.map(\.reason) == ["rejected.breaker"])
        #expect(shares.rejectedShare == 10.0 / 500.0)
    }

    @Test func builtInBurnRateGivesAnMTTD() {
        let alert = SeriesBurnRateAlert(slo: 0.99, rules: [SeriesBurnRateRule(longWindow: .seconds(30), shortWindow: .seconds(10), burnRateThreshold: 10)])
        // Window 2: long (0-2) 60/300 / 0.01 = 20 > 10 and short 60: fires at 30 s.
        #expect(recording().burnRateFiringTimes("client:web", alert: alert) == [.seconds(30)])
    }
}
