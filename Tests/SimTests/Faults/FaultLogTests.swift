import Testing
@testable import Sim

/// Every fault kind logs its start and its end in the recording's state-change
/// log, at its configured times, under its target.
@Suite struct FaultLogTests {
    /// A world with something for every kind of target: versions, a cache, a database in another region.
    static func world(_ fault: FaultSpec) -> WorldSpec {
        var cache = FaultWorld.api(name: "cache", kind: .cache, calls: [.call(CallSpec(target: "db"))])
        cache.cache = CacheSpec()
        let services = [FaultWorld.api(calls: [.call(CallSpec(target: "cache"))], versions: [VersionSpec(name: "v1"), VersionSpec(name: "v2")]),
                        cache, FaultWorld.api(name: "db", kind: .database, region: "b")]
        return FaultWorld.spec(services: services, clients: [FaultWorld.client(rateRps: 20)], faults: [fault], duration: .seconds(30))
    }

    static let targets: [FaultSpec.Kind: String] = [
        .latency: "api", .errors: "api", .failFirst: "api", .blackHole: "api->cache", .crash: "api/0", .capacityLoss: "api@v1",
        .partition: "api", .regionOutage: "region:b", .surge: "client:web", .spotPreemption: "api", .coldStart: "api",
        .badRelease: "api@v2", .cacheFlush: "cache",
    ]

    /// Kinds that target controllers: a world without controllers cannot host
    /// them; Tests/SimTests/Control covers their logging and effect.
    static let controlPlaneKinds: Set<FaultSpec.Kind> = [.telemetryLag, .controlPlaneOutage]

    @Test func everyKindHasATestTarget() {
        #expect(Set(Self.targets.keys).union(Self.controlPlaneKinds) == Set(FaultSpec.Kind.allCases))
        #expect(Set(Self.targets.keys).isDisjoint(with: Self.controlPlaneKinds))
    }

    @Test(arguments: FaultSpec.Kind.allCases.filter { !controlPlaneKinds.contains($0) })
    func faultLogsItsStartAndEnd(_ kind: FaultSpec.Kind) throws {
        let fault = FaultSpec(kind: kind, target: Self.targets[kind] ?? "api", peer: "cache", start: .seconds(10), duration: .seconds(10))
        let r = try FaultWorld.run(Self.world(fault))
        let logged = r.events.filter { $0.category == .fault }
        #expect(logged.map(\.time) == [.seconds(10), .seconds(20)])
        #expect(logged.map(\.to) == ["active", "inactive"])
        #expect(logged.allSatisfy { $0.entity == fault.target })
    }
}
