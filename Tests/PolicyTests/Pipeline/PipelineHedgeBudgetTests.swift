import Testing
@testable import Policy

/// What retries and hedges that end without an outcome of their own give back
/// to the retry budget: a hedge that loses the race or that its caller
/// cancels returns what the budget charged for it, priced as a retry after a
/// timeout (`RetryBudget.refundRetry(now:retryCause: .timeout)`); a retry a
/// hedge beats returns what its own cause cost. Otherwise an AWS-style quota
/// would drain under hedging while every call succeeds.
@Suite struct PipelineHedgeBudgetTests {
    typealias F = PipelineFixtures

    /// Distinct prices, so each refund shows what it was priced by.
    static let quota = RetryBudgetConfig(kind: .awsStandard, awsStandard: RetryQuotaConfig(
        capacity: 100, retryCost: 5, timeoutRetryCost: 10, throttlingRetryCost: 3, noRetryIncrement: 1))

    static func hedged(_ maxAttempts: Int, order: [ClientPipelineConfig.Stage] = ClientPipelineConfig.retryOnly) -> ClientPipelineConfig {
        ClientPipelineConfig(order: order, retry: F.retry(maxAttempts, backoff: .ms(10)), retryBudget: quota,
                             hedging: HedgingConfig(maxAttempts: maxAttempts, hedgeDelay: .ms(50)), breaker: F.countingBreaker)
    }

    /// A call whose three attempts fail with 5xx: two retries at 5 tokens leave 90.
    static func drainTen(_ pipeline: inout ClientPipeline, at start: Nanoseconds, using rng: inout SplitMix64) throws {
        var call = pipeline.startCall(now: start, deadline: .max, using: &rng).state
        var kind = PipelineAttemptKind.first
        var now = start
        while true {
            let ticket = try pipeline.send(&call, [(kind, now)], using: &rng)[0]
            guard case .retry(let delay) = pipeline.answer(&call, ticket, .serverError, at: now + .ms(1), using: &rng) else { break }
            now += .ms(1) + delay
            kind = .retry
        }
        pipeline.finishCall(&call, now: now, outcome: .serverError, latency: now - start)
        #expect(pipeline.retryBudgetLevel == 90)
    }

    @Test func hedgesThatLoseGiveBackWhatTheyCostAsRetriesAfterATimeout() throws {
        var pipeline = try ClientPipeline(config: Self.hedged(3))
        var rng = SplitMix64(seed: 1)
        try Self.drainTen(&pipeline, at: .zero, using: &rng)
        let start = Nanoseconds.seconds(1)
        var call = pipeline.startCall(now: start, deadline: .max, using: &rng).state
        let tickets = try pipeline.send(&call, [(.first, start), (.hedge, start + .ms(50)), (.hedge, start + .ms(100))], using: &rng)
        #expect(pipeline.retryBudgetLevel == 70)
        // The original answers first: a success without retry earns 1.
        #expect(pipeline.answer(&call, tickets[0], .success, at: start + .ms(120), using: &rng) == .complete(.success))
        #expect(pipeline.retryBudgetLevel == 71)
        // Both hedges lost: 10 each back (at 5 tokens, a plain retry's price, this would be 81).
        pipeline.finishCall(&call, now: start + .ms(120), outcome: .success, latency: .ms(120))
        #expect(pipeline.retryBudgetLevel == 91)
        #expect(pipeline.activeRetries == 0)
        // A loser reported after the end gives nothing more.
        _ = pipeline.answer(&call, tickets[1], .success, at: start + .ms(130), using: &rng)
        #expect(pipeline.retryBudgetLevel == 91)
    }

    @Test func aHedgeItsCallerCancelsGivesBackWhatItCostAndRecordsNothing() throws {
        var pipeline = try ClientPipeline(config: Self.hedged(3, order: [.retry, .breaker]))
        var rng = SplitMix64(seed: 1)
        try Self.drainTen(&pipeline, at: .zero, using: &rng)
        #expect(pipeline.breaker.metrics.bufferedCalls == 3)
        let start = Nanoseconds.seconds(1)
        var call = pipeline.startCall(now: start, deadline: .max, using: &rng).state
        let tickets = try pipeline.send(&call, [(.first, start), (.hedge, start + .ms(50))], using: &rng)
        #expect(pipeline.retryBudgetLevel == 80)
        pipeline.cancelAttempt(&call, ticket: tickets[1], now: start + .ms(60))
        #expect(pipeline.retryBudgetLevel == 90)
        #expect(pipeline.breaker.metrics.bufferedCalls == 3)
        #expect(pipeline.activeRetries == 0)
        #expect(pipeline.answer(&call, tickets[0], .success, at: start + .ms(70), using: &rng) == .complete(.success))
        pipeline.finishCall(&call, now: start + .ms(70), outcome: .success, latency: .ms(70))
        #expect(pipeline.retryBudgetLevel == 91)
        #expect(pipeline.breaker.metrics.bufferedCalls == 4)
    }

    @Test func aRetryThatAHedgeBeatsGivesBackWhatItsOwnCauseCost() throws {
        var pipeline = try ClientPipeline(config: Self.hedged(4))
        var rng = SplitMix64(seed: 1)
        var call = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        let early = try pipeline.send(&call, [(.first, .zero), (.hedge, .ms(50))], using: &rng)
        #expect(pipeline.answer(&call, early[0], .serverError, at: .ms(60), using: &rng) == .wait)
        // The hedge fails too (throttled): its 10 tokens stay spent, and a retry follows.
        #expect(pipeline.answer(&call, early[1], .throttled, at: .ms(70), using: &rng) == .retry(after: .ms(10)))
        _ = try pipeline.send(&call, [(.retry, .ms(80))], using: &rng)
        #expect(pipeline.retryBudgetLevel == 87)
        #expect(pipeline.nextHedgeTime(call, now: .ms(80)) == .ms(150))
        let late = try pipeline.send(&call, [(.hedge, .ms(150))], using: &rng)[0]
        #expect(pipeline.retryBudgetLevel == 77)
        // The late hedge wins: a successful retry gets back its own cost (10)...
        #expect(pipeline.answer(&call, late, .success, at: .ms(160), using: &rng) == .complete(.success))
        #expect(pipeline.retryBudgetLevel == 87)
        // ...and the retry it beat gets back what a retry after a 429 cost (3).
        pipeline.finishCall(&call, now: .ms(160), outcome: .success, latency: .ms(160))
        #expect(pipeline.retryBudgetLevel == 90)
    }

    @Test func hedgedCallsThatAllSucceedNeverDrainTheQuota() throws {
        // Seeded random hedged calls: some hedges cancelled by the caller, one
        // surviving copy wins, the rest lose. Each call must leave the quota full.
        var rng = SplitMix64(seed: 4_242)
        var totals = (hedges: 0, cancelled: 0, hedgeWins: 0)
        for _ in 0..<500 {
            let maxAttempts = 2 + Int(rng.nextBelow(4))
            var pipeline = try ClientPipeline(config: Self.hedged(maxAttempts))
            var now = Nanoseconds.zero
            for _ in 0..<20 {
                now += .ms(Int64(1 + rng.nextBelow(1_000)))
                var call = pipeline.startCall(now: now, deadline: .max, using: &rng).state
                var live = try pipeline.send(&call, [(.first, now)], using: &rng)
                let copies = Int(rng.nextBelow(UInt64(maxAttempts)))
                for _ in 0..<copies {
                    guard let at = pipeline.nextHedgeTime(call, now: now) else { break }
                    now = at
                    live += try pipeline.send(&call, [(.hedge, now)], using: &rng)
                    totals.hedges += 1
                    if live.count > 1 && rng.chance(0.3) {
                        let index = 1 + Int(rng.nextBelow(UInt64(live.count - 1)))
                        pipeline.cancelAttempt(&call, ticket: live.remove(at: index), now: now)
                        totals.cancelled += 1
                    }
                }
                let winner = live[Int(rng.nextBelow(UInt64(live.count)))]
                if winner.kind == .hedge { totals.hedgeWins += 1 }
                now += .ms(5)
                #expect(pipeline.answer(&call, winner, .success, at: now, using: &rng) == .complete(.success))
                pipeline.finishCall(&call, now: now, outcome: .success, latency: .ms(5))
                #expect(pipeline.retryBudgetLevel == 100)
                #expect(pipeline.activeRetries == 0)
            }
        }
        // What the sequences exercised (pinned: the same seed gives the same run).
        #expect(totals.hedges == 12_366)
        #expect(totals.cancelled == 3_834)
        #expect(totals.hedgeWins == 3_283)
    }
}
