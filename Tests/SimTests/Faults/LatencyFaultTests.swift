import Testing
@testable import Sim

/// `latency` faults: added latency (constant or a distribution), a service-time
/// multiplier, a database latency spike and a ramp. Service time is a constant
/// 10 ms and nothing queues, so a request's latency is exactly 10 ms plus what
/// the fault adds; percentiles are read within the histogram's 1%.
@Suite struct LatencyFaultTests {
    static func latencyFault(_ added: DurationDistributionSpec = .constant(.zero), multiplier: Double = 1, target: String = "api",
                             ramp: SimTime = .zero) -> FaultSpec {
        FaultSpec(kind: .latency, target: target, start: .seconds(20), duration: .seconds(20), ramp: ramp, addedLatency: added,
                  latencyMultiplier: multiplier)
    }

    /// Every window's p50 within 1% of `expected` ms.
    static func expectP50(_ r: Recording, _ entity: String, _ windows: Range<Int>, _ expected: Double,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        let low = r.minimum(entity, .latencyMsP50, windows), high = r.maximum(entity, .latencyMsP50, windows)
        #expect(low >= expected * (1 - Tolerance.histogram) && high <= expected * (1 + Tolerance.histogram),
                "p50 in windows \(windows) spans \(low)...\(high) ms, expected \(expected)", sourceLocation: sourceLocation)
    }

    @Test func constantAddedLatencyShiftsEveryPercentileByItOnlyInsideTheSpan() throws {
        let r = try FaultWorld.run(FaultWorld.spec(faults: [Self.latencyFault(.constant(.ms(50)))]))
        Self.expectP50(r, "client:web", Windows.before, 10)
        Self.expectP50(r, "client:web", Windows.during, 60)
        Self.expectP50(r, "client:web", Windows.after, 10)
        // Windows wholly inside or outside (the boundary windows hold a few requests of each kind):
        // the whole distribution moved, so p99 equals p50.
        #expect(r.maximum("client:web", .latencyMsP99, 21..<40) <= 60 * 1.01)
        #expect(r.minimum("client:web", .latencyMsP99, 21..<40) >= 60 * 0.99)
        #expect(r.maximum("client:web", .latencyMsP99, 41..<60) <= 10 * 1.01)
        // Latency alone fails nothing.
        #expect(r.total("client:web", .failures) == 0)
    }

    @Test func addedLatencyFromADistributionShiftsThePercentilesByItsQuantiles() throws {
        let r = try FaultWorld.run(FaultWorld.spec(faults: [Self.latencyFault(.uniform(low: .ms(30), high: .ms(70)))]))
        // Latency during = 10 + U(30, 70) ms: p50 60 ms, p90 76 ms. The mean of 19 whole windows of
        // ~100 sample quantiles each: sd sqrt(q(1-q)/n)/f; nearest rank adds at most one sample gap (40/100 ms).
        let windows = 21..<40
        for (metric, q, expected) in [(Metric.latencyMsP50, 0.5, 60.0), (.latencyMsP90, 0.9, 76.0)] {
            let sampling = Tolerance.z * (q * (1 - q) / (100 * Double(windows.count))).squareRoot() * 40
            let tolerance = sampling + 0.4 + expected * Tolerance.histogram
            let measured = r.mean("client:web", metric, windows)
            #expect(abs(measured - expected) <= tolerance, "\(metric) \(measured) ms, expected \(expected) ± \(tolerance)")
        }
        // p100 of the window cannot exceed 10 + 70 ms; p50 outside is untouched.
        #expect(r.maximum("client:web", .latencyMsP999, Windows.during) <= 80 * 1.01)
        Self.expectP50(r, "client:web", 0..<20, 10)
        Self.expectP50(r, "client:web", 41..<60, 10)
    }

    @Test func latencyMultiplierScalesServiceTime() throws {
        let r = try FaultWorld.run(FaultWorld.spec(faults: [Self.latencyFault(multiplier: 3)]))
        Self.expectP50(r, "client:web", Windows.before, 10)
        Self.expectP50(r, "client:web", Windows.during, 30)
        Self.expectP50(r, "client:web", Windows.after, 10)
    }

    @Test func databaseLatencySpikeShowsOnTheEdgeAndTheCaller() throws {
        let services = [FaultWorld.api(serviceTime: .constant(.ms(5)), calls: [.call(CallSpec(target: "db"))]),
                        FaultWorld.api(name: "db", serviceTime: .constant(.ms(5)), kind: .database)]
        let r = try FaultWorld.run(FaultWorld.spec(services: services, faults: [Self.latencyFault(.constant(.ms(100)), target: "db")]))
        // The api->db call: 5 ms, 105 ms during the spike; the client sees api's 5 ms on top.
        Self.expectP50(r, "edge:api->db", Windows.before, 5)
        Self.expectP50(r, "edge:api->db", Windows.during, 105)
        Self.expectP50(r, "edge:api->db", Windows.after, 5)
        Self.expectP50(r, "client:web", Windows.during, 110)
        Self.expectP50(r, "client:web", Windows.after, 10)
        // The db's own latency (measured at the db) includes the spike: it is slower work, not a slow network.
        Self.expectP50(r, "service:db", 21..<40, 105)
    }

    @Test func rampedLatencyGrowsLinearlyToFullStrength() throws {
        let r = try FaultWorld.run(FaultWorld.spec(faults: [Self.latencyFault(.constant(.ms(100)), ramp: .seconds(10))]))
        // Strength at t is (t - 20 s) / 10 s, so latency x(t) = 10 + 10 (t - 20) ms. Window 20 + k
        // holds the requests that finish in it: their median started x before the window's
        // middle, so x = 10 + 10 (k + 0.5 - x / 1000), x = (10 + 10 (k + 0.5)) / 1.01.
        // The median of ~100 uniform arrival times has sd 1 s / (2 sqrt(100)) = 50 ms (0.5 ms of
        // latency); nearest rank moves it by at most one arrival gap, 10 ms (0.1 ms of latency).
        for k in 0..<10 {
            let expected = (10 + 10 * (Double(k) + 0.5)) / 1.01
            let tolerance = Tolerance.z * 0.5 + 0.1 + expected * Tolerance.histogram
            let measured = r.series("client:web", .latencyMsP50)[20 + k]
            #expect(abs(measured - expected) <= tolerance, "window \(20 + k): p50 \(measured) ms, expected \(expected) ± \(tolerance)")
        }
        Self.expectP50(r, "client:web", 31..<40, 110)
        Self.expectP50(r, "client:web", Windows.after, 10)
    }
}
