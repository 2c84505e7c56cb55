import Testing
@testable import Sim

/// Per-try timeouts kept aside in their edge's `PendingTimers` must change
/// nothing but the number of events handled: every live timeout fires where
/// its own event would have, ties included.
@Suite struct PerTryTimerTests {
    static func spec(serviceTime: DurationDistributionSpec, perTry: SimTime, rateRps: Double, deadline: SimTime = .seconds(1)) -> WorldSpec {
        var policy = ClientPipelineConfig()
        policy.retry = RetryConfig(maxAttempts: 3, perTryTimeout: perTry, deadline: deadline,
                                   backoff: BackoffConfig(kind: .exponential, base: .ms(5), multiplier: 2, cap: .ms(50), jitter: .full))
        return WorldSpec(
            duration: .seconds(20),
            services: [
                ServiceSpec(name: "api", instances: 2, concurrency: 4, serviceTime: .exponential(mean: .ms(2)),
                            calls: [.call(CallSpec(target: "db"))], policy: policy),
                ServiceSpec(name: "db", instances: 1, concurrency: 8, queueCapacity: 64, serviceTime: serviceTime, policy: policy),
            ],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(rateRps))])
    }

    static func run(_ spec: WorldSpec, aside: Bool) throws -> (recording: Recording, events: UInt64, peakPendingTimers: Int) {
        var engine = try World.engine(spec: spec, seed: 3)
        if !aside { engine.model.queueEveryPerTryTimeout() }
        // Run in 10 ms steps to see the most timers an edge ever held.
        var pending = 0
        var until = SimTime.zero
        while until < spec.duration {
            until = until + .ms(10)
            _ = engine.run(until: until)
            for edge in engine.model.edges.indices { pending = max(pending, engine.model.edges[edge].timeouts.count) }
        }
        return (engine.model.finishRecording(at: spec.duration), engine.eventsProcessed, pending)
    }

    /// Overloaded db with a spread of service times: many live timeouts and
    /// retries, and many more answers that beat their timeout.
    @Test func timersAsideGiveTheSameRecordingWithFewerEvents() throws {
        let spec = Self.spec(serviceTime: .exponential(mean: .ms(12)), perTry: .ms(20), rateRps: 650)
        let queued = try Self.run(spec, aside: false)
        let aside = try Self.run(spec, aside: true)
        let same = queued.recording == aside.recording
        #expect(same)
        let timeouts = sum(aside.recording, "edge:api->db", .failTimeout)
        let successes = sum(aside.recording, "edge:api->db", .successes)
        #expect(timeouts > 100)
        #expect(successes > 5_000)
        // Each answer that beat its timeout left a stale timer, handled only queued.
        #expect(aside.events < queued.events)
        #expect(queued.events - aside.events > UInt64(successes) / 2)
    }

    /// Constant service time equal to the timeout: every answer ties with
    /// its timeout to the nanosecond, and the timeout, set first, wins. A
    /// timer armed under a later key would let the answers win instead.
    @Test func aTimeoutThatTiesWithItsAnswerStillFiresFirst() throws {
        let spec = Self.spec(serviceTime: .constant(.ms(20)), perTry: .ms(20), rateRps: 100)
        let queued = try Self.run(spec, aside: false)
        let aside = try Self.run(spec, aside: true)
        let same = queued.recording == aside.recording
        #expect(same)
        #expect(sum(aside.recording, "edge:api->db", .successes) == 0)
        #expect(sum(aside.recording, "edge:api->db", .failTimeout) > 1_000)
    }

    /// A 5 s timeout at 650 requests/s leaves about 3,250 timers set on an
    /// edge at any time, nearly all stale: compaction keeps the edge's
    /// queue near twice the live ones, and changes nothing else.
    @Test func compactionBoundsTheTimersAndChangesNothing() throws {
        let spec = Self.spec(serviceTime: .exponential(mean: .ms(5)), perTry: .seconds(5), rateRps: 650, deadline: .seconds(10))
        let queued = try Self.run(spec, aside: false)
        let aside = try Self.run(spec, aside: true)
        let same = queued.recording == aside.recording
        #expect(same)
        #expect(aside.peakPendingTimers > 900)
        #expect(aside.peakPendingTimers <= PendingTimers<AttemptHandle>.minimumCompaction)
        #expect(queued.peakPendingTimers == 0)
        #expect(queued.events - aside.events > 10_000)
    }
}
