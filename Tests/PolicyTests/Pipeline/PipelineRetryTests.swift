import Testing
@testable import Policy

/// The retry stage inside the pipeline: `RetryConfig.decide` makes every
/// decision, the pipeline adds the per-try timeout clipped to the deadline
/// (Envoy's per_try_timeout inside the route timeout), the caller's own
/// deadline, and the shared budget before each retry or hedge.
@Suite struct PipelineRetryTests {
    typealias F = PipelineFixtures

    static let jittered = RetryConfig(maxAttempts: 4, retryOn: .transientFailures,
                                      backoff: BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(1), jitter: .full))

    @Test func decisionsAndDelaysAreThoseOfRetryConfigDecide() throws {
        let script: [OutcomeClass] = [.serverError, .overloaded, .connectionError, .success]
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.retry], retry: Self.jittered), seed: 99)
        let trace = driver.call { script[$0] }

        // The same decisions, made by hand with the same seeded generator.
        var rng = SplitMix64(seed: 99)
        var now = Nanoseconds.ms(10)
        var previous = Nanoseconds.zero
        var expected: [Nanoseconds] = []
        for attempt in 1...3 {
            let decision = Self.jittered.decide(attemptsMade: attempt, outcome: script[attempt - 1], now: now, requestStart: .zero,
                                                previousDelay: previous, retryAfter: nil, using: &rng)
            guard case .retry(let delay) = decision else {
                Issue.record("attempt \(attempt) should be retried, got \(decision)")
                return
            }
            expected.append(delay)
            previous = delay
            now = now + delay + .ms(10)
        }
        #expect(trace.delays == expected)
        #expect(trace.delays == [.ns(26_153_047), .ns(6_331_552), .ns(333_903_890)])
        #expect(trace.sentAt.count == 4)
        #expect(trace.outcome == .success)
        #expect(trace.endedAt == now)
    }

    @Test func notRetryableOutcomeEndsTheCallAtOnce() throws {
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.retry], retry: Self.jittered))
        let trace = driver.call { _ in .clientError }
        #expect(trace.sentAt == [.zero])
        #expect(trace.outcome == .clientError)
        #expect(driver.rng.state == 1)  // no jitter was drawn
    }

    @Test func attemptsStopAtMaxAttempts() throws {
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.retry], retry: F.retry(3)))
        let trace = driver.call { _ in .serverError }
        #expect(trace.sentAt == [.zero, .ms(110), .ms(220)])
        #expect(trace.delays == [.ms(100), .ms(100)])
        #expect(trace.outcome == .serverError)
        #expect(trace.endedAt == .ms(230))
    }

    @Test func perTryTimeoutIsClippedToWhatIsLeftOfTheDeadline() throws {
        let retry = F.retry(5, backoff: .ms(200), perTry: .ms(300), deadline: .ms(1_100))
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.retry], retry: retry))
        let trace = driver.call(latency: .seconds(10)) { _ in .success }
        // 0-300 timed out, 500-800 timed out, 1000 has 100 ms left; at 1100 the deadline has passed.
        #expect(trace.sentAt == [.zero, .ms(500), .ms(1_000)])
        #expect(trace.timeouts == [.ms(300), .ms(300), .ms(100)])
        #expect(trace.outcome == .timeout)
        #expect(trace.endedAt == .ms(1_100))
    }

    @Test func theCallersOwnDeadlineBoundsAttemptsAndRetries() throws {
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.retry], retry: F.retry(5, backoff: .ms(200))))
        let trace = driver.call(deadline: .ms(650), latency: .ms(100)) { _ in .serverError }
        // Sent at 0 and 300 (each fails after 100 ms); at 600 only 50 ms are left and the attempt
        // times out at 650; another retry would start at 850, after the deadline.
        #expect(trace.sentAt == [.zero, .ms(300), .ms(600)])
        #expect(trace.timeouts == [.ms(650), .ms(350), .ms(50)])
        #expect(trace.delays == [.ms(200), .ms(200)])
        #expect(trace.outcome == .timeout)
        #expect(trace.endedAt == .ms(650))
    }

    @Test func theEarlierOfBothDeadlinesApplies() throws {
        var pipeline = try ClientPipeline(config: ClientPipelineConfig(order: [.retry], retry: F.retry(2, deadline: .seconds(2))))
        var rng = SplitMix64(seed: 1)
        #expect(pipeline.startCall(now: .seconds(1), deadline: .seconds(9), using: &rng).state.deadline == .seconds(3))
        #expect(pipeline.startCall(now: .seconds(1), deadline: .ms(1_500), using: &rng).state.deadline == .ms(1_500))
        var late = pipeline.startCall(now: .seconds(5), deadline: .seconds(4), using: &rng).state
        #expect(pipeline.startAttempt(&late, kind: .first, now: .seconds(5), activeRequests: 1, using: &rng) == .giveUp(.timeout, .deadline))
    }

    @Test func budgetRefusesARetryAndTheCallEndsWithItsLastOutcome() throws {
        let quota = RetryQuotaConfig(capacity: 5, retryCost: 5, timeoutRetryCost: 10, throttlingRetryCost: 5, noRetryIncrement: 1)
        let budget = RetryBudgetConfig(kind: .awsStandard, awsStandard: quota)
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.retry], retry: F.retry(3), retryBudget: budget))
        let trace = driver.call { _ in .serverError }
        // The first retry costs the 5 tokens there are; the second finds none.
        #expect(trace.sentAt == [.zero, .ms(110)])
        #expect(trace.stoppedBy == .budget)
        #expect(trace.outcome == .serverError)
        #expect(trace.endedAt == .ms(220))
        #expect(driver.pipeline.retryBudgetLevel == 0)
    }

    @Test func budgetRefusesAHedgeAndARefundedHedgePaysBackWhatItCost() throws {
        // Hedges are priced as retries after a timeout (10 tokens): one fits in 10.
        let quota = RetryQuotaConfig(capacity: 10, retryCost: 5, timeoutRetryCost: 10, throttlingRetryCost: 5, noRetryIncrement: 1)
        let config = ClientPipelineConfig(order: [.retry], retry: F.retry(3), retryBudget: RetryBudgetConfig(kind: .awsStandard, awsStandard: quota),
                                          hedging: HedgingConfig(maxAttempts: 3, hedgeDelay: .ms(50)))
        var pipeline = try ClientPipeline(config: config)
        var rng = SplitMix64(seed: 1)
        var call = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        let first = try pipeline.send(&call, [(.first, .zero)], using: &rng)[0]
        #expect(pipeline.nextHedgeTime(call, now: .zero) == .ms(50))
        let hedge = try pipeline.send(&call, [(.hedge, .ms(50))], using: &rng)[0]
        #expect(pipeline.retryBudgetLevel == 0)
        #expect(pipeline.nextHedgeTime(call, now: .ms(50)) == .ms(100))
        #expect(pipeline.startAttempt(&call, kind: .hedge, now: .ms(100), activeRequests: 1, using: &rng) == .skip(.budget))
        #expect(call.attempts == 2)
        // The first attempt fails while the hedge is out: wait. The hedge succeeds: done.
        #expect(pipeline.answer(&call, first, .serverError, at: .ms(120), using: &rng) == .wait)
        #expect(pipeline.answer(&call, hedge, .success, at: .ms(130), using: &rng) == .complete(.success))
        pipeline.finishCall(&call, now: .ms(130), outcome: .success, latency: .ms(130))
        #expect(pipeline.retryBudgetLevel == 10)
    }

    @Test func hedgesAreSentUpToTheirCapAndWaitedFor() throws {
        let config = ClientPipelineConfig(order: [.retry], retry: F.retry(1), hedging: HedgingConfig(maxAttempts: 3, hedgeDelay: .ms(20)))
        var pipeline = try ClientPipeline(config: config)
        var rng = SplitMix64(seed: 1)
        var call = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        var tickets: [AttemptTicket] = []
        var hedgeTimes: [Nanoseconds?] = []
        for (kind, at) in [(PipelineAttemptKind.first, Nanoseconds.zero), (.hedge, .ms(20)), (.hedge, .ms(40))] {
            tickets += try pipeline.send(&call, [(kind, at)], using: &rng)
            hedgeTimes.append(pipeline.nextHedgeTime(call, now: at))
        }
        #expect(hedgeTimes == [.ms(20), .ms(40), nil])
        #expect(pipeline.startAttempt(&call, kind: .hedge, now: .ms(60), activeRequests: 1, using: &rng) == .skip(.budget))
        #expect(pipeline.activeRetries == 2)
        let first = pipeline.answer(&call, tickets[0], .timeout, at: .ms(70), using: &rng)
        let second = pipeline.answer(&call, tickets[1], .serverError, at: .ms(75), using: &rng)
        let third = pipeline.answer(&call, tickets[2], .overloaded, at: .ms(80), using: &rng)
        // Until the last copy answers the call waits; then, with one attempt allowed, it is over.
        #expect([first, second, third] == [.wait, .wait, .complete(.overloaded)])
        #expect(pipeline.activeRetries == 0)
    }

    @Test func hedgesThatLoseGiveBackTheirBulkheadSlotsAndHalfOpenPermits() throws {
        // Per attempt: a half-open breaker with 3 trial permits and a bulkhead of 3.
        var config = ClientPipelineConfig(order: [.retry, .breaker, .bulkhead], retry: F.retry(1),
                                          hedging: HedgingConfig(maxAttempts: 3, hedgeDelay: .ms(10)),
                                          breaker: F.consecutiveBreaker(1, waitInOpen: .seconds(1), permits: 3))
        config.bulkhead = ConcurrencyLimitConfig(maxConcurrent: 3)
        var pipeline = try ClientPipeline(config: config)
        var rng = SplitMix64(seed: 1)
        var tripping = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        let trip = try pipeline.send(&tripping, [(.first, .zero)], using: &rng)[0]
        _ = pipeline.answer(&tripping, trip, .serverError, at: .ms(1), using: &rng)
        pipeline.finishCall(&tripping, now: .ms(1), outcome: .serverError, latency: .ms(1))
        #expect(pipeline.breakerState == .open)

        let start = Nanoseconds.seconds(2)
        var call = pipeline.startCall(now: start, deadline: .max, using: &rng).state
        let tickets = try pipeline.send(&call, [(.first, start), (.hedge, start + .ms(10)), (.hedge, start + .ms(20))], using: &rng)
        #expect(pipeline.breakerState == .halfOpen)
        #expect(pipeline.breaker.halfOpenPermitsAvailable == 0)
        #expect(pipeline.bulkhead.inflight == 3)
        // The second copy wins; the other two are never reported.
        #expect(pipeline.answer(&call, tickets[1], .success, at: start + .ms(25), latency: .ms(15), using: &rng) == .complete(.success))
        pipeline.finishCall(&call, now: start + .ms(25), outcome: .success, latency: .ms(25))
        #expect(pipeline.bulkhead.inflight == 0)
        #expect(pipeline.breaker.halfOpenPermitsAvailable == 2)
        #expect(pipeline.breakerState == .halfOpen)
        #expect(pipeline.activeRetries == 0)
        // A loser reported after the end changes nothing.
        #expect(pipeline.answer(&call, tickets[0], .serverError, at: start + .ms(90), using: &rng) == .complete(.success))
        #expect(pipeline.bulkhead.inflight == 0)
        #expect(pipeline.breakerState == .halfOpen)
    }

    @Test func cancelledAttemptReturnsItsPermitsAndRecordsNothing() throws {
        var config = ClientPipelineConfig(order: [.retry, .breaker, .bulkhead], retry: F.retry(3), breaker: F.countingBreaker)
        config.bulkhead = ConcurrencyLimitConfig(maxConcurrent: 1)
        var pipeline = try ClientPipeline(config: config)
        var rng = SplitMix64(seed: 1)
        var call = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        let ticket = try pipeline.send(&call, [(.first, .zero)], using: &rng)[0]
        #expect(pipeline.bulkhead.inflight == 1)
        pipeline.cancelAttempt(&call, ticket: ticket, now: .ms(5))
        pipeline.finishCall(&call, now: .ms(5), outcome: .rejected, latency: .ms(5))
        #expect(pipeline.bulkhead.inflight == 0)
        #expect(pipeline.breaker.metrics.bufferedCalls == 0)
        #expect(call.outstanding == 0)
    }
}
