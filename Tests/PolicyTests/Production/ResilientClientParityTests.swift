import Synchronization
import Testing
@testable import Policy

extension ProductionTests {
    /// The production wrapper makes the simulator's decisions: the same
    /// configuration, seed, outcomes and times give the same attempts, send
    /// times, per-try timeouts, backoff delays, breaker transitions and final
    /// outcomes through `ResilientClient` (under a manual clock) as through a
    /// bare `ClientPipeline` driven the way `World+Calls.swift` drives it
    /// (`PipelineDriver`).
    @Suite struct ResilientClientParityTests {
        /// One scripted attempt: how long it takes and how it ends, unless its timeout is shorter.
        typealias Attempt = (latency: Nanoseconds, outcome: OutcomeClass)
        /// When each call starts, and its scripted attempts; later ones answer success after 20 ms.
        typealias Script = [(start: Nanoseconds, attempts: [Attempt])]

        static let answer: Attempt = (.ms(20), .success)

        /// What a run decided, call by call.
        struct Run: Equatable {
            var sentAt: [[Nanoseconds]] = []
            /// Per-try timeouts given to attempts (those that are finite: the wrapper arms a timer only for them).
            var timers: [[Nanoseconds]] = []
            var delays: [[Nanoseconds]] = []
            var outcomes: [OutcomeClass] = []
            var events: [PipelineEvent] = []

            var attempts: [Int] { sentAt.map(\.count) }
        }

        static func simulated(_ config: ClientPipelineConfig, _ script: Script, seed: UInt64) throws -> Run {
            var driver = try PipelineDriver(config, seed: seed)
            var run = Run()
            for call in script {
                let trace = driver.call(at: call.start) { $0 < call.attempts.count ? call.attempts[$0] : answer }
                run.sentAt.append(trace.sentAt)
                run.timers.append(trace.timeouts.filter { $0 != .max })
                run.delays.append(trace.delays)
                run.outcomes.append(trace.outcome)
            }
            run.events = driver.events
            return run
        }

        static func production(_ config: ClientPipelineConfig, _ script: Script, seed: UInt64,
                               clock: ManualClock) async throws -> (Run, ResilienceCounters) {
            let client = try ResilientClient(config: config, generator: SplitMix64(seed: seed), now: { clock.now }, sleep: clock.sleep)
            var run = Run()
            for call in script {
                clock.advance(to: call.start)
                clock.beginCall()
                let sent = SentTimes()
                let (timersBefore, backoffsBefore) = (clock.timers.count, clock.backoffs.count)
                let attempts = call.attempts
                let result = await capture {
                    try await client.execute { () async throws -> Int in
                        let index = sent.append(clock.now)
                        let attempt = index < attempts.count ? attempts[index] : answer
                        if clock.timedAttempts {
                            try await clock.work(latency: attempt.latency)
                        } else {
                            clock.advance(by: attempt.latency)
                        }
                        if attempt.outcome != .success { throw ScriptedError(outcomeClass: attempt.outcome) }
                        return index
                    }
                }
                run.sentAt.append(sent.times)
                run.timers.append(Array(clock.timers[timersBefore...]))
                run.delays.append(Array(clock.backoffs[backoffsBefore...]))
                run.outcomes.append(ResilientClient<SplitMix64>.outcome(of: result))
            }
            run.events = client.drainEvents()
            return (run, client.counters)
        }

        // MARK: Retries, backoff and a breaker

        /// Retry outside a small count-window breaker, jittered exponential backoff, no timeouts.
        static let untimed = ClientPipelineConfig(
            order: [.retry, .breaker],
            retry: RetryConfig(maxAttempts: 3, retryOn: .transientFailures, perTryTimeout: .max, deadline: .max,
                               backoff: BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(2), jitter: .full)),
            breaker: CircuitBreakerConfig(slidingWindowSize: 4, minimumNumberOfCalls: 4, failureRateThresholdPercent: 50,
                                          waitInOpen: .seconds(5), permittedCallsInHalfOpen: 2))

        static func failing(_ outcomes: OutcomeClass...) -> [Attempt] { outcomes.map { (.ms(20), $0) } }

        static let untimedScript: Script = [
            (.zero, []),
            (.seconds(1), failing(.serverError)),
            (.seconds(2), failing(.overloaded, .serverError)),
            (.seconds(3), []),
            (.seconds(9), []),
            (.seconds(10), failing(.serverError, .serverError, .serverError)),
            (.seconds(16), failing(.connectionError)),
            (.seconds(22), []),
            (.seconds(23), []),
            (.seconds(24), failing(.clientError)),
        ]

        @Test func theSameConfigurationGivesTheSameDecisionsUnderAManualClockAsTheSimulator() async throws {
            let simulated = try Self.simulated(Self.untimed, Self.untimedScript, seed: 11)
            let (production, counters) = try await Self.production(Self.untimed, Self.untimedScript, seed: 11, clock: ManualClock())
            #expect(production == simulated)

            // What both made, pinned. Call 3's first failure fills the window of four at 50% and the
            // breaker refuses its retry; call 4 finds it open; half-open trials fail at 10 s and, one
            // of two, at 16 s (call 7 still succeeds on its retry); both trials pass at 22-23 s.
            #expect(simulated.attempts == [1, 2, 1, 0, 1, 1, 2, 1, 1, 1])
            #expect(simulated.outcomes == [.success, .success, .rejected, .rejected, .success, .rejected, .success, .success, .success, .clientError])
            #expect(simulated.delays == [[], [.ns(31_624_439)], [.ns(26_236_515)], [], [], [.ns(63_804_234)], [.ns(50_461_403)], [], [], []])
            #expect(simulated.timers.allSatisfy { $0.isEmpty })
            #expect(simulated.events.map(\.from) == ["closed", "open", "halfOpen", "open", "halfOpen", "open", "halfOpen"])
            #expect(simulated.events.map(\.to) == ["open", "halfOpen", "open", "halfOpen", "open", "halfOpen", "closed"])
            #expect(simulated.events.map(\.time) == [.ms(2_020), .seconds(9), .ms(10_020), .seconds(16), .ms(16_040) + .ns(50_461_403), .seconds(22), .ms(23_020)])
            #expect(counters == ResilienceCounters(calls: 10, attempts: 11, retries: 2, successes: 6, failures: 1, rejected: 3))
        }

        @Test func aDifferentSeedGivesDifferentDelaysButTheSameDecisions() async throws {
            let script: Script = [(.zero, Self.failing(.serverError, .serverError))]
            let original = try Self.simulated(Self.untimed, script, seed: 11)
            let reseeded = try Self.simulated(Self.untimed, script, seed: 12)
            #expect(original.attempts == reseeded.attempts)
            #expect(original.outcomes == reseeded.outcomes)
            #expect(original.delays != reseeded.delays)
            let (production, _) = try await Self.production(Self.untimed, script, seed: 12, clock: ManualClock())
            #expect(production == reseeded)
        }

        // MARK: Per-try timeouts, the deadline, a rate limiter and a consecutive-failure breaker

        /// A per-call rate limiter (2 rps, burst 2), 300 ms per try within 700 ms,
        /// equal jitter (so no backoff is zero), and a breaker per attempt that
        /// opens after 3 failures in a row.
        static let timed = ClientPipelineConfig(
            order: [.rateLimit, .retry, .breaker],
            retry: RetryConfig(maxAttempts: 3, retryOn: .transientFailures, perTryTimeout: .ms(300), deadline: .ms(700),
                               backoff: BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(1), jitter: .equal)),
            breaker: PipelineFixtures.consecutiveBreaker(3, waitInOpen: .seconds(5)),
            rateLimit: .tokenBucket(rateRps: 2, burst: 2))

        static let timedScript: Script = [
            (.zero, []),
            (.seconds(1), [(.ms(500), .success)]),                  // times out at 300 ms; the retry answers
            (.seconds(2), [(.ms(400), .success), (.ms(300), .success)]),  // a timeout, then an answer exactly at the timeout
            (.seconds(3), []),
            (.seconds(3), []),
            (.seconds(3), []),                                      // the rate limiter's burst is spent
            (.seconds(6), [(.ms(290), .serverError), (.ms(100), .serverError), (.ms(200), .success)]),
            (.seconds(7), []),                                      // the breaker is open
            (.seconds(12), []),                                     // its half-open trial passes
        ]

        @Test(.timeLimit(.minutes(1)))
        func timersThatRaceTheOperationMakeTheSimulatorsDecisions() async throws {
            let simulated = try Self.simulated(Self.timed, Self.timedScript, seed: 5)
            let (production, counters) = try await Self.production(Self.timed, Self.timedScript, seed: 5,
                                                                   clock: ManualClock(timedAttempts: true))
            #expect(production == simulated)

            // What both made, pinned. Calls 1 and 2 time out at 300 ms and their retries answer (call 2's
            // exactly at its timeout, which wins, as `latency <= timeout` in the simulator); the burst of
            // two is spent by calls 3 and 4, so call 5 is refused; call 6's last try gets only what is
            // left of its 700 ms and times out at the deadline, the third failure in a row, which opens
            // the breaker; call 7 finds it open; the trial at 12 s closes it.
            #expect(simulated.attempts == [1, 2, 2, 1, 1, 0, 3, 0, 1])
            #expect(simulated.outcomes == [.success, .success, .success, .success, .success, .rejected, .timeout, .rejected, .success])
            #expect(simulated.timers == [[.ms(300)], [.ms(300), .ms(300)], [.ms(300), .ms(300)], [.ms(300)], [.ms(300)], [],
                                         [.ms(300), .ms(300), .ns(138_430_601)], [], [.ms(300)]])
            #expect(simulated.delays == [[], [.ns(69_338_402)], [.ns(87_615_351)], [], [], [], [.ns(61_635_458), .ns(109_933_941)], [], []])
            #expect(simulated.sentAt[6] == [.seconds(6), .ns(6_351_635_458), .ns(6_561_569_399)])
            #expect(simulated.sentAt[6][2] + simulated.timers[6][2] == .ms(6_700))
            #expect(simulated.events.map(\.from) == ["closed", "open", "halfOpen"])
            #expect(simulated.events.map(\.to) == ["open", "halfOpen", "closed"])
            #expect(simulated.events.map(\.time) == [.ms(6_700), .seconds(12), .ms(12_020)])
            #expect(counters == ResilienceCounters(calls: 9, attempts: 11, retries: 4, successes: 6, failures: 1, rejected: 2))
        }
    }
}

/// The times at which a call's attempts started, appended from the operation.
final class SentTimes: Sendable {
    let storage = Mutex<[Nanoseconds]>([])

    /// Records `time` and returns the attempt's index.
    func append(_ time: Nanoseconds) -> Int {
        storage.withLock { times in
            times.append(time)
            return times.count - 1
        }
    }

    var times: [Nanoseconds] { storage.withLock { $0 } }
}
