import Testing
@testable import Sim

/// A service's `split` in the simulation: rules route by the request's
/// attributes (client-set, `client`, `priority`) before the weights, and
/// dependency calls carry the attributes on; shadows receive fire-and-forget
/// copies that load their version but never reach the caller.
@Suite struct SplitRoutingTests {
    static let everything = 0..<60

    /// "api" with v1 (all the weight) and v2 (none), the split's `rules` and `shadows`, and `policy` for its callers.
    static func api(name: String = "api", rules: [RouteRule] = [], shadows: [ShadowTarget] = [],
                    policy: ClientPipelineConfig = FaultWorld.oneAttempt()) -> ServiceSpec {
        var service = FaultWorld.api(name: name, versions: [VersionSpec(name: "v1"), VersionSpec(name: "v2")])
        service.split = TrafficSplitConfig(targets: [SplitTarget(name: "v1", weightPercent: 100), SplitTarget(name: "v2", weightPercent: 0)],
                                           rules: rules, shadows: shadows)
        service.policy = policy
        return service
    }

    static func client(_ name: String, target: String = "api", rateRps: Double, attributes: [RouteAttributeSpec] = [],
                       priorities: PriorityMix = .defaultValue) -> ClientSpec {
        var client = FaultWorld.client(name, target: target, rateRps: rateRps, priorities: priorities)
        client.attributes = attributes
        return client
    }

    @Test func aRuleSendsItsCohortToAVersionWithNoWeight() throws {
        let rule = RouteRule(attribute: "cohort", values: ["beta"], target: "v2")
        let clients = [Self.client("web", rateRps: 100), Self.client("beta", rateRps: 20, attributes: [RouteAttributeSpec(name: "cohort", value: "beta")])]
        let r = try FaultWorld.run(FaultWorld.spec(services: [Self.api(rules: [rule])], clients: clients, faults: []))
        let beta = r.total("client:beta", .offered, Self.everything)
        #expect(beta > 1_000)
        // Every beta request and nothing else reaches v2: the weights give it none.
        #expect(r.total("version:api@v2", .offered, Self.everything) == beta)
        #expect(r.total("version:api@v1", .offered, Self.everything) == r.total("client:web", .offered, Self.everything))
    }

    @Test func theBuiltInClientAndPriorityAttributesMatch() throws {
        let byClient = RouteRule(attribute: "client", values: ["batch"], target: "v2")
        let clients = [Self.client("web", rateRps: 100), Self.client("batch", rateRps: 30)]
        let r = try FaultWorld.run(FaultWorld.spec(services: [Self.api(rules: [byClient])], clients: clients, faults: []))
        #expect(r.total("version:api@v2", .offered, Self.everything) == r.total("client:batch", .offered, Self.everything))

        // Class 1 of a 70/30 mix goes to v2.
        let byPriority = RouteRule(attribute: "priority", values: ["1"], target: "v2")
        let mixed = [Self.client("web", rateRps: 100, priorities: PriorityMix(percents: [70, 30]))]
        let p = try FaultWorld.run(FaultWorld.spec(services: [Self.api(rules: [byPriority])], clients: mixed, faults: []))
        let n = p.total("client:web", .offered, Self.everything)
        let share = p.total("version:api@v2", .offered, Self.everything) / n
        #expect(abs(share - 0.3) <= Tolerance.share(0.3, n: n), "v2 got \(share) of \(n)")
    }

    @Test func dependencyCallsCarryTheirRequestsAttributes() throws {
        // The clients call "edge"; edge calls api, whose rule routes the beta cohort.
        let edge = FaultWorld.api(name: "edge", calls: [.call(CallSpec(target: "api"))])
        let rule = RouteRule(attribute: "cohort", values: ["beta"], target: "v2")
        let clients = [Self.client("web", target: "edge", rateRps: 100),
                       Self.client("beta", target: "edge", rateRps: 20, attributes: [RouteAttributeSpec(name: "cohort", value: "beta")])]
        let r = try FaultWorld.run(FaultWorld.spec(services: [edge, Self.api(rules: [rule])], clients: clients, faults: []))
        let beta = r.total("client:beta", .offered, Self.everything)
        // Arrivals in the last 10 ms have not reached api yet: at most a few per client.
        #expect(abs(r.total("version:api@v2", .offered, Self.everything) - beta) <= 3)
        #expect(r.total("version:api@v2", .offered, Self.everything) <= beta)
        #expect(r.total("version:api@v2", .offered, Self.everything) > 1_000)
        #expect(r.total("version:api@v1", .offered, Self.everything) <= r.total("client:web", .offered, Self.everything))
        #expect(r.total("version:api@v1", .offered, Self.everything) >= r.total("client:web", .offered, Self.everything) - 5)
    }

    @Test func aShadowLoadsItsVersionButItsFailuresNeverReachTheCaller() throws {
        // v2 fails everything, yet receives a copy of every request.
        let broken = FaultSpec(kind: .badRelease, target: "api@v2", start: .zero, percent: 100)
        let service = Self.api(shadows: [ShadowTarget(name: "v2", percent: 100)])
        let r = try FaultWorld.run(FaultWorld.spec(services: [service], clients: [Self.client("web", rateRps: 100)], faults: [broken]))
        let offered = r.total("client:web", .offered, Self.everything)
        #expect(r.total("client:web", .failures, Self.everything) == 0)
        #expect(r.total("version:api@v2", .offered, Self.everything) == offered)
        #expect(r.total("version:api@v1", .offered, Self.everything) == offered)
        #expect(r.total("version:api@v2", .failures, Self.everything) == r.finished("version:api@v2", Self.everything))
        // The copies are not the edge's attempts, and their answers are not wasted work.
        #expect(r.total("edge:web->api", .attempts, Self.everything) == offered)
        #expect(r.total("service:api", .offered, Self.everything) == 2 * offered)
        #expect(r.total("service:api", .wastedWork, Self.everything) == 0)
        #expect(r.total("service:api", .goodput, Self.everything) == r.finished("version:api@v1", Self.everything))
    }

    @Test func aPartialShadowCopiesItsShareAndRetriesAreNotMirrored() throws {
        // v1 fails every attempt, so each request makes 3; the 40% shadow copies only the first.
        let broken = FaultSpec(kind: .badRelease, target: "api@v1", start: .zero, percent: 100)
        var retrying = FaultWorld.oneAttempt()
        retrying.retry = RetryConfig(maxAttempts: 3, perTryTimeout: .max, deadline: .max)
        let service = Self.api(shadows: [ShadowTarget(name: "v2", percent: 40)], policy: retrying)
        let r = try FaultWorld.run(FaultWorld.spec(services: [service], clients: [Self.client("web", rateRps: 200)], faults: [broken]))
        let offered = r.total("client:web", .offered, Self.everything)
        let share = r.total("version:api@v2", .offered, Self.everything) / offered
        #expect(abs(share - 0.4) <= Tolerance.share(0.4, n: offered), "v2 got \(share) of \(offered)")
        #expect(r.total("version:api@v1", .offered, Self.everything) > 2.9 * offered)
    }
}
