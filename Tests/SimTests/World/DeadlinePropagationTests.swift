import Testing
@testable import Sim

/// `deadlines: propagate` on a service: its dependency calls inherit the
/// request's deadline, and it fails requests already past their deadline
/// (on arrival or when they leave the queue) without working on them.
@Suite struct DeadlinePropagationTests {
    /// web -> api -> db, the client giving up after `deadline`; api and db use `mode`.
    static func spec(mode: ServiceSpec.DeadlineMode, deadline: SimTime, db: ServiceSpec, rateRps: Double,
                     network: NetworkSpec = .defaultValue) -> WorldSpec {
        var api = FaultWorld.api(calls: [.call(CallSpec(target: "db"))])
        api.concurrency = 1_000
        api.queueCapacity = 0
        api.deadlines = mode
        var db = db
        db.deadlines = mode
        var client = FaultWorld.client(rateRps: rateRps)
        client.deadline = deadline
        return WorldSpec(duration: .seconds(60), services: [api, db], clients: [client], network: network)
    }

    /// One db instance, 4 slots of 10 ms: 400 requests/s, with room to queue.
    static let slowDB = ServiceSpec(name: "db", instances: 1, concurrency: 4, queueCapacity: 100_000,
                                    serviceTime: .constant(.ms(10)), policy: FaultWorld.oneAttempt())

    @Test func anOverloadLeavesNoBacklogOfDeadRequestsBehind() throws {
        // 500 req/s for 30 s into a db that serves 400/s (FIFO), then 300 req/s.
        var overload = Self.spec(mode: .ignore, deadline: .ms(500), db: Self.slowDB, rateRps: 500)
        overload.clients[0].rate = RateSchedule(kind: .step, points: [.init(at: .zero, rateRps: 500), .init(at: .seconds(30), rateRps: 300)])
        var propagating = overload
        for s in propagating.services.indices { propagating.services[s].deadlines = .propagate }
        let ignored = try FaultWorld.run(overload)
        let propagated = try FaultWorld.run(propagating)
        #expect(ignored.total("client:web", .offered, 0..<60) == propagated.total("client:web", .offered, 0..<60))

        // Ignoring deadlines, the db builds a backlog of about 3,000 requests whose
        // clients gave up: it works through it for 15 s after the overload, and every
        // answer in that time is too late.
        #expect(ignored.total("client:web", .successes, 31..<45) == 0)
        #expect(ignored.total("client:web", .offered, 31..<45) > 4_000)
        #expect(ignored.total("service:db", .failTimeout, 0..<60) == 0)
        // Propagating, the db fails what has expired in its queue without working on it
        // (about the 100 a second of excess), so the queue never holds more than a
        // deadline's worth: the first second after the overload, every request succeeds.
        #expect(propagated.total("client:web", .failures, 31..<59) == 0)
        #expect(propagated.total("client:web", .successes, 31..<59) > 8_000)
        let expired = propagated.total("service:db", .failTimeout, 5..<30)
        #expect(expired > 0.8 * 100 * 25 && expired < 1.2 * 100 * 25, "expired \(expired)")
        // The api -> db calls stop waiting at the request's deadline.
        #expect(propagated.total("edge:api->db", .failTimeout, 5..<30) > 0)
        #expect(ignored.total("edge:api->db", .failTimeout, 0..<60) == 0)
    }

    @Test func aRequestArrivingPastItsDeadlineIsRefusedWithoutWork() throws {
        // 30 ms each way: a request reaches api at 30 ms, leaves it at 40 ms and reaches db
        // at 70 ms, 20 ms after the client's 50 ms deadline.
        var network = NetworkSpec.defaultValue
        network.latency = .constant(.ms(30))
        let fast = ServiceSpec(name: "db", instances: 2, concurrency: 16, serviceTime: .constant(.ms(10)), policy: FaultWorld.oneAttempt())
        let ignoring = try FaultWorld.run(Self.spec(mode: .ignore, deadline: .ms(50), db: fast, rateRps: 100, network: network))
        let propagating = try FaultWorld.run(Self.spec(mode: .propagate, deadline: .ms(50), db: fast, rateRps: 100, network: network))
        let all = 0..<59
        let arrived = propagating.total("service:db", .offered, all)
        #expect(arrived > 5_000)
        #expect(propagating.total("service:db", .failTimeout, all) == arrived)
        #expect(propagating.total("service:db", .goodput, all) + propagating.total("service:db", .wastedWork, all) == 0)
        #expect(propagating.mean("service:db", .utilisation, all) == 0)
        // Ignoring deadlines, the db does every request's work.
        #expect(ignoring.total("service:db", .failures, all) == 0)
        #expect(ignoring.total("service:db", .successes, all) > 5_000)
        #expect(ignoring.mean("service:db", .utilisation, all) > 0)
    }
}
