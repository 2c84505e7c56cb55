import Testing
@testable import Sim

/// Faults scoped to some requests: a key range, a version, a priority class,
/// one instance, one edge. The requests the fault does not match are
/// measured to be untouched, exactly.
@Suite struct ConditionalFaultTests {
    static func failAll(target: String = "api", condition: FaultConditionSpec = .defaultValue) -> FaultSpec {
        FaultSpec(kind: .errors, target: target, start: .seconds(20), duration: .seconds(20), percent: 100, condition: condition)
    }

    @Test func keyRangeConditionHitsOnlyThoseKeys() throws {
        // "hot" draws keys 0..<100 (all inside [0, 100)); "all" draws 0..<1000 uniformly (10% inside).
        let clients = [FaultWorld.client("hot", rateRps: 50, keys: KeySpec(count: 100)),
                       FaultWorld.client("all", rateRps: 100, keys: KeySpec(count: 1_000))]
        let fault = Self.failAll(condition: FaultConditionSpec(keyFrom: 0, keyTo: 100))
        let r = try FaultWorld.run(FaultWorld.spec(clients: clients, faults: [fault]))
        #expect(r.total("client:hot", .successes, 20..<40) == 0)
        #expect(r.total("client:hot", .failures, 20..<40) == r.finished("client:hot", 20..<40))
        let n = r.finished("client:all", Windows.during)
        let share = r.total("client:all", .failures, Windows.during) / n
        #expect(abs(share - 0.1) <= Tolerance.share(0.1, n: n), "keys 0..<100 of 1000: \(share) of \(n)")
        for client in ["client:hot", "client:all"] {
            #expect(r.total(client, .failures) == r.total(client, .failures, Windows.during))
        }
    }

    @Test func keyRangeConditionAppliesToLatencyToo() throws {
        let clients = [FaultWorld.client("hot", rateRps: 50, keys: KeySpec(count: 100)),
                       FaultWorld.client("cold", rateRps: 50, keys: KeySpec(count: 1_000))]
        // Keys 0..<100 are 50 ms slower: every hot request; 10% of cold ones (so its p50 stays, its p99 moves).
        let fault = FaultSpec(kind: .latency, target: "api", start: .seconds(20), duration: .seconds(20), addedLatency: .constant(.ms(50)),
                              condition: FaultConditionSpec(keyTo: 100))
        let r = try FaultWorld.run(FaultWorld.spec(clients: clients, faults: [fault]))
        #expect(r.minimum("client:hot", .latencyMsP50, 21..<40) >= 60 * 0.99)
        #expect(r.maximum("client:cold", .latencyMsP50, 21..<40) <= 10 * 1.01)
        // p99.9 of a window of ~50 cold requests is its slowest: 60 ms unless none of them had a
        // key below 100 (P = 0.9^50 = 0.5%). The mean over 19 windows stays above 40 ms unless 8 or
        // more windows had none: P < 1e-12.
        #expect(r.mean("client:cold", .latencyMsP999, 21..<40) > 40)
    }

    @Test func priorityConditionHitsOnlyThatClass() throws {
        let clients = [FaultWorld.client("interactive", rateRps: 50, priorities: PriorityMix(percents: [100])),
                       FaultWorld.client("batch", rateRps: 50, priorities: PriorityMix(percents: [0, 100]))]
        let r = try FaultWorld.run(FaultWorld.spec(clients: clients, faults: [Self.failAll(condition: FaultConditionSpec(priorities: [1]))]))
        #expect(r.total("client:interactive", .failures) == 0)
        #expect(r.total("client:batch", .successes, 20..<40) == 0)
        #expect(r.total("client:batch", .failures) == r.finished("client:batch", 20..<40))
    }

    @Test func versionConditionHitsOnlyThatVersion() throws {
        let service = FaultWorld.api(versions: [VersionSpec(name: "v1"), VersionSpec(name: "v2")])
        let r = try FaultWorld.run(FaultWorld.spec(services: [service], faults: [Self.failAll(condition: FaultConditionSpec(version: "v2"))]))
        #expect(r.total("version:api@v1", .failures) == 0)
        #expect(r.total("version:api@v2", .successes, 20..<40) == 0)
        #expect(r.total("version:api@v2", .failures) == r.finished("version:api@v2", 20..<40))
        #expect(r.finished("version:api@v2", 20..<40) > 0)
    }

    @Test func instanceTargetHitsOnlyThatInstance() throws {
        // Round robin alternates between the two instances, so exactly every other request
        // (one more or less) goes to api/0.
        let r = try FaultWorld.run(FaultWorld.spec(faults: [Self.failAll(target: "api/0")]))
        let n = r.finished("client:web", 20..<40)
        let failed = r.total("client:web", .failures, 20..<40)
        #expect(abs(failed - n / 2) <= 1, "\(failed) of \(n)")
        #expect(r.total("client:web", .failures) == failed)
    }

    @Test func edgeTargetHitsOnlyThatCaller() throws {
        let services = [FaultWorld.api(calls: [.call(CallSpec(target: "db"))]),
                        FaultWorld.api(name: "worker", calls: [.call(CallSpec(target: "db"))]),
                        FaultWorld.api(name: "db", kind: .database)]
        let clients = [FaultWorld.client("web", target: "api", rateRps: 50), FaultWorld.client("jobs", target: "worker", rateRps: 50)]
        let r = try FaultWorld.run(FaultWorld.spec(services: services, clients: clients, faults: [Self.failAll(target: "api->db")]))
        #expect(r.total("edge:api->db", .successes, 20..<40) == 0)
        #expect(r.total("edge:api->db", .failures) == r.finished("edge:api->db", 20..<40))
        #expect(r.total("edge:worker->db", .failures) == 0)
        #expect(r.total("client:jobs", .failures) == 0)
        // The failed required call fails the api request.
        #expect(r.total("client:web", .failServerError) == r.total("edge:api->db", .failures))
    }
}
