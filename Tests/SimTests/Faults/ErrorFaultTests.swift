import Testing
@testable import Sim

/// Faults that fail requests: `errors` by class, `failFirst`, `blackHole`, a
/// `badRelease` of one version, and a ramped error rate. Shares are compared
/// with the configured rate within a 99.9% binomial interval over the requests
/// measured; outside the span nothing fails at all.
@Suite struct ErrorFaultTests {
    static let failureMetrics: [Metric] = [.failTimeout, .failServerError, .failOverloaded, .failThrottled, .failConnection, .failClientError]

    @Test(arguments: zip([OutcomeClass.serverError, .overloaded, .throttled], [Metric.failServerError, .failOverloaded, .failThrottled]))
    func errorFaultFailsItsPercentWithItsClassOnlyInsideTheSpan(errorClass: OutcomeClass, metric: Metric) throws {
        let fault = FaultSpec(kind: .errors, target: "api", start: .seconds(20), duration: .seconds(20), percent: 25, errorClass: errorClass)
        let r = try FaultWorld.run(FaultWorld.spec(faults: [fault]))
        let n = r.finished("client:web", Windows.during)
        let share = r.total("client:web", metric, Windows.during) / n
        #expect(abs(share - 0.25) <= Tolerance.share(0.25, n: n), "\(errorClass): \(share) of \(n)")
        // Only that class, only in the span, and the service records the same failures.
        #expect(r.total("client:web", .failures) == r.total("client:web", metric, Windows.during))
        for other in Self.failureMetrics where other != metric { #expect(r.total("client:web", other) == 0) }
        #expect(r.total("service:api", metric) == r.total("client:web", metric))
    }

    @Test func failFirstFailsExactlyTheFirstCountRequestsAfterTheStart() throws {
        let fault = FaultSpec(kind: .failFirst, target: "api", start: .seconds(20), duration: .seconds(20), errorClass: .overloaded, count: 50)
        let r = try FaultWorld.run(FaultWorld.spec(faults: [fault]))
        #expect(r.total("client:web", .failures) == 50)
        #expect(r.total("client:web", .failOverloaded) == 50)
        // At 100 req/s the 50th arrival after 20 s comes before 22 s: P(Poisson(200) < 50) < 1e-30.
        #expect(r.total("client:web", .failures, 20..<22) == 50)
        // Refused at the door, before any work: the service counts the failures but no work for them.
        #expect(r.total("service:api", .failOverloaded) == 50)
        #expect(r.total("service:api", .goodput) == r.total("service:api", .successes))
    }

    @Test func blackHoleSwallowsRequestsUntilTheCallerTimesOut() throws {
        let fault = FaultSpec(kind: .blackHole, target: "api", start: .seconds(20), duration: .seconds(10))
        let spec = FaultWorld.spec(services: [FaultWorld.api(timeout: .ms(200))], faults: [fault])
        let r = try FaultWorld.run(spec)
        // Every request that arrives in [20 s, 30 s) gets no answer and times out 200 ms later;
        // nothing else fails.
        let swallowed = r.total("client:web", .offered, 20..<30)
        #expect(swallowed > 0)
        #expect(r.total("client:web", .failTimeout, 20..<31) == swallowed)
        #expect(r.total("client:web", .failures) == swallowed)
        #expect(r.minimum("client:web", .latencyMsP50, 21..<30) >= 200 * 0.99)
        #expect(r.maximum("client:web", .latencyMsP50, 21..<30) <= 200 * 1.01)
        #expect(r.total("service:api", .successes, 21..<30) == 0)
        // The service records each swallowed request as a timeout (with no latency: no answer).
        #expect(r.total("service:api", .failTimeout) == swallowed)
        #expect(r.total("service:api", .failures) == swallowed)
        #expect(r.maximum("client:web", .latencyMsP50, 31..<60) <= 10 * 1.01)
    }

    static func twoVersions() -> ServiceSpec {
        FaultWorld.api(versions: [VersionSpec(name: "v1"), VersionSpec(name: "v2")])
    }

    @Test func badReleaseHitsOnlyItsVersion() throws {
        let fault = FaultSpec(kind: .badRelease, target: "api@v2", start: .seconds(20), duration: .seconds(20),
                              addedLatency: .constant(.ms(40)), percent: 30)
        let r = try FaultWorld.run(FaultWorld.spec(services: [Self.twoVersions()], clients: [FaultWorld.client(rateRps: 200)], faults: [fault]))
        let n = r.finished("version:api@v2", Windows.during)
        let share = r.total("version:api@v2", .failures, Windows.during) / n
        #expect(abs(share - 0.3) <= Tolerance.share(0.3, n: n), "v2 failed \(share) of \(n)")
        #expect(r.total("version:api@v1", .failures) == 0)
        #expect(r.total("version:api@v2", .failures) == r.total("version:api@v2", .failures, Windows.during))
        // Every client failure is a v2 failure.
        #expect(r.total("client:web", .failServerError) == r.total("version:api@v2", .failServerError))
        // v2 is 40 ms slower (failed requests too: they fail after the work), v1 is untouched.
        #expect(r.minimum("version:api@v2", .latencyMsP50, 21..<40) >= 50 * 0.99)
        #expect(r.maximum("version:api@v2", .latencyMsP50, 21..<40) <= 50 * 1.01)
        #expect(r.maximum("version:api@v1", .latencyMsP99, Windows.during) <= 10 * 1.01)
        #expect(r.maximum("version:api@v2", .latencyMsP50, 41..<60) <= 10 * 1.01)
    }

    @Test func rampedErrorRateRisesLinearlyToItsPercent() throws {
        // 100% with a 20 s ramp from 20 s, lasting to the end: strength (t - 20 s) / 20 s, full from 40 s.
        let fault = FaultSpec(kind: .errors, target: "api", start: .seconds(20), duration: .seconds(40), ramp: .seconds(20), percent: 100)
        let r = try FaultWorld.run(FaultWorld.spec(faults: [fault]))
        #expect(r.total("client:web", .failures, Windows.before) == 0)
        // The share is drawn when the work ends, so a window's mean strength is its midpoint's.
        // Trials with unequal p have variance sum p(1-p) <= n pbar(1-pbar): the binomial bound covers it.
        for (windows, expected) in [(20..<30, 0.25), (30..<40, 0.75)] {
            let n = r.finished("client:web", windows)
            let share = r.total("client:web", .failures, windows) / n
            #expect(abs(share - expected) <= Tolerance.share(expected, n: n), "windows \(windows): \(share) of \(n)")
        }
        #expect(r.total("client:web", .successes, Windows.after) == 0)
    }
}
