import Synchronization
import Testing
@testable import Policy

extension ProductionTests {
    /// One wrapper shared by many tasks loses no update: every counter adds up,
    /// and nothing is held once every call has returned.
    @Suite struct ResilientClientConcurrencyTests {
        /// Per-call breaker and bulkhead (so every refusal happens before an
        /// attempt), three attempts with a short jittered backoff.
        static let config = ClientPipelineConfig(
            order: [.breaker, .bulkhead, .retry],
            retry: RetryConfig(maxAttempts: 3, retryOn: .transientFailures, perTryTimeout: .max, deadline: .max,
                               backoff: BackoffConfig(kind: .exponential, base: .ms(1), multiplier: 2, cap: .ms(10), jitter: .full)),
            breaker: CircuitBreakerConfig(slidingWindowSize: 20, minimumNumberOfCalls: 20, failureRateThresholdPercent: 50,
                                          waitInOpen: .ms(20), permittedCallsInHalfOpen: 3),
            bulkhead: ConcurrencyLimitConfig(maxConcurrent: 4))

        /// What one task saw.
        struct Tally {
            var successes = 0, failures = 0, rejectedByBreaker = 0, rejectedByBulkhead = 0
            var rejectedByRateLimit = 0, timeouts = 0, cancelled = 0

            /// Sorts what one call returned or threw.
            mutating func count(_ result: Result<Int, any Error>) {
                switch result {
                case .success: successes += 1
                case .failure(ResilienceError.rejected(.breaker)): rejectedByBreaker += 1
                case .failure(ResilienceError.rejected(.bulkhead)): rejectedByBulkhead += 1
                case .failure(ResilienceError.rejected(.rateLimit)): rejectedByRateLimit += 1
                case .failure(ResilienceError.timeout): timeouts += 1; failures += 1
                case .failure(is CancellationError): cancelled += 1; failures += 1
                case .failure: failures += 1
                }
            }

            var rejected: Int { rejectedByBreaker + rejectedByBulkhead + rejectedByRateLimit }

            mutating func add(_ other: Tally) {
                successes += other.successes
                failures += other.failures
                rejectedByBreaker += other.rejectedByBreaker
                rejectedByBulkhead += other.rejectedByBulkhead
                rejectedByRateLimit += other.rejectedByRateLimit
                timeouts += other.timeouts
                cancelled += other.cancelled
            }
        }

        /// Runs `calls(task, call)` for `callsPerTask` calls in each of `tasks`
        /// tasks at once, and adds up what they saw. Every bulkhead refusal is
        /// counted in `bulkheadRefusals` as it happens (operations may wait for one).
        static func run(tasks: Int, callsPerTask: Int, bulkheadRefusals: Counter,
                        _ calls: @escaping @Sendable (_ task: Int, _ call: Int) async -> Result<Int, any Error>) async -> Tally {
            await withTaskGroup(of: Tally.self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        var tally = Tally()
                        for call in 0..<callsPerTask {
                            let result = await calls(task, call)
                            if case .failure(ResilienceError.rejected(.bulkhead)) = result { _ = bulkheadRefusals.next() }
                            tally.count(result)
                        }
                        return tally
                    }
                }
                var total = Tally()
                for await tally in group { total.add(tally) }
                return total
            }
        }

        /// Every counter agrees with what the callers saw and with the
        /// operation's runs, and nothing is held once every call has returned.
        static func expectConsistent(_ client: ResilientClient<SplitMix64>, _ tallies: Tally, calls: Int, runs: Counter) {
            let counters = client.counters
            #expect(counters.calls == calls)
            #expect(counters.successes + counters.failures + counters.rejected == calls)
            #expect(counters.attempts == runs.count)
            #expect(counters.successes == tallies.successes)
            #expect(counters.failures == tallies.failures)
            #expect(counters.rejected == tallies.rejected)
            client.state.withLock { state in
                #expect(state.callsInFlight == 0)
                #expect(state.pipeline.bulkhead.inflight == 0)
                #expect(state.pipeline.activeRetries == 0)
            }
        }

        @Test func eightTasksOfTenThousandCallsKeepEveryCounterConsistent() async throws {
            let ticks = Counter()
            // Virtual time: 10 us per reading, so the breaker's 20 ms wait passes now and then.
            let client = try ResilientClient(config: Self.config, generator: SplitMix64(seed: 8),
                                             now: { .us(10 * Int64(ticks.next())) }, sleep: { _ in })
            let runs = Counter()
            let bulkheadRefusals = Counter()
            let tallies = await Self.run(tasks: 8, callsPerTask: 10_000, bulkheadRefusals: bulkheadRefusals) { task, call in
                let attempts = Counter()
                return await capture {
                    try await client.execute { () async throws -> Int in
                        _ = runs.next()
                        let attempt = attempts.next()
                        // The first calls to get in hold the bulkhead's 4 slots until some
                        // task's first call is refused: a refusal happens on any scheduling.
                        while call == 0 && bulkheadRefusals.count == 0 { await Task.yield() }
                        await Task.yield()  // let other tasks in while this call holds its permits
                        // One stretch of 100 calls in 5 always fails (the breaker opens);
                        // otherwise every 3rd call fails its first attempt.
                        if (call / 100) % 5 == 0 || ((task * 10_000 + call) % 3 == 0 && attempt == 0) {
                            throw ScriptedError(outcomeClass: .serverError)
                        }
                        return attempt
                    }
                }
            }

            Self.expectConsistent(client, tallies, calls: 80_000, runs: runs)
            let counters = client.counters
            // Per-call guards refuse before any attempt: every other call made one plus its retries.
            #expect(counters.attempts == counters.calls - counters.rejected + counters.retries)
            #expect(counters.rejected == tallies.rejectedByBreaker + tallies.rejectedByBulkhead)
            // Every refusal happened: the test exercised what it claims to.
            #expect(tallies.rejectedByBreaker > 0)
            #expect(tallies.rejectedByBulkhead > 0)
            #expect(counters.failures > 0)
            client.state.withLock { state in
                #expect(state.pipeline.breaker.notPermittedCalls == tallies.rejectedByBreaker)
                let breaker = state.pipeline.breaker
                if breaker.state == .halfOpen {
                    #expect(breaker.halfOpenPermitsAvailable + breaker.trials.filled >= Self.config.breaker.permittedCallsInHalfOpen)
                }
            }
        }

        /// Per-attempt rate limiter and bulkhead, per-try timeouts whose timers
        /// race the operation on real threads, and some callers cancelled.
        static let racing = ClientPipelineConfig(
            order: [.retry, .rateLimit, .bulkhead],
            retry: RetryConfig(maxAttempts: 3, retryOn: .transientFailures, perTryTimeout: .ms(1), deadline: .max,
                               backoff: BackoffConfig(kind: .exponential, base: .ms(1), multiplier: 2, cap: .ms(10), jitter: .full)),
            rateLimit: .tokenBucket(rateRps: 20_000, burst: 4),
            bulkhead: ConcurrencyLimitConfig(maxConcurrent: 3))

        @Test func racingTimeoutsAndCancelledCallersLeaveNothingHeldAndEveryCallCounted() async throws {
            let ticks = Counter()
            // Virtual time for decisions (10 us a reading); timers and backoffs only yield, so
            // whether a timer beats its operation is up to the threads: the counts must add up anyway.
            let client = try ResilientClient(config: Self.racing, generator: SplitMix64(seed: 9),
                                             now: { .us(10 * Int64(ticks.next())) },
                                             sleep: { _ in
                                                 await Task.yield()
                                                 try Task.checkCancellation()
                                             })
            let runs = Counter()
            let timedOutAttempts = Counter()
            let bulkheadRefusals = Counter()
            let tallies = await Self.run(tasks: 8, callsPerTask: 2_000, bulkheadRefusals: bulkheadRefusals) { task, call in
                let operation: @Sendable () async throws -> Int = {
                    _ = runs.next()
                    if call == 0 || call % 50 == 1 {
                        // Answers only when cancelled, so its timer wins. The first calls to get
                        // in also hold the bulkhead's 3 slots until some attempt is refused.
                        while call == 0 && bulkheadRefusals.count == 0 { await Task.yield() }
                        do {
                            try await Task.sleep(for: .seconds(3_600))
                        } catch {
                            _ = timedOutAttempts.next()
                            throw error
                        }
                    }
                    await Task.yield()
                    if (task + call) % 4 == 0 { throw ScriptedError(outcomeClass: .overloaded) }
                    return call
                }
                guard call % 7 == 3 else { return await capture { try await client.execute(operation) } }
                // A caller cancelled before it starts, from its own task.
                let gate = Counter()
                let caller = Task {
                    while gate.count == 0 { await Task.yield() }
                    return try await client.execute(operation)
                }
                caller.cancel()
                _ = gate.next()
                return await caller.result
            }

            Self.expectConsistent(client, tallies, calls: 16_000, runs: runs)
            // Everything the test claims to race happened.
            #expect(timedOutAttempts.count > 0)
            #expect(tallies.cancelled > 0)
            #expect(tallies.rejectedByRateLimit > 0)
            #expect(tallies.rejectedByBulkhead > 0)
            #expect(client.counters.retries > 0)
            client.state.withLock { state in
                #expect(state.pipeline.rateLimiter.balanceUnits <= state.pipeline.rateLimiter.capacityUnits)
            }
        }
    }
}
