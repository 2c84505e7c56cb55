import Testing
@testable import Policy

/// `startCall` without per-call guards builds the state and returns (guards go
/// through `askCallGuards`, whose answer is set into the same start); `finishCall` of a call with nothing out and no
/// per-call guard only marks it finished (the rest is `finishHeldCall`). Pin
/// both sides of each split.
@Suite struct PipelineCallBoundaryTests {
    typealias F = PipelineFixtures

    static func pipeline(_ order: [ClientPipelineConfig.Stage], deadline: Nanoseconds = .seconds(2)) throws -> ClientPipeline {
        try ClientPipeline(config: ClientPipelineConfig(order: order, retry: F.retry(3, deadline: deadline), breaker: F.countingBreaker))
    }

    @Test func startWithoutPerCallGuardsBoundsTheDeadline() throws {
        var pipeline = try Self.pipeline([.retry, .breaker])
        var rng = Xoshiro256StarStar(seed: 1)
        let own = pipeline.startCall(now: .seconds(5), deadline: .seconds(6), using: &rng)
        #expect(own.rejectedBy == nil)
        #expect(own.state.started == .seconds(5))
        #expect(own.state.deadline == .seconds(6))
        #expect(own.state.outerAdmitted.isEmpty)
        let retryBound = pipeline.startCall(now: .seconds(5), deadline: .max, using: &rng)
        #expect(retryBound.state.deadline == .seconds(7))
        var unbounded = try Self.pipeline([.retry], deadline: .max)
        let none = unbounded.startCall(now: .seconds(5), deadline: .max, using: &rng)
        #expect(none.state.deadline == .max)
        #expect(none.state == CallState(started: .seconds(5), deadline: .max))
    }

    @Test func startWithAPerCallBreakerTakesItsPermit() throws {
        var pipeline = try Self.pipeline([.breaker, .retry])
        var rng = Xoshiro256StarStar(seed: 1)
        let start = pipeline.startCall(now: .zero, deadline: .max, using: &rng)
        #expect(start.rejectedBy == nil)
        #expect(start.state.outerAdmitted == .breaker)
        #expect(start.state.deadline == .seconds(2))
    }

    /// The guards' three answers land in the start returned: the refusal,
    /// what was admitted, and the breaker epoch it was admitted in.
    @Test func startWithAPerCallBreakerCarriesItsRefusalOrEpoch() throws {
        var pipeline = try Self.pipeline([.breaker, .retry])
        var rng = Xoshiro256StarStar(seed: 1)
        pipeline.breaker.forceOpen(now: .zero)  // epoch 1
        let refused = pipeline.startCall(now: .seconds(1), deadline: .max, using: &rng)
        #expect(refused.rejectedBy == .breaker)
        #expect(refused.state.outerAdmitted.isEmpty)
        #expect(refused.state.outerBreakerEpoch == 0)
        #expect(refused.state.started == .seconds(1) && refused.state.deadline == .seconds(3))
        pipeline.breaker.forceClosed(now: .seconds(2))  // epoch 2
        let admitted = pipeline.startCall(now: .seconds(3), deadline: .seconds(4), using: &rng)
        #expect(admitted.rejectedBy == nil)
        #expect(admitted.state.outerAdmitted == .breaker)
        #expect(admitted.state.outerBreakerEpoch == 2)
        #expect(admitted.state.started == .seconds(3) && admitted.state.deadline == .seconds(4))
    }

    @Test func finishWithNothingHeldOnlyMarksTheCall() throws {
        var pipeline = try Self.pipeline([.retry, .breaker])
        var rng = Xoshiro256StarStar(seed: 1)
        var call = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        guard case .send(let ticket, _) = pipeline.startAttempt(&call, kind: .first, now: .zero, activeRequests: 1, using: &rng) else {
            Issue.record("the attempt was not sent")
            return
        }
        _ = pipeline.finishAttempt(&call, ticket: ticket, host: nil, now: .ms(5), outcome: .success, latency: .ms(5),
                                   retryAfter: nil, using: &rng)
        var expected = call
        expected.finished = true
        pipeline.finishCall(&call, now: .ms(5), outcome: .success, latency: .ms(5))
        #expect(call == expected)
        // The per-attempt breaker saw the attempt once; the call adds nothing.
        #expect(pipeline.breaker.metrics.bufferedCalls == 1)
    }

    @Test func finishWithAPerCallGuardRecordsOnceAndOnlyOnce() throws {
        var pipeline = try Self.pipeline([.breaker, .retry])
        var rng = Xoshiro256StarStar(seed: 1)
        var call = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        pipeline.finishCall(&call, now: .ms(1), outcome: .serverError, latency: .ms(1))
        #expect(call.finished)
        #expect(call.outerAdmitted.isEmpty)
        #expect(pipeline.breaker.metrics.bufferedCalls == 1)
        #expect(pipeline.breaker.metrics.failedCalls == 1)
        pipeline.finishCall(&call, now: .ms(2), outcome: .serverError, latency: .ms(2))
        #expect(pipeline.breaker.metrics.bufferedCalls == 1)
    }

    @Test func finishWithAnAttemptOutGivesItBack() throws {
        var pipeline = try Self.pipeline([.retry, .breaker])
        var rng = Xoshiro256StarStar(seed: 1)
        var call = pipeline.startCall(now: .zero, deadline: .max, using: &rng).state
        _ = pipeline.startAttempt(&call, kind: .first, now: .zero, activeRequests: 1, using: &rng)
        #expect(call.outstanding == 1)
        #expect(call.breakerPermitsOut == 1)
        pipeline.finishCall(&call, now: .ms(1), outcome: .timeout, latency: .ms(1))
        #expect(call.outstanding == 0)
        #expect(call.breakerPermitsOut == 0)
        #expect(pipeline.breaker.metrics.bufferedCalls == 0)
    }
}
