import Testing
@testable import Sim

/// Network partitions between two services or two regions, in both modes:
/// calls fail fast with a connection error, or hang until the caller's timeout.
@Suite struct NetworkFaultTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var target: String
        var peer: String
        var mode: NetworkSpec.PartitionMode
        var testDescription: String { "\(target) | \(peer) (\(mode.rawValue))" }
    }

    /// Services and regions, either way round (a partition is symmetric).
    static let cases = [
        Case(target: "api", peer: "db", mode: .fail), Case(target: "region:b", peer: "region:a", mode: .fail),
        Case(target: "db", peer: "api", mode: .hang), Case(target: "region:a", peer: "region:b", mode: .hang),
    ]

    @Test(arguments: cases)
    func partitionFailsOrHangsCallsAcrossItOnly(_ c: Case) throws {
        // web (region a) -> api (a) -> db (b); the api->db edge times out after 200 ms.
        let services = [FaultWorld.api(region: "a", calls: [.call(CallSpec(target: "db"))]),
                        FaultWorld.api(name: "db", kind: .database, region: "b", timeout: .ms(200))]
        let network = NetworkSpec(partitionMode: c.mode, connectFailureDelay: .ms(1))
        let fault = FaultSpec(kind: .partition, target: c.target, peer: c.peer, start: .seconds(20), duration: .seconds(20))
        let r = try FaultWorld.run(FaultWorld.spec(services: services, clients: [FaultWorld.client(region: "a")], network: network, faults: [fault]))
        // No call crosses: the db sees nothing in the span, and every call made in it fails
        // (within the timeout after the span's end).
        #expect(r.total("service:db", .offered, 20..<40) == 0)
        let crossing = r.total("edge:api->db", .offered, 20..<40)
        #expect(crossing > 0)
        // Nor does any answer: calls sent just before the span, whose 10 ms of work ends
        // inside it, fail too (the db records those jobs done in window 20).
        let lostAnswers = r.total("service:db", .successes, 20..<21)
        #expect(lostAnswers == r.total("service:db", .successes, 20..<40))
        let (metric, latencyMs) = c.mode == .fail ? (Metric.failConnection, 1.0) : (.failTimeout, 200.0)
        #expect(r.total("edge:api->db", metric, 20..<41) == crossing + lostAnswers)
        #expect(r.total("edge:api->db", .failures) == crossing + lostAnswers)
        #expect(r.minimum("edge:api->db", .latencyMsP50, 21..<40) >= latencyMs * 0.99)
        #expect(r.maximum("edge:api->db", .latencyMsP50, 21..<40) <= latencyMs * 1.01)
        // The required call failing fails the request (a 5xx); web -> api is not partitioned.
        #expect(r.total("client:web", .failServerError) == crossing + lostAnswers)
        #expect(r.total("client:web", .failures) == crossing + lostAnswers)
        #expect(r.total("service:db", .offered, 41..<60) > 0)
    }

    @Test func aPartitionMayChooseItsOwnMode() throws {
        // The network's mode is fail; the first partition hangs, the second takes the network's.
        let services = [FaultWorld.api(calls: [.call(CallSpec(target: "db"))]), FaultWorld.api(name: "db", timeout: .ms(200))]
        let network = NetworkSpec(partitionMode: .fail, connectFailureDelay: .ms(1))
        let hanging = FaultSpec(kind: .partition, target: "api", peer: "db", start: .seconds(10), duration: .seconds(10), partitionMode: .hang)
        let failing = FaultSpec(kind: .partition, target: "api", peer: "db", start: .seconds(30), duration: .seconds(10))
        let r = try FaultWorld.run(FaultWorld.spec(services: services, network: network, faults: [hanging, failing]))
        // Each span also loses the answers of calls sent just before it (jobs the db finished in its first window).
        let hung = r.total("edge:api->db", .offered, 10..<20) + r.total("service:db", .successes, 10..<11)
        let cut = r.total("edge:api->db", .offered, 30..<40) + r.total("service:db", .successes, 30..<31)
        #expect(hung > 0 && cut > 0)
        #expect(r.total("service:db", .successes, 11..<20) + r.total("service:db", .successes, 31..<40) == 0)
        // Calls across the hanging one wait out their 200 ms timeout; across the other they fail at once.
        #expect(r.total("edge:api->db", .failTimeout) == hung)
        #expect(r.total("edge:api->db", .failConnection) == cut)
        #expect(r.total("edge:api->db", .failures) == hung + cut)
    }

    @Test func answersComingBackWhenAPartitionBeginsAreLost() throws {
        // db works 100 ms per call, so about 10 calls are in progress when the partition
        // begins at 20 s; their answers would cross it, and the calls time out after 1 s.
        let services = [FaultWorld.api(calls: [.call(CallSpec(target: "db"))]),
                        FaultWorld.api(name: "db", serviceTime: .constant(.ms(100)), timeout: .seconds(1))]
        let fault = FaultSpec(kind: .partition, target: "api", peer: "db", start: .seconds(20), duration: .seconds(5), partitionMode: .hang)
        let r = try FaultWorld.run(FaultWorld.spec(services: services, faults: [fault]))
        let lost = r.total("service:db", .successes, 20..<21)
        let crossing = r.total("edge:api->db", .offered, 20..<25)
        #expect(lost >= 3)
        #expect(r.total("service:db", .successes, 21..<25) == 0)
        #expect(r.total("edge:api->db", .failTimeout) == crossing + lost)
        #expect(r.total("edge:api->db", .failures) == crossing + lost)
    }
}
