import Testing
@testable import Policy

extension ProductionTests {
    /// The production wrapper makes the simulator's decisions: the same
    /// configuration, seed, outcomes and times give the same attempts, backoff
    /// delays, breaker transitions and final outcomes through `ResilientClient`
    /// (under a manual clock) as through a bare `ClientPipeline` driven the way
    /// `World+Calls.swift` drives it (`PipelineDriver`).
    @Suite struct ResilientClientParityTests {
        /// Retry outside a small count-window breaker, jittered exponential backoff.
        static let config = ClientPipelineConfig(
            order: [.retry, .breaker],
            retry: RetryConfig(maxAttempts: 3, retryOn: .transientFailures, perTryTimeout: .max, deadline: .max,
                               backoff: BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(2), jitter: .full)),
            breaker: CircuitBreakerConfig(slidingWindowSize: 4, minimumNumberOfCalls: 4, failureRateThresholdPercent: 50,
                                          waitInOpen: .seconds(5), permittedCallsInHalfOpen: 2))

        /// When each call starts, and the errors its attempts throw before one succeeds.
        static let script: [(start: Nanoseconds, errors: [OutcomeClass])] = [
            (.zero, []),
            (.seconds(1), [.serverError]),
            (.seconds(2), [.overloaded, .serverError]),
            (.seconds(3), []),
            (.seconds(9), []),
            (.seconds(10), [.serverError, .serverError, .serverError]),
            (.seconds(16), [.connectionError]),
            (.seconds(22), []),
            (.seconds(23), []),
            (.seconds(24), [.clientError]),
        ]

        static let latency = Nanoseconds.ms(20)

        struct Run: Equatable {
            var attempts: [Int] = []
            var delays: [[Nanoseconds]] = []
            var outcomes: [OutcomeClass] = []
            var events: [PipelineEvent] = []
        }

        static func simulated() throws -> Run {
            var driver = try PipelineDriver(config, seed: 11)
            var run = Run()
            for call in script {
                let trace = driver.call(at: call.start, latency: latency) { $0 < call.errors.count ? call.errors[$0] : .success }
                run.attempts.append(trace.sentAt.count)
                run.delays.append(trace.delays)
                run.outcomes.append(trace.outcome)
            }
            run.events = driver.events
            return run
        }

        static func production() async throws -> (Run, ResilienceCounters) {
            let clock = ManualClock()
            let client = try ResilientClient(config: config, generator: SplitMix64(seed: 11), now: { clock.now }, sleep: clock.sleep)
            var run = Run()
            for call in script {
                clock.advance(to: call.start)
                let runs = Counter()
                let sleptBefore = clock.sleeps.count
                let errors = call.errors
                let result = await capture {
                    try await client.execute { () async throws -> Int in
                        let attempt = runs.next()
                        clock.advance(by: latency)
                        if attempt < errors.count { throw ScriptedError(outcomeClass: errors[attempt]) }
                        return attempt
                    }
                }
                run.attempts.append(runs.count)
                run.delays.append(Array(clock.sleeps[sleptBefore...]))
                run.outcomes.append(ResilientClient<SplitMix64>.outcome(of: result))
            }
            run.events = client.drainEvents()
            return (run, client.counters)
        }

        @Test func theSameConfigurationGivesTheSameDecisionsUnderAManualClockAsTheSimulator() async throws {
            let simulated = try Self.simulated()
            let (production, counters) = try await Self.production()
            #expect(production == simulated)

            // What both made, pinned. Call 3's first failure fills the window of four at 50% and the
            // breaker refuses its retry; call 4 finds it open; half-open trials fail at 10 s and, one
            // of two, at 16 s (call 7 still succeeds on its retry); both trials pass at 22-23 s.
            #expect(simulated.attempts == [1, 2, 1, 0, 1, 1, 2, 1, 1, 1])
            #expect(simulated.outcomes == [.success, .success, .rejected, .rejected, .success, .rejected, .success, .success, .success, .clientError])
            #expect(simulated.delays == [[], [.ns(31_624_439)], [.ns(26_236_515)], [], [], [.ns(63_804_234)], [.ns(50_461_403)], [], [], []])
            #expect(simulated.events.map(\.from) == ["closed", "open", "halfOpen", "open", "halfOpen", "open", "halfOpen"])
            #expect(simulated.events.map(\.to) == ["open", "halfOpen", "open", "halfOpen", "open", "halfOpen", "closed"])
            #expect(simulated.events.map(\.time) == [.ms(2_020), .seconds(9), .ms(10_020), .seconds(16), .ms(16_040) + .ns(50_461_403), .seconds(22), .ms(23_020)])
            #expect(counters == ResilienceCounters(calls: 10, attempts: 11, retries: 2, successes: 6, failures: 1, rejected: 3))
        }

        @Test func aDifferentSeedGivesDifferentDelaysButTheSameDecisions() async throws {
            var reseeded = try PipelineDriver(Self.config, seed: 12)
            var original = try PipelineDriver(Self.config, seed: 11)
            let failing: (Int) -> OutcomeClass = { $0 < 2 ? .serverError : .success }
            let a = original.call(latency: Self.latency, failing)
            let b = reseeded.call(latency: Self.latency, failing)
            #expect(a.sentAt.count == b.sentAt.count)
            #expect(a.outcome == b.outcome)
            #expect(a.delays != b.delays)
        }
    }
}
