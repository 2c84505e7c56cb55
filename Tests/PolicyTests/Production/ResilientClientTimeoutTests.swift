import Synchronization
import Testing
@testable import Policy

extension ProductionTests {
    /// Per-try timeouts by task cancellation with the real clock, and what
    /// happens when the caller's own task is cancelled (the call ends without an
    /// outcome and gives back every permit it held).
    @Suite struct ResilientClientTimeoutTests {
        static func retry(_ maxAttempts: Int, perTry: Nanoseconds, backoff: Nanoseconds = .ms(1)) -> RetryConfig {
            RetryConfig(maxAttempts: maxAttempts, retryOn: .transientFailures, perTryTimeout: perTry, deadline: .max,
                        backoff: BackoffConfig(kind: .constant, base: backoff, cap: .max, jitter: .none))
        }

        @Test func aSlowAttemptIsCancelledAtItsPerTryTimeout() async throws {
            let client = try ResilientClient(config: ClientPipelineConfig(order: [.retry], retry: Self.retry(1, perTry: .ms(20))),
                                             generator: SplitMix64(seed: 1))
            let sawCancellation = Counter()
            // Had the timeout not cancelled it, the operation would answer 1 after a minute.
            await #expect(throws: ResilienceError.timeout) {
                try await client.execute { () async throws -> Int in
                    do {
                        try await Task.sleep(for: .seconds(60))
                    } catch {
                        _ = sawCancellation.next()
                        throw error
                    }
                    return 1
                }
            }
            #expect(sawCancellation.count == 1)
            #expect(client.counters == ResilienceCounters(calls: 1, attempts: 1, retries: 0, successes: 0, failures: 1, rejected: 0))
        }

        @Test func aTimedOutAttemptIsRetriedAndTheRetryAnswers() async throws {
            let client = try ResilientClient(config: ClientPipelineConfig(order: [.retry], retry: Self.retry(2, perTry: .ms(20))),
                                             generator: SplitMix64(seed: 1))
            let runs = Counter()
            let value = try await client.execute { () async throws -> Int in
                if runs.next() == 0 { try await Task.sleep(for: .seconds(60)) }
                return 7
            }
            #expect(value == 7)
            #expect(client.counters == ResilienceCounters(calls: 1, attempts: 2, retries: 1, successes: 1, failures: 0, rejected: 0))
        }

        @Test func aFastAnswerBeatsTheTimeout() async throws {
            let client = try ResilientClient(config: ClientPipelineConfig(order: [.retry], retry: Self.retry(1, perTry: .seconds(5))),
                                             generator: SplitMix64(seed: 1))
            let value = try await client.execute { "fast" }
            #expect(value == "fast")
            #expect(client.counters.successes == 1)
        }

        @Test func aTimerThatStopsWithoutFiringLeavesTheAnswerToTheOperation() async throws {
            // An injected sleep that fails at once must not be taken for a timeout.
            struct Broken: Error {}
            let client = try ResilientClient(config: ClientPipelineConfig(order: [.retry], retry: Self.retry(1, perTry: .ms(20))),
                                             generator: SplitMix64(seed: 1), now: { .zero }, sleep: { _ in throw Broken() })
            let value = try await client.execute { () async throws -> Int in
                try await Task.sleep(for: .milliseconds(5))
                return 3
            }
            #expect(value == 3)
        }

        /// A bulkhead of one per call and a breaker per attempt, so a leaked permit shows.
        static let guarded = ClientPipelineConfig(order: [.bulkhead, .retry, .breaker], retry: retry(3, perTry: .max, backoff: .seconds(60)),
                                                  breaker: PipelineFixtures.countingBreaker, bulkhead: ConcurrencyLimitConfig(maxConcurrent: 1))

        @Test func cancellingTheCallerWhileItBacksOffEndsTheCallAndFreesItsPermits() async throws {
            // The injected sleep serves only the backoff here (no per-try timeout) and says when it began.
            let backoffs = Counter()
            let client = try ResilientClient(config: Self.guarded, generator: SplitMix64(seed: 1), now: { .zero }, sleep: { delay in
                _ = backoffs.next()
                try await Task.sleep(for: .nanoseconds(delay.ns))
            })
            let runs = Counter()
            let call = Task {
                try await client.execute { () async throws -> Int in
                    _ = runs.next()
                    throw ScriptedError(outcomeClass: .serverError)
                }
            }
            while backoffs.count == 0 { try await Task.sleep(for: .milliseconds(1)) }
            call.cancel()
            await #expect(throws: CancellationError.self) { try await call.value }
            #expect(runs.count == 1)
            client.state.withLock { state in
                #expect(state.pipeline.bulkhead.inflight == 0)
                #expect(state.callsInFlight == 0)
                // The attempt's failure was learnt before the backoff began: it stays recorded.
                #expect(state.pipeline.breaker.metrics.bufferedCalls == 1)
            }
            #expect(client.counters == ResilienceCounters(calls: 1, attempts: 1, retries: 0, successes: 0, failures: 1, rejected: 0))
            // The bulkhead's only slot is free again.
            #expect(try await client.execute { 5 } == 5)
        }

        @Test func cancellingTheCallerDuringAnAttemptRecordsNothingAndRetriesNothing() async throws {
            let client = try ResilientClient(config: Self.guarded, generator: SplitMix64(seed: 1))
            let runs = Counter()
            let call = Task {
                try await client.execute { () async throws -> Int in
                    _ = runs.next()
                    try await Task.sleep(for: .seconds(60))
                    return 1
                }
            }
            while runs.count == 0 { try await Task.sleep(for: .milliseconds(1)) }
            call.cancel()
            await #expect(throws: CancellationError.self) { try await call.value }
            #expect(runs.count == 1)
            client.state.withLock { state in
                #expect(state.pipeline.bulkhead.inflight == 0)
                #expect(state.pipeline.breaker.metrics.bufferedCalls == 0)
                #expect(state.callsInFlight == 0)
            }
            #expect(client.counters == ResilienceCounters(calls: 1, attempts: 1, retries: 0, successes: 0, failures: 1, rejected: 0))
        }
    }
}
