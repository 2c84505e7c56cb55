import Testing
@testable import Policy

/// Host picking with optional Envoy-style outlier ejection: an ejected host
/// leaves load balancing; when ejection leaves no eligible host the pipeline
/// picks among the eligible ones anyway (Envoy's panic routing), and every
/// ejection is reported once through `drainEvents`.
@Suite struct PipelineHostTests {
    static func ejecting(maxEjectionPercent: Int = 50) -> ClientPipelineConfig {
        ClientPipelineConfig(order: [.retry], retry: PipelineFixtures.retry(1), ejectOutliers: true,
                             outlierDetection: OutlierDetectionConfig(consecutive5xx: 2, maxEjectionPercent: maxEjectionPercent))
    }

    /// `count` round-robin picks over `hosts` hosts, all eligible.
    static func picks(_ pipeline: inout ClientPipeline, hosts: Int, count: Int, rng: inout SplitMix64) -> [Int?] {
        (0..<count).map { _ in pipeline.pickHost(hostCount: hosts, isEligible: { _ in true }, outstanding: { _ in 0 }, using: &rng) }
    }

    /// Reports `outcome` from `host` for a fresh one-attempt call at `now`.
    static func answer(_ pipeline: inout ClientPipeline, host: Int, _ outcome: OutcomeClass, at now: Nanoseconds, rng: inout SplitMix64) throws {
        var call = pipeline.startCall(now: now, deadline: .max, using: &rng).state
        let ticket = try pipeline.send(&call, [(.first, now)], using: &rng)[0]
        _ = pipeline.finishAttempt(&call, ticket: ticket, host: host, now: now, outcome: outcome, latency: .zero, retryAfter: nil, using: &rng)
        pipeline.finishCall(&call, now: now, outcome: outcome, latency: .zero)
    }

    /// Two 5xx from each of `hosts` hosts (enough to eject each, if the cap allows).
    static func failTwice(_ pipeline: inout ClientPipeline, hosts: Int, rng: inout SplitMix64) throws {
        _ = picks(&pipeline, hosts: hosts, count: 1, rng: &rng)
        for host in 0..<hosts {
            try answer(&pipeline, host: host, .serverError, at: .seconds(1), rng: &rng)
            try answer(&pipeline, host: host, .serverError, at: .seconds(1), rng: &rng)
        }
    }

    /// Power of two choices among hosts all eligible, without ejection, is
    /// answered before the general pick: it must pick what the general pick
    /// (scanning, or with ejection on and nobody ejected) picks, from the same
    /// draws, for any host count and load (ties keep the first draw).
    @Test(arguments: [0, 1, 2, 3, 9])
    func directTwoChoicesPicksWhatTheGeneralPickPicks(hosts: Int) throws {
        func pipeline(ejecting: Bool) throws -> ClientPipeline {
            try ClientPipeline(config: ClientPipelineConfig(order: [.retry], retry: PipelineFixtures.retry(1),
                                                            loadBalancer: LoadBalancerConfig(kind: .powerOfTwoChoices),
                                                            ejectOutliers: ejecting))
        }
        var direct = try pipeline(ejecting: false)
        var scanned = try pipeline(ejecting: false)
        var ejecting = try pipeline(ejecting: true)
        var inlined = try pipeline(ejecting: false)
        #expect(direct.picksTwoChoicesDirectly && !ejecting.picksTwoChoicesDirectly)
        var rngDirect = Xoshiro256StarStar(seed: 5), rngScanned = Xoshiro256StarStar(seed: 5), rngEjecting = Xoshiro256StarStar(seed: 5)
        var rngInlined = Xoshiro256StarStar(seed: 5)
        var loadRng = SplitMix64(seed: UInt64(hosts))
        var mismatches = 0
        var chosen: [Int: Int] = [:]
        for _ in 0..<2_000 {
            let load = (0..<hosts).map { _ in Int(loadRng.nextBelow(3)) }
            let a = direct.pickHost(hostCount: hosts, allEligible: true, isEligible: { _ in true }, outstanding: { load[$0] }, using: &rngDirect)
            let b = scanned.pickHost(hostCount: hosts, isEligible: { _ in true }, outstanding: { load[$0] }, using: &rngScanned)
            let c = ejecting.pickHost(hostCount: hosts, allEligible: true, isEligible: { _ in true }, outstanding: { load[$0] },
                                      using: &rngEjecting)
            // The inlinable entry point, as the simulator calls it: the direct pick, else the general one.
            let d = inlined.pickTwoChoicesIfDirect(hostCount: hosts, allEligible: true, outstanding: { load[$0] }, using: &rngInlined)
                ?? inlined.pickHost(hostCount: hosts, allEligible: true, isEligible: { _ in true }, outstanding: { load[$0] }, using: &rngInlined)
            if a != b || a != c || a != d || direct.balancer.cursor != scanned.balancer.cursor
                || inlined.balancer.cursor != direct.balancer.cursor { mismatches += 1 }
            if let a { chosen[a, default: 0] += 1 }
        }
        #expect(mismatches == 0)
        // The same number of draws: the generators are at the same point.
        let nextDraws = [rngDirect.next(), rngScanned.next(), rngEjecting.next(), rngInlined.next()]
        #expect(Set(nextDraws).count == 1)
        #expect(chosen.count == hosts)  // every host gets picked
    }

    /// The inlinable pick answers only its own case, and otherwise draws nothing.
    @Test func directPickDeclinesOtherCasesWithoutDrawing() throws {
        func pipeline(_ kind: LoadBalancerConfig.Kind, ejecting: Bool) throws -> ClientPipeline {
            try ClientPipeline(config: ClientPipelineConfig(order: [.retry], retry: PipelineFixtures.retry(1),
                                                            loadBalancer: LoadBalancerConfig(kind: kind), ejectOutliers: ejecting))
        }
        var twoChoices = try pipeline(.powerOfTwoChoices, ejecting: false)
        var ejecting = try pipeline(.powerOfTwoChoices, ejecting: true)
        var roundRobin = try pipeline(.roundRobin, ejecting: false)
        var rng = Xoshiro256StarStar(seed: 9)
        let declined = [
            twoChoices.pickTwoChoicesIfDirect(hostCount: 3, allEligible: false, outstanding: { _ in 0 }, using: &rng),
            twoChoices.pickTwoChoicesIfDirect(hostCount: 1, allEligible: true, outstanding: { _ in 0 }, using: &rng),
            ejecting.pickTwoChoicesIfDirect(hostCount: 3, allEligible: true, outstanding: { _ in 0 }, using: &rng),
            roundRobin.pickTwoChoicesIfDirect(hostCount: 3, allEligible: true, outstanding: { _ in 0 }, using: &rng),
        ]
        #expect(declined == [nil, nil, nil, nil])
        var untouched = Xoshiro256StarStar(seed: 9)
        #expect(rng.next() == untouched.next())
        // Host 1 has less outstanding than host 0: of the two drawn, the less loaded wins.
        let picked = twoChoices.pickTwoChoicesIfDirect(hostCount: 2, allEligible: true, outstanding: { $0 == 1 ? 0 : 5 }, using: &rng)
        #expect(picked == 1)
        #expect(twoChoices.balancer.cursor == 1)
    }

    @Test func ejectedHostLeavesTheRotationUntilASweepReturnsIt() throws {
        var pipeline = try ClientPipeline(config: Self.ejecting())
        var rng = SplitMix64(seed: 5)
        #expect(Self.picks(&pipeline, hosts: 3, count: 3, rng: &rng) == [0, 1, 2])
        try Self.answer(&pipeline, host: 1, .serverError, at: .seconds(1), rng: &rng)
        try Self.answer(&pipeline, host: 1, .overloaded, at: .seconds(2), rng: &rng)
        #expect(pipeline.outliers.isEjected(host: 1))
        #expect(Self.picks(&pipeline, hosts: 3, count: 4, rng: &rng) == [0, 2, 0, 2])
        // Base ejection time 30 s x 1: back at the first sweep at or after 32 s.
        pipeline.sweepOutliers(now: .seconds(30), hostCount: 3, using: &rng)
        #expect(pipeline.outliers.isEjected(host: 1))
        pipeline.sweepOutliers(now: .seconds(32), hostCount: 3, using: &rng)
        #expect(Self.picks(&pipeline, hosts: 3, count: 3, rng: &rng) == [0, 1, 2])
        var events: [PipelineEvent] = []
        pipeline.drainEvents(into: &events)
        #expect(events == [PipelineEvent(time: .seconds(2), kind: .ejected(host: 1, cause: "consecutive5xx", until: .seconds(32))),
                           PipelineEvent(time: .seconds(32), kind: .unejected(host: 1))])
        #expect(events.map(\.category) == ["ejection", "ejection"])
        #expect(events.map(\.to) == ["ejected", "in rotation"])
    }

    @Test func withEveryEligibleHostEjectedItStillPicks() throws {
        var pipeline = try ClientPipeline(config: Self.ejecting(maxEjectionPercent: 100))
        var rng = SplitMix64(seed: 5)
        try Self.failTwice(&pipeline, hosts: 2, rng: &rng)
        #expect(pipeline.outliers.ejectedCount == 2)
        #expect(Self.picks(&pipeline, hosts: 2, count: 3, rng: &rng) == [1, 0, 1])
        // Panic mode keeps honouring eligibility: host 1 is not eligible.
        let onlyZero = pipeline.pickHost(hostCount: 2, isEligible: { $0 == 0 }, outstanding: { _ in 0 }, using: &rng)
        #expect(onlyZero == 0)
        #expect(pipeline.pickHost(hostCount: 2, isEligible: { _ in false }, outstanding: { _ in 0 }, using: &rng) == nil)
    }

    @Test func ejectionIsCappedByMaxEjectionPercent() throws {
        var pipeline = try ClientPipeline(config: Self.ejecting(maxEjectionPercent: 50))
        var rng = SplitMix64(seed: 5)
        try Self.failTwice(&pipeline, hosts: 2, rng: &rng)
        #expect(pipeline.outliers.ejectedCount == 1)
        #expect(Self.picks(&pipeline, hosts: 2, count: 2, rng: &rng) == [1, 1])
    }

    @Test func eventsAreDrainedExactlyOnce() throws {
        var pipeline = try ClientPipeline(config: Self.ejecting())
        var rng = SplitMix64(seed: 5)
        _ = Self.picks(&pipeline, hosts: 4, count: 1, rng: &rng)
        try Self.answer(&pipeline, host: 3, .connectionError, at: .ms(7), rng: &rng)
        try Self.answer(&pipeline, host: 3, .timeout, at: .ms(9), rng: &rng)
        #expect(pipeline.hasEvents)
        var buffer: [PipelineEvent] = []
        pipeline.drainEvents(into: &buffer)
        pipeline.drainEvents(into: &buffer)
        #expect(buffer == [PipelineEvent(time: .ms(9), kind: .ejected(host: 3, cause: "consecutive5xx", until: .ms(30_009)))])
        #expect(!pipeline.hasEvents)
        #expect(buffer[0].cause == "consecutive5xx (until 30.009s)")
    }

    @Test func withoutEjectionOutcomesDoNotTouchTheDetector() throws {
        var config = Self.ejecting()
        config.ejectOutliers = false
        var pipeline = try ClientPipeline(config: config)
        var rng = SplitMix64(seed: 5)
        for _ in 0..<5 { try Self.answer(&pipeline, host: 0, .serverError, at: .seconds(1), rng: &rng) }
        #expect(Self.picks(&pipeline, hosts: 2, count: 2, rng: &rng) == [0, 1])
        #expect(pipeline.outliers.hostCount == 0)
        #expect(!pipeline.needsOutlierSweeps)
        #expect(!pipeline.hasEvents)
    }

    @Test func anOutcomeFromAHostOutsideThePoolIsIgnored() throws {
        var pipeline = try ClientPipeline(config: Self.ejecting())
        var rng = SplitMix64(seed: 5)
        _ = Self.picks(&pipeline, hosts: 2, count: 1, rng: &rng)
        // The pool shrank to two after host 4 was picked: its answers have nowhere to go.
        try Self.answer(&pipeline, host: 4, .serverError, at: .seconds(1), rng: &rng)
        try Self.answer(&pipeline, host: 4, .serverError, at: .seconds(1), rng: &rng)
        #expect(pipeline.outliers.hostCount == 2)
        #expect(pipeline.outliers.ejectedCount == 0)
        #expect(!pipeline.hasEvents)
    }
}
