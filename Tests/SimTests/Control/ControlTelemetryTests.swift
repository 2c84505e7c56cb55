import Testing
@testable import Sim

/// The telemetry pipeline by itself: scrapes that arrive after the lag, the
/// window a decision aggregates over, lost scrapes, and exact latency merging.
@Suite struct ControlTelemetryTests {
    /// A tap fed one window per second for `seconds`, `requests` a second with
    /// `errors` failing, scraped every `scrape` seconds and arriving `lag` later.
    static func fed(seconds: Int, scrape: Int, lag: Int, requests: Double = 10, errors: Double = 1,
                    lost: (Int) -> Bool = { _ in false }) -> TelemetryTap {
        var tap = TelemetryTap(entity: 0, service: -1, wantsLatency: false)
        for second in 1...seconds {
            tap.accumulate(requests: requests, errors: errors, busyArea: 0, capacityArea: 0)
            if second % scrape == 0 {
                tap.scrape(now: .seconds(Int64(second)), arrivesAt: .seconds(Int64(second + lag)), lost: lost(second),
                           instancesUp: 3, instancesProvisioned: 4)
            }
        }
        return tap
    }

    @Test func aDecisionSeesOnlyScrapesThatHaveArrivedAndSaysHowOldTheyAre() throws {
        var tap = Self.fed(seconds: 60, scrape: 5, lag: 20)
        // At 60 s the newest arrived scrape is the one taken at 40 s: 20 s old.
        let observed = tap.observe(now: .seconds(60), window: .seconds(15), scrapeInterval: .seconds(5))
        let seen = try #require(observed)
        #expect(seen.newestScrapeAt == .seconds(40))
        #expect(seen.staleness == .seconds(20))
        // The window (25 s, 40 s]: three scrapes of 5 s x 10 requests.
        #expect(seen.samples == 3 && seen.expectedSamples == 3)
        #expect(seen.requests == 150 && seen.errors == 15)
        #expect(seen.successRatio == 0.9)
        #expect(seen.requestRatePerSecond == 10)
        #expect(seen.instancesUp == 3 && seen.instancesProvisioned == 4)
        #expect(seen.freshnessText == "20s old, 3/3 scrapes")
        // Nothing has arrived before the first scrape's lag is over.
        var early = Self.fed(seconds: 20, scrape: 5, lag: 20)
        let none = early.observe(now: .seconds(20), window: .seconds(15), scrapeInterval: .seconds(5))
        #expect(none == nil)
    }

    @Test func lostScrapesLeaveHolesTheObservationCounts() throws {
        var tap = Self.fed(seconds: 60, scrape: 5, lag: 0, lost: { $0 == 50 || $0 == 55 })
        let observed = tap.observe(now: .seconds(60), window: .seconds(20), scrapeInterval: .seconds(5))
        let seen = try #require(observed)
        #expect(seen.samples == 2 && seen.expectedSamples == 4)
        #expect(seen.requests == 100)
        // The rate is over the time the arrived scrapes cover, not the window.
        #expect(seen.requestRatePerSecond == 10)
    }

    @Test func notBeforeHidesDataGatheredBeforeTheLastChange() throws {
        var tap = Self.fed(seconds: 60, scrape: 5, lag: 0)
        // A change applied at 48 s: only intervals starting at or after it count (the one ending at 55 and at 60).
        let observed = tap.observe(now: .seconds(60), window: .seconds(30), scrapeInterval: .seconds(5), notBefore: .seconds(48))
        let seen = try #require(observed)
        #expect(seen.samples == 2)
        #expect(seen.coveredFrom == .seconds(48))
    }

    @Test func theBurnRateAlertConsumesEachArrivedScrapeOnce() {
        var tap = Self.fed(seconds: 30, scrape: 5, lag: 10)
        var seen: [SimTime] = []
        tap.consumeArrived(now: .seconds(25), window: .seconds(10)) { seen.append($0.scrapedAt) }
        #expect(seen == [.seconds(5), .seconds(10), .seconds(15)])
        tap.consumeArrived(now: .seconds(40), window: .seconds(10)) { seen.append($0.scrapedAt) }
        #expect(seen == [.seconds(5), .seconds(10), .seconds(15), .seconds(20), .seconds(25), .seconds(30)])
    }

    @Test func windowP99IsThePercentileOfEveryRequestNotAnAverageOfPercentiles() throws {
        // Scrape 1: 99 fast requests (1 ms) and 1 slow (1 s); scrape 2: 100 at 10 ms.
        var first = LogHistogram(), second = LogHistogram(), all = LogHistogram()
        for _ in 0..<99 { first.record(1_000_000); all.record(1_000_000) }
        first.record(1_000_000_000); all.record(1_000_000_000)
        for _ in 0..<100 { second.record(10_000_000); all.record(10_000_000) }
        var a = LatencySketch(), b = LatencySketch()
        a.add(first); a.seal()
        b.add(second); b.seal()
        let merged = try #require(LatencySketch.quantile(0.99, of: [a, b]))
        #expect(merged == all.quantile(0.99))
        #expect(LatencySketch.quantile(0.5, of: [a, b]) == all.quantile(0.5))
        #expect(LatencySketch.quantile(0.99, of: []) == nil)
    }

    @Test func adaptiveWeightsScoreDampAndMeasureMoves() {
        let spec = AdaptiveRoutingSpec(gain: 2, minimumRequests: 10)
        func seen(_ requests: Double, _ errors: Double) -> TelemetryObservation {
            TelemetryObservation(requests: requests, errors: errors, latencyP99: nil, utilisationPercent: .nan, requestRatePerSecond: .nan,
                                 instancesUp: 1, instancesProvisioned: 1, samples: 1, expectedSamples: 1, newestScrapeAt: .zero,
                                 coveredFrom: .zero, staleness: .zero)
        }
        // 90% success squared; too few requests to judge scores 1; no data scores 1.
        let scores = AdaptiveWeights.scores([seen(100, 10), seen(5, 5), nil], spec: spec)
        #expect(abs(scores[0] - 0.81) < 1e-12 && scores[1] == 1 && scores[2] == 1)
        // Shares of the scores, with a floor.
        #expect(AdaptiveWeights.goal(scores: [1, 3], minWeightPercent: 0) == [25, 75])
        #expect(AdaptiveWeights.goal(scores: [0, 1], minWeightPercent: 10) == [10, 90])
        #expect(AdaptiveWeights.goal(scores: [0, 0], minWeightPercent: 0) == [50, 50])
        // Damping 0.7 keeps 70% of the old weight.
        let next = AdaptiveWeights.damped(current: [50, 50], goal: [0, 100], damping: 0.7)
        #expect(abs(next[0] - 35) < 1e-9 && abs(next[1] - 65) < 1e-9)
        #expect(abs(AdaptiveWeights.largestMove(from: [50, 50], to: next) - 15) < 1e-9)
        #expect(AdaptiveWeights.text(names: ["a", "b"], basisPoints: [3501, 6499]) == "a 35.01%, b 64.99%")
    }
}
