import Testing
@testable import Policy

/// With a single per-attempt guard `startAttempt` asks it directly (`ask`)
/// instead of walking the stage list: pin when that applies, and that
/// permits, refusals and the lazy half-open event are those of the walk.
@Suite struct PipelineLoneAttemptGuardTests {
    typealias F = PipelineFixtures

    static func pipeline(_ order: [ClientPipelineConfig.Stage]) throws -> ClientPipeline {
        try ClientPipeline(config: ClientPipelineConfig(order: order, retry: F.retry(1),
                                                        breaker: F.consecutiveBreaker(1, waitInOpen: .seconds(1))))
    }

    @Test func appliesToALoneAttemptGuard() throws {
        let orders: [[ClientPipelineConfig.Stage]] = [[.retry, .breaker], [.retry], [.breaker, .retry], [.retry, .breaker, .bulkhead],
                                                      [.retry, .bulkhead, .breaker], [.retry, .bulkhead]]
        let guards: [ClientPipelineConfig.Stage?] = try orders.map { try Self.pipeline($0).onlyAttemptGuard }
        #expect(guards == [.breaker, nil, nil, nil, nil, .bulkhead])
    }

    /// A lone bulkhead: admits up to its limit, refuses past it with nothing
    /// held, and admits again once a permit is back.
    @Test func aLoneBulkheadAdmitsAndRefusesAsTheWalk() throws {
        var pipeline = try ClientPipeline(config: ClientPipelineConfig(order: [.retry, .bulkhead], retry: F.retry(1),
                                                                       bulkhead: ConcurrencyLimitConfig(maxConcurrent: 1)))
        var rng = Xoshiro256StarStar(seed: 3)
        var first = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        guard case .send(let ticket, _) = pipeline.startAttempt(&first, kind: .first, now: .zero, activeRequests: 1, using: &rng) else {
            Issue.record("an empty bulkhead refused")
            return
        }
        #expect(ticket.admitted == .bulkhead)
        var second = pipeline.startCall(now: .ms(1), deadline: .max, using: &rng).state
        let refused = pipeline.startAttempt(&second, kind: .first, now: .ms(1), activeRequests: 2, using: &rng)
        #expect(refused == .giveUp(.rejected, .bulkhead))
        #expect(second.outstanding == 0)
        _ = pipeline.finishAttempt(&first, ticket: ticket, host: nil, now: .ms(2), outcome: .success, latency: .ms(2),
                                   retryAfter: nil, using: &rng)
        var third = pipeline.startCall(now: .ms(3), deadline: .max, using: &rng).state
        guard case .send(let again, _) = pipeline.startAttempt(&third, kind: .first, now: .ms(3), activeRequests: 1, using: &rng) else {
            Issue.record("the returned permit was not reused")
            return
        }
        #expect(again.admitted == .bulkhead)
    }

    @Test func permitRefusalAndHalfOpenMatchTheWalk() throws {
        for order: [ClientPipelineConfig.Stage] in [[.retry, .breaker], [.retry, .breaker, .bulkhead]] {
            var pipeline = try Self.pipeline(order)
            var rng = Xoshiro256StarStar(seed: 7)
            var call = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
            guard case .send(let ticket, _) = pipeline.startAttempt(&call, kind: .first, now: .zero, activeRequests: 1, using: &rng) else {
                Issue.record("closed breaker refused")
                return
            }
            #expect(ticket.admitted.contains(.breaker))
            #expect(ticket.breakerEpoch == 0)
            // One failure opens it (consecutive threshold 1).
            _ = pipeline.finishAttempt(&call, ticket: ticket, host: nil, now: .ms(1), outcome: .serverError, latency: .ms(1),
                                       retryAfter: nil, using: &rng)
            pipeline.finishCall(&call, now: .ms(1), outcome: .serverError, latency: .ms(1))
            var refusedCall = pipeline.startCall(now: .ms(2), deadline: .max, using: &rng).state
            let refused = pipeline.startAttempt(&refusedCall, kind: .first, now: .ms(2), activeRequests: 1, using: &rng)
            #expect(refused == .giveUp(.rejected, .breaker))
            #expect(refusedCall.outstanding == 0)
            // After the wait the next attempt moves it to half-open and is the trial.
            var trialCall = pipeline.startCall(now: .ms(1_002), deadline: .max, using: &rng).state
            guard case .send(let trial, _) = pipeline.startAttempt(&trialCall, kind: .first, now: .ms(1_002), activeRequests: 1, using: &rng) else {
                Issue.record("no half-open trial")
                return
            }
            #expect(trial.breakerEpoch == 2)
            #expect(trialCall.breakerPermitsOut == 1)
            var events: [PipelineEvent] = []
            pipeline.drainEvents(into: &events)
            #expect(events.map(\.to) == ["open", "halfOpen"])
        }
    }
}
