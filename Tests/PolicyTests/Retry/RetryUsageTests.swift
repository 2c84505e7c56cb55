import Testing
@testable import Policy

/// The caller's loop shown in docs/policies/retry.md ("Usage"), line for line,
/// with a fake transport and a virtual clock in place of `send` and `sleep`.
@Suite struct RetryUsageTests {
    @Test func documentedLoopRetriesTwiceThenSucceedsAndMovesTheGrpcTokens() {
        var outcomes: [OutcomeClass] = [.overloaded, .connectionError, .success]  // fake transport
        var now = Nanoseconds.seconds(1)                                          // fake clock
        var timeouts: [Nanoseconds] = []

        let retry = RetryConfig.preset(.grpc)!
        var budget = RetryBudget(config: RetryBudgetConfig.preset(.grpc)!)
        var rng = SplitMix64(seed: 42)

        let start = now
        budget.recordRequest(now: start)
        var attempts = 0
        var previousDelay = Nanoseconds.zero
        var outcome = OutcomeClass.success
        while true {
            let timeout = retry.perTryTimeout(now: now, requestStart: start)
            timeouts.append(timeout)
            outcome = outcomes.removeFirst()                                       // send(timeout:)
            now += .ms(20)
            attempts += 1
            budget.recordOutcome(now: now, outcome: outcome, wasRetry: attempts > 1)
            let decision = retry.decide(attemptsMade: attempts, outcome: outcome, now: now, requestStart: start,
                                        previousDelay: previousDelay, retryAfter: nil, using: &rng)
            guard case .retry(let delay) = decision,
                  budget.tryAcquireRetry(now: now, outcome: outcome, activeRequests: 1, activeRetries: 0)
            else { break }
            previousDelay = delay
            now += delay                                                           // sleep(delay)
        }

        #expect(outcome == .success && attempts == 3)
        #expect(timeouts == [.max, .max, .max])  // the gRPC preset sets no per-try timeout
        #expect(budget.level == 8.1)             // 10 - 1 - 1 + 0.1
        #expect(now - start <= .ms(60) + .ms(100) + .ms(200))
    }
}
