import Testing
@testable import Sim

/// Faults on the workload and on caches: a traffic surge (with and without a
/// ramp) and a cache flush in both cache modes.
@Suite struct WorkloadFaultTests {
    /// Poisson arrivals: a count over a span is within 99.9% bounds of rate x time.
    static func expectCount(_ r: Recording, _ entity: String, _ windows: Range<Int>, rateRps: Double,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = rateRps * Double(windows.count)
        let measured = r.total(entity, .offered, windows)
        #expect(abs(measured - expected) <= Tolerance.poisson(expected), "\(entity) offered \(measured) in \(windows), expected \(expected)",
                sourceLocation: sourceLocation)
    }

    @Test func surgeMultipliesOnlyItsClientsRateInsideTheSpan() throws {
        let clients = [FaultWorld.client("web"), FaultWorld.client("other")]
        let fault = FaultSpec(kind: .surge, target: "client:web", start: .seconds(20), duration: .seconds(20), multiplier: 3)
        let r = try FaultWorld.run(FaultWorld.spec(clients: clients, faults: [fault]))
        Self.expectCount(r, "client:web", Windows.before, rateRps: 100)
        Self.expectCount(r, "client:web", Windows.during, rateRps: 300)
        Self.expectCount(r, "client:web", Windows.after, rateRps: 100)
        Self.expectCount(r, "client:other", Windows.during, rateRps: 100)
    }

    @Test func rampedSurgeRisesLinearly() throws {
        // x3 with a 10 s ramp: rate 100 (1 + 2 (t - 20) / 10) over [20, 30): mean 200; then 300.
        let fault = FaultSpec(kind: .surge, target: "client:web", start: .seconds(20), duration: .seconds(20), ramp: .seconds(10), multiplier: 3)
        let r = try FaultWorld.run(FaultWorld.spec(faults: [fault]))
        Self.expectCount(r, "client:web", 20..<25, rateRps: 150)
        Self.expectCount(r, "client:web", 25..<30, rateRps: 250)
        Self.expectCount(r, "client:web", 30..<40, rateRps: 300)
        Self.expectCount(r, "client:web", Windows.after, rateRps: 100)
    }

    @Test func conditionalSurgeMultipliesOnlyTheMatchingKeys() throws {
        // Keys 0..<100 uniform; x3 on keys [0, 50): 100 (0.5 x 3 + 0.5) = 200 req/s during the span.
        // An errors fault on the same keys for the whole run marks which requests matched:
        // 150 of 200 fail during the span (share 0.75), 50 of 100 outside it.
        let keys = KeySpec(count: 100)
        let surge = FaultSpec(kind: .surge, target: "client:web", start: .seconds(20), duration: .seconds(20), multiplier: 3,
                              condition: FaultConditionSpec(keyFrom: 0, keyTo: 50))
        let marker = FaultSpec(kind: .errors, target: "api", condition: FaultConditionSpec(keyFrom: 0, keyTo: 50))
        let r = try FaultWorld.run(FaultWorld.spec(clients: [FaultWorld.client(keys: keys)], faults: [surge, marker]))
        Self.expectCount(r, "client:web", Windows.before, rateRps: 100)
        Self.expectCount(r, "client:web", Windows.during, rateRps: 200)
        Self.expectCount(r, "client:web", Windows.after, rateRps: 100)
        for (windows, expected) in [(Windows.before, 0.5), (Windows.during, 0.75), (Windows.after, 0.5)] {
            let n = r.total("client:web", .offered, windows)
            let share = r.total("client:web", .failures, windows) / n
            #expect(abs(share - expected) <= Tolerance.share(expected, n: n), "windows \(windows): \(share) of \(n) failed")
        }
    }

    @Test func conditionalSurgeBelowOneRemovesTheMatchingPriorityAndComposesWithAPlainSurge() throws {
        // Two classes, half each. x0 on class 1 over [20, 40) and a plain x2 over [30, 50):
        // class 1 is gone in [20, 40) (rate 50, then 100 in [30, 40)), the plain surge doubles all of [40, 50).
        let priorities = PriorityMix(percents: [50, 50])
        let drop = FaultSpec(kind: .surge, target: "client:web", start: .seconds(20), duration: .seconds(20), multiplier: 0,
                             condition: FaultConditionSpec(priorities: [1]))
        let plain = FaultSpec(kind: .surge, target: "client:web", start: .seconds(30), duration: .seconds(20), multiplier: 2)
        let marker = FaultSpec(kind: .errors, target: "api", condition: FaultConditionSpec(priorities: [1]))
        let r = try FaultWorld.run(FaultWorld.spec(clients: [FaultWorld.client(priorities: priorities)], faults: [drop, plain, marker]))
        Self.expectCount(r, "client:web", 20..<30, rateRps: 50)
        Self.expectCount(r, "client:web", 30..<40, rateRps: 100)
        Self.expectCount(r, "client:web", 40..<50, rateRps: 200)
        #expect(r.total("client:web", .failures, 21..<40) == 0)  // a request sent just before 20 s ends 10 ms later
        let n = r.total("client:web", .offered, 40..<50)
        let share = r.total("client:web", .failures, 40..<50) / n
        #expect(abs(share - 0.5) <= Tolerance.share(0.5, n: n), "\(share) of \(n) in class 1 after the drop")
    }

    static func cache(_ cache: CacheSpec) -> [ServiceSpec] {
        var front = FaultWorld.api(name: "cache", kind: .cache, calls: [.call(CallSpec(target: "db"))])
        front.cache = cache
        return [front, FaultWorld.api(name: "db", kind: .database)]
    }

    @Test func cacheFlushInHitRatioModeDropsTheHitRatioToZeroAndRefills() throws {
        let services = Self.cache(CacheSpec(mode: .hitRatio, hitRatioPercent: 90, refillTime: .seconds(20)))
        let fault = FaultSpec(kind: .cacheFlush, target: "cache", start: .seconds(20))
        let r = try FaultWorld.run(FaultWorld.spec(services: services, clients: [FaultWorld.client(target: "cache")], faults: [fault]))
        // Miss share = share of cache requests that reach the db: 10% before; after the flush
        // 1 - 0.9 (t - 20) / 20, averaging 0.775 over [20, 30) and 0.325 over [30, 40); 10% again after.
        for (windows, expected) in [(Windows.before, 0.1), (20..<30, 0.775), (30..<40, 0.325), (Windows.after, 0.1)] {
            let n = r.total("service:cache", .offered, windows)
            let share = r.total("service:db", .offered, windows) / n
            #expect(abs(share - expected) <= Tolerance.share(expected, n: n), "windows \(windows): \(share) of \(n)")
        }
    }

    @Test func cacheFlushInKeyedModeMissesEveryKeyOnceMore() throws {
        let services = Self.cache(CacheSpec(mode: .keyed, capacity: 1_000, ttl: .minutes(10)))
        let clients = [FaultWorld.client(target: "cache", keys: KeySpec(count: 100))]
        let fault = FaultSpec(kind: .cacheFlush, target: "cache", start: .seconds(30))
        let r = try FaultWorld.run(FaultWorld.spec(services: services, clients: clients, faults: [fault]))
        // 100 keys at 1 req/s each: every key is cached within seconds (P(a key unseen for 20 s) = e^-20),
        // so nothing reaches the db in [20, 30). A flush sends each key to the db once more. A second
        // request for a key while its miss is in flight (20 ms: P ~ 2%) also misses: duplicates are
        // Poisson with mean ~2 per 100 keys, at most 9 with P > 1 - 1e-4.
        #expect(r.total("service:db", .offered, 20..<30) == 0)
        let before = r.total("service:db", .offered, 0..<30), afterFlush = r.total("service:db", .offered, 30..<60)
        #expect(before >= 100 && before <= 109, "\(before) misses before the flush")
        #expect(afterFlush >= 100 && afterFlush <= 109, "\(afterFlush) misses after the flush")
        #expect(r.total("service:db", .offered, 30..<40) == afterFlush)
    }
}
