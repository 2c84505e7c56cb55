import Testing
@testable import Policy

extension ProductionTests {
    /// What `execute` throws and counts, and how the wrapper hands over the
    /// pipeline's state changes, under a manual clock.
    @Suite struct ResilientClientBehaviourTests {
        static func client(_ config: ClientPipelineConfig, clock: ManualClock) throws -> ResilientClient<SplitMix64> {
            try ResilientClient(config: config, generator: SplitMix64(seed: 3), now: { clock.now }, sleep: clock.sleep)
        }

        static func failing(_ outcome: OutcomeClass) -> @Sendable () async throws -> Int {
            { throw ScriptedError(outcomeClass: outcome) }
        }

        @Test func theOperationsLastErrorIsThrownWhenRetriesRunOut() async throws {
            let clock = ManualClock()
            let client = try Self.client(ClientPipelineConfig(order: [.retry], retry: PipelineFixtures.retry(3)), clock: clock)
            await #expect(throws: ScriptedError(outcomeClass: .overloaded)) { try await client.execute(Self.failing(.overloaded)) }
            #expect(clock.backoffs == [.ms(100), .ms(100)])
            #expect(client.counters == ResilienceCounters(calls: 1, attempts: 3, retries: 2, successes: 0, failures: 1, rejected: 0))
        }

        @Test func aRefusedRetryThrowsTheRefusingStageAndCountsARejection() async throws {
            let clock = ManualClock()
            let config = ClientPipelineConfig(order: [.retry, .breaker], retry: PipelineFixtures.retry(3),
                                              breaker: PipelineFixtures.consecutiveBreaker(1))
            let client = try Self.client(config, clock: clock)
            await #expect(throws: ResilienceError.rejected(.breaker)) { try await client.execute(Self.failing(.serverError)) }
            await #expect(throws: ResilienceError.rejected(.breaker)) { try await client.execute { 1 } }
            #expect(client.counters == ResilienceCounters(calls: 2, attempts: 1, retries: 0, successes: 0, failures: 0, rejected: 2))
            #expect(client.breakerState == .open)
        }

        @Test func aBudgetRefusalThrowsTheOperationsError() async throws {
            let clock = ManualClock()
            let quota = RetryQuotaConfig(capacity: 5)
            let config = ClientPipelineConfig(order: [.retry], retry: PipelineFixtures.retry(3),
                                              retryBudget: RetryBudgetConfig(kind: .awsStandard, awsStandard: quota))
            let client = try Self.client(config, clock: clock)
            await #expect(throws: ScriptedError(outcomeClass: .serverError)) { try await client.execute(Self.failing(.serverError)) }
            #expect(client.counters == ResilienceCounters(calls: 1, attempts: 2, retries: 1, successes: 0, failures: 1, rejected: 0))
        }

        @Test func errorsAreClassifiedByTheGivenClassifierElseAsServerErrors() async throws {
            struct Plain: Error {}
            #expect(ResilientClient<SplitMix64>.defaultClassify(Plain()) == .serverError)
            #expect(ResilientClient<SplitMix64>.defaultClassify(CancellationError()) == .timeout)
            #expect(ResilientClient<SplitMix64>.defaultClassify(ScriptedError(outcomeClass: .throttled)) == .throttled)
            let clock = ManualClock()
            let client = try Self.client(ClientPipelineConfig(order: [.retry], retry: PipelineFixtures.retry(2)), clock: clock)
            // Called a client error: not retried.
            await #expect(throws: Plain.self) {
                try await client.execute(classify: { _ in .clientError }) { () async throws -> Int in throw Plain() }
            }
            #expect(client.counters.attempts == 1)
            // By default a 5xx: retried once.
            await #expect(throws: Plain.self) { try await client.execute { () async throws -> Int in throw Plain() } }
            #expect(client.counters.attempts == 3)
            #expect(client.counters.retries == 1)
        }

        @Test func eventsAreHandedOverOnceAndTheBacklogIsBounded() async throws {
            let clock = ManualClock()
            let config = ClientPipelineConfig(order: [.breaker, .retry], retry: PipelineFixtures.retry(1),
                                              breaker: PipelineFixtures.consecutiveBreaker(1, waitInOpen: .ns(1)))
            let client = try Self.client(config, clock: clock)
            // Each call opens the breaker; the next one half-opens it first: 1 + 2 x 599 transitions.
            for _ in 0..<600 {
                clock.advance(by: .ms(1))
                _ = try? await client.execute(Self.failing(.serverError))
            }
            let events = client.drainEvents()
            #expect(events.count == 1_024)
            #expect(client.droppedEventCount == 1_199 - 1_024)
            #expect(events.last?.from == "halfOpen")
            #expect(events.last?.to == "open")
            #expect(events.last?.time == .ms(600))
            #expect(client.drainEvents().isEmpty)
        }
    }
}
