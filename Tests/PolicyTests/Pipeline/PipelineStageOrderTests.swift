import Testing
@testable import Policy

/// `order` lists stages outermost first. Guards before `retry` act once per
/// call and see its final outcome; after it, on every attempt (Resilience4j's
/// default aspect order `Retry(CircuitBreaker(...))` is `[retry, breaker]`,
/// Polly v8 pipelines run strategies in the order they are added).
@Suite struct PipelineStageOrderTests {
    typealias F = PipelineFixtures

    @Test func breakerAfterRetryRecordsEveryAttempt() throws {
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.retry, .breaker], retry: F.retry(3), breaker: F.countingBreaker))
        let trace = driver.call { _ in .serverError }
        #expect(trace.sentAt == [.zero, .ms(110), .ms(220)])
        #expect(trace.outcome == .serverError)
        let metrics = driver.pipeline.breaker.metrics
        #expect(metrics.bufferedCalls == 3)
        #expect(metrics.failedCalls == 3)
    }

    @Test func breakerBeforeRetrySeesOneOutcomePerCall() throws {
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.breaker, .retry], retry: F.retry(3), breaker: F.countingBreaker))
        let failed = driver.call { _ in .serverError }
        let recovered = driver.call { $0 < 2 ? .overloaded : .success }
        #expect(failed.sentAt.count == 3)
        #expect(recovered.sentAt.count == 3)
        #expect(recovered.outcome == .success)
        let metrics = driver.pipeline.breaker.metrics
        #expect(metrics.bufferedCalls == 2)
        #expect(metrics.failedCalls == 1)
    }

    @Test func perCallBreakerRejectionEndsTheCallWithoutAnAttempt() throws {
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.breaker, .retry], retry: F.retry(1), breaker: F.consecutiveBreaker(2)))
        driver.call { _ in .serverError }
        driver.call { _ in .serverError }
        let refused = driver.call { _ in .success }
        #expect(refused.rejectedAtStart == .breaker)
        #expect(refused.sentAt.isEmpty)
        #expect(refused.outcome == .rejected)
        #expect(driver.pipeline.breaker.notPermittedCalls == 1)
        #expect(driver.transitions.map(\.to) == [.open])
        #expect(driver.transitions.first?.at == .ms(20))
        #expect(driver.transitions.first?.cause == .consecutiveFailures(count: 2))
    }

    @Test func perAttemptBreakerRejectionOfARetryEndsTheCall() throws {
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.retry, .breaker], retry: F.retry(3), breaker: F.consecutiveBreaker(2)))
        let trace = driver.call { _ in .serverError }
        // Attempt 1 fails at 10 ms, attempt 2 at 120 ms opens the breaker; the retry due at 220 ms is refused.
        #expect(trace.sentAt == [.zero, .ms(110)])
        #expect(trace.delays == [.ms(100), .ms(100)])
        #expect(trace.stoppedBy == .breaker)
        #expect(trace.outcome == .rejected)
        #expect(trace.endedAt == .ms(220))
        #expect(driver.transitions == [BreakerTransition(from: .closed, to: .open, at: .ms(120), cause: .consecutiveFailures(count: 2))])
    }

    @Test func perAttemptRefusalOfTheFirstAttemptReturnsThePerCallPermits() throws {
        // Per call: bulkhead of 1; per attempt: a breaker already open.
        var config = ClientPipelineConfig(order: [.bulkhead, .retry, .breaker], retry: F.retry(1), breaker: F.consecutiveBreaker(1))
        config.bulkhead = ConcurrencyLimitConfig(maxConcurrent: 1)
        var driver = try PipelineDriver(config)
        driver.call { _ in .serverError }
        let refused = driver.call { _ in .success }
        #expect(refused.rejectedAtStart == nil)
        #expect(refused.sentAt.isEmpty)
        #expect(refused.stoppedBy == .breaker)
        #expect(refused.outcome == .rejected)
        #expect(driver.pipeline.bulkhead.inflight == 0)
    }

    @Test func bulkheadAdmittedThenBreakerRefusedGivesTheSlotBack() throws {
        var config = ClientPipelineConfig(order: [.bulkhead, .breaker, .retry], retry: F.retry(1), breaker: F.consecutiveBreaker(1))
        config.bulkhead = ConcurrencyLimitConfig(maxConcurrent: 1)
        var driver = try PipelineDriver(config)
        driver.call { _ in .serverError }
        let refused = driver.call { _ in .success }
        #expect(refused.rejectedAtStart == .breaker)
        #expect(driver.pipeline.bulkhead.inflight == 0)
        // The slot is free: a third call is refused by the breaker again, not by the bulkhead.
        #expect(driver.call { _ in .success }.rejectedAtStart == .breaker)
    }

    @Test func breakerAdmittedThenBulkheadRefusedGivesTheHalfOpenPermitBack() throws {
        var config = ClientPipelineConfig(order: [.breaker, .bulkhead, .retry], retry: F.retry(1),
                                          breaker: F.consecutiveBreaker(1, waitInOpen: .seconds(1), permits: 2))
        config.bulkhead = ConcurrencyLimitConfig(maxConcurrent: 2)
        var pipeline = try ClientPipeline(config: config)
        var rng = SplitMix64(seed: 3)
        // A holds one bulkhead slot throughout; C fails and opens the breaker.
        let a = pipeline.startCall(now: .zero, deadline: .max, using: &rng)
        var c = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        pipeline.finishCall(&c, now: .ms(5), outcome: .serverError, latency: .ms(5))
        #expect(a.rejectedBy == nil)
        #expect(pipeline.breakerState == .open)
        // At 2 s, D is the first half-open trial and takes the second slot.
        let d = pipeline.startCall(now: .seconds(2), deadline: .max, using: &rng)
        #expect(d.rejectedBy == nil)
        #expect(pipeline.breakerState == .halfOpen)
        #expect(pipeline.breaker.halfOpenPermitsAvailable == 1)
        // E: the breaker admits it with the last permit, the full bulkhead refuses: the permit comes back.
        let e = pipeline.startCall(now: .seconds(2), deadline: .max, using: &rng)
        #expect(e.rejectedBy == .bulkhead)
        #expect(pipeline.breaker.halfOpenPermitsAvailable == 1)
        #expect(pipeline.bulkhead.inflight == 2)
    }

    @Test func throttleCountsAllRequestsItSawAndTheRateLimitRefusalLeavesItAlone() throws {
        var config = ClientPipelineConfig(order: [.throttle, .rateLimit, .retry], retry: F.retry(1))
        config.throttle = AdaptiveThrottleConfig.preset(.googleSRE)!
        config.rateLimit = RateLimiterConfig.tokenBucket(rateRps: 1, burst: 1)
        var driver = try PipelineDriver(config)
        let first = driver.call(at: .zero) { _ in .success }
        let second = driver.call(at: .ms(100)) { _ in .success }
        #expect(first.outcome == .success)
        #expect(second.rejectedAtStart == .rateLimit)
        let counts = driver.pipeline.throttle.counts(at: .ms(100))
        #expect(counts.requests == 2)
        #expect(counts.accepts == 1)
        #expect(driver.pipeline.rateLimiter.availablePermits(at: .ms(100)) == 0)
    }

    @Test func declaredOrderDecidesWhichGuardIsAskedFirst() throws {
        // An open breaker listed before the throttle: refused calls never reach the throttle.
        // (The first call's 5xx counts as an accept, so the throttle itself refuses nothing here.)
        var outer = ClientPipelineConfig(order: [.breaker, .throttle, .retry], retry: F.retry(1), breaker: F.consecutiveBreaker(1))
        outer.throttle = AdaptiveThrottleConfig.preset(.googleSRE)!
        var breakerFirst = try PipelineDriver(outer)
        breakerFirst.call { _ in .serverError }
        for _ in 0..<2 { #expect(breakerFirst.call { _ in .success }.rejectedAtStart == .breaker) }
        #expect(breakerFirst.pipeline.throttle.counts(at: breakerFirst.now).requests == 1)

        // Listed after the throttle, the breaker's refusals have all been counted as requests.
        var inner = outer
        inner.order = [.throttle, .breaker, .retry]
        var throttleFirst = try PipelineDriver(inner)
        throttleFirst.call { _ in .serverError }
        for _ in 0..<2 { #expect(throttleFirst.call { _ in .success }.rejectedAtStart == .breaker) }
        #expect(throttleFirst.pipeline.throttle.counts(at: throttleFirst.now).requests == 3)
    }

    @Test func rateLimitTokenStaysSpentWhenTheBulkheadRefuses() throws {
        var config = ClientPipelineConfig(order: [.rateLimit, .bulkhead, .retry], retry: F.retry(1))
        config.rateLimit = RateLimiterConfig.tokenBucket(rateRps: 1, burst: 5)
        config.bulkhead = ConcurrencyLimitConfig(maxConcurrent: 1)
        var pipeline = try ClientPipeline(config: config)
        var rng = SplitMix64(seed: 1)
        let holder = pipeline.startCall(now: .zero, deadline: .max, using: &rng)
        let refused = pipeline.startCall(now: .zero, deadline: .max, using: &rng)
        #expect(holder.rejectedBy == nil)
        #expect(refused.rejectedBy == .bulkhead)
        #expect(pipeline.bulkhead.inflight == 1)
        #expect(pipeline.rateLimiter.availablePermits(at: .zero) == 3)
    }

    @Test func perAttemptBulkheadRefusesAFirstAttemptWhileAnotherCallHoldsTheSlot() throws {
        var config = ClientPipelineConfig(order: [.retry, .bulkhead], retry: F.retry(2))
        config.bulkhead = ConcurrencyLimitConfig(maxConcurrent: 1)
        var pipeline = try ClientPipeline(config: config)
        var rng = SplitMix64(seed: 1)
        var a = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        var b = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        let ticket = try pipeline.send(&a, [(.first, .zero)], using: &rng)[0]
        #expect(pipeline.startAttempt(&b, kind: .first, now: .zero, activeRequests: 2, using: &rng) == .giveUp(.rejected, .bulkhead))
        #expect(b.attempts == 0)
        pipeline.finishCall(&b, now: .zero, outcome: .rejected, latency: .zero)
        #expect(pipeline.bulkhead.inflight == 1)
        #expect(pipeline.answer(&a, ticket, .success, at: .ms(5), latency: .ms(5), using: &rng) == .complete(.success))
        pipeline.finishCall(&a, now: .ms(5), outcome: .success, latency: .ms(5))
        #expect(pipeline.bulkhead.inflight == 0)
    }

    @Test func aRefusedCallEarnsTheRatioBudgetNothing() throws {
        // Finagle's budget deposits for requests sent; a call the breaker refuses sends none.
        let budget = RetryBudgetConfig(kind: .ratio, ratio: RatioBudgetConfig(percent: 50, minRetriesPerSecond: 0, ttl: .seconds(10)))
        var driver = try PipelineDriver(ClientPipelineConfig(order: [.breaker, .retry], retry: F.retry(1), retryBudget: budget,
                                                             breaker: F.consecutiveBreaker(1)))
        driver.call { _ in .serverError }
        for _ in 0..<4 { driver.call { _ in .success } }
        #expect(driver.pipeline.budget.level(at: driver.now) == 0.5)
    }

    /// The packed stage list gives back every arrangement of the guards, in order.
    @Test func stageListKeepsEveryOrderOfTheGuards() {
        let guards: [ClientPipelineConfig.Stage] = [.breaker, .throttle, .rateLimit, .bulkhead]
        func permutations(_ items: [ClientPipelineConfig.Stage]) -> [[ClientPipelineConfig.Stage]] {
            guard items.count > 1 else { return [items] }
            return items.indices.flatMap { i in
                permutations(Array(items[..<i] + items[(i + 1)...])).map { [items[i]] + $0 }
            }
        }
        var checked = 0
        for length in 0...guards.count {
            for order in permutations(Array(guards.prefix(length))) {
                let list = StageList(order)
                #expect(Array(list) == order)
                #expect(list.count == order.count)
                checked += 1
            }
        }
        #expect(checked == 1 + 1 + 2 + 6 + 24)
    }
}
