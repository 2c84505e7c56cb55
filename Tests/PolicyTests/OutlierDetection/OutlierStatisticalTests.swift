import Testing
@testable import Policy

/// Success-rate and failure-percentage detection at sweeps, after Envoy's
/// `processSuccessRateEjections` (its worked example: rates {50, 100, 100, 100,
/// 100} give mean 90, population stdev 20, threshold 90 - 1.9 * 20 = 52) and the
/// proto defaults (volume 100, 5 hosts, failure percentage 85% over 50 requests).
@Suite struct OutlierStatisticalTests {
    /// Sends `requests` responses to `host`, `successes` of them successful,
    /// with the failures (500s) spread evenly among them.
    static func load(_ detector: inout OutlierDetector, host: Int, requests: Int, successes: Int, at now: Nanoseconds, rng: inout SplitMix64) {
        let failures = requests - successes
        for index in 0..<requests {
            let failed = (index + 1) * failures / requests > index * failures / requests
            _ = detector.record(host: host, outcome: failed ? .serverError : .success, now: now, using: &rng)
        }
    }

    static func sweep(_ detector: inout OutlierDetector, at now: Nanoseconds, rng: inout SplitMix64) -> [OutlierEvent] {
        var events: [OutlierEvent] = []
        detector.sweep(now: now, into: &events, using: &rng)
        return events
    }

    /// No consecutive-5xx ejections, so only the statistics act.
    static func config(_ change: (inout OutlierDetectionConfig) -> Void = { _ in }) -> OutlierDetectionConfig {
        var config = OutlierDetectionConfig(consecutive5xx: 0, maxEjectionPercent: 20)
        change(&config)
        return config
    }

    @Test func envoysWorkedExampleEjectsTheHostBelow52Percent() {
        var rng = SplitMix64(seed: 1)
        var detector = OutlierDetector(config: Self.config(), hostCount: 5)
        Self.load(&detector, host: 0, requests: 100, successes: 50, at: .seconds(5), rng: &rng)
        for host in 1..<5 { Self.load(&detector, host: host, requests: 100, successes: 100, at: .seconds(5), rng: &rng) }
        let events = Self.sweep(&detector, at: .seconds(10), rng: &rng)
        #expect(events == [.ejected(host: 0, cause: .successRate, until: .seconds(40))])
        #expect(detector.successRateStatistics == SuccessRateStatistics(meanPercent: 90, thresholdPercent: 52))
    }

    @Test func hostAtTheThresholdIsNotAnOutlier() {
        // Rates {60, 100 x 4}: mean 92, stdev 16, threshold 92 - 1.9 * 16 = 61.6 > 60: ejected.
        // With factor 2500: 92 - 40 = 52 < 60: kept. Ejection needs rate < threshold.
        for (factor, ejected) in [(1900, true), (2500, false)] {
            var rng = SplitMix64(seed: 1)
            var detector = OutlierDetector(config: Self.config { $0.successRateStdevFactorThousandths = factor }, hostCount: 5)
            Self.load(&detector, host: 0, requests: 100, successes: 60, at: .seconds(1), rng: &rng)
            for host in 1..<5 { Self.load(&detector, host: host, requests: 100, successes: 100, at: .seconds(1), rng: &rng) }
            #expect(!Self.sweep(&detector, at: .seconds(10), rng: &rng).isEmpty == ejected)
        }
    }

    @Test func hostsBelowTheRequestVolumeDoNotTakePartAndTooFewHostsMeanNoDetection() {
        var rng = SplitMix64(seed: 1)
        var detector = OutlierDetector(config: Self.config(), hostCount: 5)
        Self.load(&detector, host: 0, requests: 100, successes: 0, at: .seconds(1), rng: &rng)
        for host in 1..<4 { Self.load(&detector, host: host, requests: 100, successes: 100, at: .seconds(1), rng: &rng) }
        Self.load(&detector, host: 4, requests: 99, successes: 99, at: .seconds(1), rng: &rng)
        // Four hosts with 100 requests < successRateMinimumHosts 5.
        #expect(Self.sweep(&detector, at: .seconds(10), rng: &rng) == [])
        #expect(detector.successRateStatistics == nil)
    }

    @Test func onlyTheIntervalJustEndedCounts() {
        var rng = SplitMix64(seed: 1)
        var detector = OutlierDetector(config: Self.config(), hostCount: 5)
        // Interval 1: host 0 at 50%, but only four hosts have traffic: no detection.
        Self.load(&detector, host: 0, requests: 100, successes: 50, at: .seconds(1), rng: &rng)
        for host in 1..<4 { Self.load(&detector, host: host, requests: 100, successes: 100, at: .seconds(1), rng: &rng) }
        #expect(Self.sweep(&detector, at: .seconds(10), rng: &rng) == [])
        #expect(detector.successRateStatistics == nil)
        // Interval 2: everyone healthy. Carried over, host 0 would be at 75% and ejected.
        for host in 0..<5 { Self.load(&detector, host: host, requests: 100, successes: 100, at: .seconds(11), rng: &rng) }
        #expect(Self.sweep(&detector, at: .seconds(20), rng: &rng) == [])
        #expect(detector.successRateStatistics == SuccessRateStatistics(meanPercent: 100, thresholdPercent: 100))
    }

    @Test func ejectedHostsAreLeftOutOfTheStatistics() {
        var rng = SplitMix64(seed: 1)
        var detector = OutlierDetector(config: Self.config { $0.consecutive5xx = 5; $0.maxEjectionPercent = 50 }, hostCount: 6)
        _ = (0..<5).map { _ in detector.record(host: 5, outcome: .serverError, now: .zero, using: &rng) }
        #expect(detector.isEjected(host: 5))
        Self.load(&detector, host: 5, requests: 100, successes: 0, at: .seconds(1), rng: &rng)
        for host in 0..<5 { Self.load(&detector, host: host, requests: 100, successes: 100, at: .seconds(1), rng: &rng) }
        #expect(Self.sweep(&detector, at: .seconds(10), rng: &rng) == [])
        #expect(detector.successRateStatistics == SuccessRateStatistics(meanPercent: 100, thresholdPercent: 100))
    }

    @Test func failurePercentageIsOffByDefaultAndEjectsAt85PercentWhenEnforced() {
        for enforcing in [0, 100] {
            var rng = SplitMix64(seed: 1)
            let config = Self.config { $0.enforcingSuccessRatePercent = 0; $0.enforcingFailurePercentagePercent = enforcing }
            var detector = OutlierDetector(config: config, hostCount: 5)
            Self.load(&detector, host: 0, requests: 60, successes: 9, at: .seconds(1), rng: &rng)   // 85% failing
            Self.load(&detector, host: 1, requests: 60, successes: 10, at: .seconds(1), rng: &rng)  // 83.3% failing
            for host in 2..<5 { Self.load(&detector, host: host, requests: 50, successes: 50, at: .seconds(1), rng: &rng) }
            let events = Self.sweep(&detector, at: .seconds(10), rng: &rng)
            #expect(events == (enforcing == 0 ? [] : [.ejected(host: 0, cause: .failurePercentage, until: .seconds(40))]))
        }
    }

    @Test func sweepReportsReturnsBeforeNewEjections() {
        var rng = SplitMix64(seed: 1)
        var detector = OutlierDetector(config: Self.config { $0.consecutive5xx = 5; $0.maxEjectionPercent = 40 }, hostCount: 5)
        _ = (0..<5).map { _ in detector.record(host: 4, outcome: .serverError, now: .zero, using: &rng) }
        Self.load(&detector, host: 0, requests: 100, successes: 50, at: .seconds(25), rng: &rng)
        for host in 1..<5 { Self.load(&detector, host: host, requests: 100, successes: 100, at: .seconds(25), rng: &rng) }
        // Host 4 returns first and takes part: the same worked example as above.
        #expect(Self.sweep(&detector, at: .seconds(30), rng: &rng)
            == [.unejected(host: 4), .ejected(host: 0, cause: .successRate, until: .seconds(60))])
    }
}
