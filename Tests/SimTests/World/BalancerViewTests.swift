import Testing
@testable import Sim

/// Least-request balancing decides on what its own policy slot has
/// outstanding to each host, as each Envoy sidecar or client library does,
/// never on the hosts' global load.
@Suite struct BalancerViewTests {
    /// web -> api (20 instances) -> db (2 instances); db/0 answers errors after 50 ms, db/1 succeeds in 1 ms.
    static func run(scope: EdgeSpec.Scope) throws -> Recording {
        var toDB = FaultWorld.oneAttempt()
        toDB.loadBalancer = LoadBalancerConfig(kind: .leastOutstanding)
        var api = FaultWorld.api(instances: 20, serviceTime: .constant(.ms(1)), calls: [.call(CallSpec(target: "db"))])
        api.concurrency = 64
        let db = FaultWorld.api(name: "db", instances: 2, serviceTime: .constant(.ms(1)))
        let slow = FaultSpec(kind: .latency, target: "db/0", start: .zero, addedLatency: .constant(.ms(50)))
        let failing = FaultSpec(kind: .errors, target: "db/0", start: .zero, percent: 100)
        var spec = FaultWorld.spec(services: [api, db], clients: [FaultWorld.client(rateRps: 200)], faults: [slow, failing])
        spec.edges = [EdgeSpec(from: "api", to: "db", policy: toDB, scope: scope)]
        return try FaultWorld.run(spec)
    }

    @Test func sidecarsEachSeeOnlyTheirOwnOutstandingRequests() throws {
        // Every request db/0 gets fails, so the client's failure share is db/0's share of the picks.
        let all = 0..<59
        let shared = try Self.run(scope: .edge)
        let sidecars = try Self.run(scope: .callerInstance)
        let sharedShare = shared.total("client:web", .failures, all) / shared.finished("client:web", all)
        let sidecarShare = sidecars.total("client:web", .failures, all) / sidecars.finished("client:web", all)
        // One shared balancer sees db/0's 50 ms requests pile up and steers away from it.
        #expect(sharedShare < 0.2, "shared \(sharedShare)")
        // Twenty sidecars at 10 requests/s each rarely have one outstanding: their counts
        // tie at 0 and rotate, so db/0 gets about half the picks (0.50009 with seed 1).
        #expect(abs(sidecarShare - 0.5) < 0.05, "sidecars \(sidecarShare)")
    }
}
