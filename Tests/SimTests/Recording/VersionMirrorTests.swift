import Testing
@testable import Sim

/// A service's only version sees exactly the service's requests, so the
/// request path records the service alone and the version's series are read
/// from it (`Recorder.mirror`). The reported series must still be the
/// version's own: equal to the service's, and not empty.
@Suite struct VersionMirrorTests {
    @Test func aServicesOnlyVersionReportsTheServicesSeries() throws {
        let spec = BenchmarkWorkload.threeTierSpec(rateRps: 2_000, duration: .seconds(30))
        let result = try Simulation.run(spec, seed: 7)
        func values(_ entity: String, _ metric: Metric) -> [Double] {
            result.recording.series.first { $0.entity == entity && $0.metric == metric.rawValue }?.values ?? []
        }
        for metric in [Metric.offered, .successes, .failures, .failTimeout, .latencyMsP50, .latencyMsP99] {
            let service = values("service:api", metric), version = values("version:api@v1", metric)
            #expect(version.count == 3)
            #expect(version.elementsEqual(service) { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(metric)")
        }
        #expect(values("version:api@v1", .offered).reduce(0, +) > 50_000)
    }

    @Test func onlySingleVersionServicesMirror() throws {
        var spec = BenchmarkWorkload.threeTierSpec(rateRps: 200, duration: .seconds(2))
        spec.services[1].versions = [VersionSpec(name: "v1"), VersionSpec(name: "v2")]
        let world = try World(spec: spec, seed: 1)
        let mirrored = world.versions.map(\.mirrorsService)
        #expect(mirrored == [true, false, false, true, true, true, true])
        // Five single-version services, and the run (one client).
        #expect(world.recorder.mirrorSource.filter { $0 >= 0 }.count == 6)
    }
}

/// With one client, the run entity sees exactly that client's requests: the
/// request path records the client alone and the run's series are read
/// from it. With more, the run is recorded on its own, as their sum.
@Suite struct RunMirrorTests {
    static func values(_ result: RunResult, _ entity: String, _ metric: Metric) -> [Double] {
        result.recording.series.first { $0.entity == entity && $0.metric == metric.rawValue }?.values ?? []
    }

    @Test func aSingleClientsRunReportsTheClientsSeries() throws {
        let spec = BenchmarkWorkload.threeTierSpec(rateRps: 2_000, duration: .seconds(30))
        let world = try World(spec: spec, seed: 7)
        #expect(world.runMirrorsClient && world.recorder.mirrorSource[0] == world.clients[0].entity)
        let result = try Simulation.run(spec, seed: 7)
        for metric in [Metric.offered, .successes, .failures, .failTimeout, .successRatio, .latencyMsP50, .latencyMsP999] {
            let run = Self.values(result, "run", metric), client = Self.values(result, "client:users", metric)
            #expect(run.count == 3)
            #expect(run.elementsEqual(client) { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(metric)")
        }
        #expect(Self.values(result, "run", .offered).reduce(0, +) > 50_000)
    }

    @Test func twoClientsAreSummedInTheRun() throws {
        var spec = BenchmarkWorkload.threeTierSpec(rateRps: 1_000, duration: .seconds(20))
        spec.clients.append(ClientSpec(name: "batch", target: "edge", rate: .constant(500)))
        let world = try World(spec: spec, seed: 3)
        #expect(!world.runMirrorsClient && world.recorder.mirrorSource[0] == -1)
        let result = try Simulation.run(spec, seed: 3)
        let run = Self.values(result, "run", .offered)
        let users = Self.values(result, "client:users", .offered), batch = Self.values(result, "client:batch", .offered)
        #expect(run.count == 2 && run == zip(users, batch).map { $0 + $1 })
        #expect(batch.reduce(0, +) > 5_000)
    }
}
