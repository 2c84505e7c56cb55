import Testing
@testable import Sim

func sum(_ recording: Recording, _ entity: String, _ metric: Metric) -> Double {
    recording.series.first { $0.entity == entity && $0.metric == metric.rawValue }!.values.filter { !$0.isNaN }.reduce(0, +)
}

func last(_ recording: Recording, _ entity: String, _ metric: Metric) -> Double {
    recording.series.first { $0.entity == entity && $0.metric == metric.rawValue }!.values.last!
}

@Suite struct WorldSmokeTests {
    static func threeTier(rateRps: Double = 200) -> WorldSpec {
        WorldSpec(
            duration: .seconds(60),
            services: [
                ServiceSpec(name: "api", instances: 2, concurrency: 8, serviceTime: .exponential(mean: .ms(5)),
                            calls: [.call(CallSpec(target: "db"))]),
                ServiceSpec(name: "db", instances: 1, concurrency: 16, serviceTime: .lognormal(median: .ms(10), p99: .ms(40))),
            ],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(rateRps))])
    }

    /// An attempt's number is kept in 16 bits: a spec built in code (the
    /// scenario validator allows 1...100) past that is refused by name.
    @Test func attemptsPerCallBeyondSixteenBitsIsRefused() throws {
        var spec = Self.threeTier()
        spec.limits.maxAttemptsPerCall = 32_768
        #expect(throws: WorldBuildError(path: "limits.maxAttemptsPerCall", message: "expected 1...32767, got 32768")) {
            try World(spec: spec, seed: 1)
        }
        spec.limits.maxAttemptsPerCall = 32_767
        #expect(try World(spec: spec, seed: 1).spec.limits.maxAttemptsPerCall == 32_767)
    }

    /// A job counts its step and pending calls in 16 bits: a spec built in
    /// code with 32,767 steps (the validator allows 1,000) is refused, not trapped on.
    @Test func callStepsBeyondSixteenBitsAreRefused() throws {
        var spec = Self.threeTier()
        spec.services[0].calls = Array(repeating: .call(CallSpec(target: "db")), count: 32_767)
        #expect(throws: WorldBuildError(path: "services[0].calls", message: "expected fewer than 32767 steps and calls per step")) {
            try World(spec: spec, seed: 1)
        }
        // A version's own calls are named by the version's path.
        var version = VersionSpec(name: "v2")
        version.calls = spec.services[0].calls
        spec.services[0].calls = []
        spec.services[0].versions = [VersionSpec(name: "v1"), version]
        #expect(throws: WorldBuildError(path: "services[0].versions[1].calls", message: "expected fewer than 32767 steps and calls per step")) {
            try World(spec: spec, seed: 1)
        }
    }

    @Test func everyRequestEndsExactlyOnceOrIsStillInFlight() throws {
        let result = try Simulation.run(Self.threeTier(), seed: 1)
        #expect(result.stopReason == .reachedEndTime)
        let r = result.recording
        #expect(r.windowCount == 60)
        let offered = sum(r, "client:web", .offered)
        let ended = sum(r, "client:web", .successes) + sum(r, "client:web", .failures)
        #expect(offered == ended + last(r, "client:web", .inFlight))
        // About 200/s for 60 s: Poisson, 4 sd = 440.
        #expect(abs(offered - 12_000) < 440)
        // Light load: everything succeeds.
        #expect(sum(r, "client:web", .failures) == 0)
        // Every api request made one db call, and the edges balance.
        #expect(sum(r, "edge:api->db", .offered) == sum(r, "service:db", .offered))
        #expect(sum(r, "edge:web->api", .attempts) == sum(r, "service:api", .offered))
    }

    @Test func sameSeedSameBytesDifferentSeedDifferent() throws {
        let a = try Simulation.run(Self.threeTier(), seed: 7, trace: TraceDigest())
        let b = try Simulation.run(Self.threeTier(), seed: 7, trace: TraceDigest())
        let c = try Simulation.run(Self.threeTier(), seed: 8, trace: TraceDigest())
        #expect(a.trace == b.trace)
        let identical = a.recording == b.recording
        #expect(identical)
        #expect(a.trace != c.trace)
    }
}

@Suite struct AttemptLimitTests {
    /// Retries that would send more attempts per call than `limits.maxAttemptsPerCall`
    /// stop the run and name the limit, instead of sending them.
    @Test func moreAttemptsPerCallThanTheLimitStopTheRunNamingIt() throws {
        var policy = ClientPipelineConfig()
        policy.retry = RetryConfig(maxAttempts: 5, perTryTimeout: .seconds(1), deadline: .seconds(10),
                                   backoff: BackoffConfig(kind: .constant, base: .ms(1), jitter: BackoffConfig.Jitter.none))
        func spec(limit: Int) -> WorldSpec {
            WorldSpec(duration: .seconds(10),
                      services: [ServiceSpec(name: "api", instances: 1, concurrency: 8, serviceTime: .constant(.ms(1)),
                                             errors: ErrorRatesSpec(serverErrorPercent: 100), policy: policy)],
                      clients: [ClientSpec(name: "web", target: "api", rate: .constant(10))],
                      limits: LimitsSpec(maxAttemptsPerCall: limit))
        }
        let stopped = try Simulation.run(spec(limit: 3), seed: 1)
        #expect(stopped.stopReason == .limit(.model(name: "maxAttemptsPerCall", bound: 3)))
        // The first call fails three times in ~3 ms and its fourth attempt is refused: the run ends in the first window.
        #expect(stopped.simulatedTime < .seconds(1))
        let allowed = try Simulation.run(spec(limit: 5), seed: 1)
        #expect(allowed.stopReason == .reachedEndTime)
        #expect(sum(allowed.recording, "edge:web->api", .attempts) == 5 * sum(allowed.recording, "edge:web->api", .offered))
    }
}
