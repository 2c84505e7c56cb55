@testable import Policy

/// What happened to one call driven through a pipeline.
struct CallTrace: Equatable {
    /// The per-call guard that refused the call, if one did.
    var rejectedAtStart: RejectionStage?
    /// When each attempt was sent, and the timeout it was given.
    var sentAt: [Nanoseconds] = []
    var timeouts: [Nanoseconds] = []
    /// The backoff before each retry.
    var delays: [Nanoseconds] = []
    /// The stage that refused a retry (`giveUp` with a stage), if one did.
    var stoppedBy: RejectionStage?
    var outcome: OutcomeClass = .rejected
    var endedAt: Nanoseconds = .zero
}

/// Drives a `ClientPipeline` one call at a time exactly as the simulator's
/// `World+Calls.swift` does for calls without hedges: `startCall`, then
/// `startAttempt` (with the calls in flight as active requests), an answer
/// or the attempt's timeout, whichever comes first, `finishAttempt` with no
/// retry-after, the backoff, and `finishCall` with the call's latency. It
/// keeps every event the pipeline reports, drained after each step.
struct PipelineDriver {
    var pipeline: ClientPipeline
    var rng: SplitMix64
    var events: [PipelineEvent] = []
    var now: Nanoseconds = .zero

    init(_ config: ClientPipelineConfig, seed: UInt64 = 1) throws {
        pipeline = try ClientPipeline(config: config)
        rng = SplitMix64(seed: seed)
    }

    /// Runs one call starting at `start` (or now, if later): attempt `i` (0 =
    /// first) ends with `outcome(i)` after `latency`, unless its timeout is shorter.
    @discardableResult
    mutating func call(at start: Nanoseconds? = nil, deadline: Nanoseconds = .max, latency: Nanoseconds = .ms(10),
                       _ outcome: (Int) -> OutcomeClass) -> CallTrace {
        call(at: start, deadline: deadline) { (latency, outcome($0)) }
    }

    /// Runs one call whose attempt `i` would answer `attempt(i).outcome` after
    /// `attempt(i).latency`; one whose timeout is shorter times out instead.
    @discardableResult
    mutating func call(at start: Nanoseconds? = nil, deadline: Nanoseconds = .max,
                       attempts attempt: (Int) -> (latency: Nanoseconds, outcome: OutcomeClass)) -> CallTrace {
        if let start, start > now { now = start }
        let started = now
        var trace = CallTrace()
        let begin = pipeline.startCall(now: now, deadline: deadline, using: &rng)
        drain()
        var call = begin.state
        if let stage = begin.rejectedBy {
            trace.rejectedAtStart = stage
            return end(&call, .rejected, started: started, trace: trace)
        }
        var kind = PipelineAttemptKind.first
        while true {
            switch pipeline.startAttempt(&call, kind: kind, now: now, activeRequests: 1, using: &rng) {
            case .send(let ticket, let timeout):
                drain()
                trace.sentAt.append(now)
                trace.timeouts.append(timeout)
                let sent = now
                let (latency, outcome) = attempt(trace.sentAt.count - 1)
                let answered = latency <= timeout
                now = now.saturatingAdd(answered ? latency : timeout)
                let result = answered ? outcome : .timeout
                let next = pipeline.finishAttempt(&call, ticket: ticket, host: nil, now: now, outcome: result,
                                                  latency: now - sent, retryAfter: nil, using: &rng)
                drain()
                switch next {
                case .complete(let final):
                    return end(&call, final, started: started, trace: trace)
                case .retry(let delay):
                    trace.delays.append(delay)
                    now = now.saturatingAdd(delay)
                    kind = .retry
                case .wait:
                    fatalError("no hedges are sent by this driver")
                }
            case .giveUp(let final, let stage):
                drain()
                trace.stoppedBy = stage
                return end(&call, final, started: started, trace: trace)
            case .skip:
                fatalError("only hedges are skipped")
            }
        }
    }

    mutating func end(_ call: inout CallState, _ outcome: OutcomeClass, started: Nanoseconds, trace: CallTrace) -> CallTrace {
        pipeline.finishCall(&call, now: now, outcome: outcome, latency: now - started)
        drain()
        var trace = trace
        trace.outcome = outcome
        trace.endedAt = now
        return trace
    }

    mutating func drain() {
        pipeline.drainEvents(into: &events)
    }

    /// The breaker transitions reported so far, as (from, to, at).
    var transitions: [BreakerTransition] {
        events.compactMap { event in
            if case .breaker(let transition) = event.kind { return transition }
            return nil
        }
    }
}

/// Configurations the pipeline tests share.
enum PipelineFixtures {
    /// `maxAttempts` attempts on transient failures, a constant backoff, no timeouts.
    static func retry(_ maxAttempts: Int, backoff: Nanoseconds = .ms(100), perTry: Nanoseconds = .max,
                      deadline: Nanoseconds = .max) -> RetryConfig {
        RetryConfig(maxAttempts: maxAttempts, retryOn: .transientFailures, perTryTimeout: perTry, deadline: deadline,
                    backoff: BackoffConfig(kind: .constant, base: backoff, cap: .max, jitter: .none))
    }

    /// A breaker that opens after `failures` failures in a row and waits `waitInOpen`.
    static func consecutiveBreaker(_ failures: Int, waitInOpen: Nanoseconds = .seconds(10), permits: Int = 1) -> CircuitBreakerConfig {
        CircuitBreakerConfig(mode: .consecutiveFailures, waitInOpen: waitInOpen, permittedCallsInHalfOpen: permits,
                             consecutiveFailureThreshold: failures)
    }

    /// A breaker with a count window far too large to trip in a test.
    static let countingBreaker = CircuitBreakerConfig(slidingWindowSize: 1_000, minimumNumberOfCalls: 1_000)
}

/// An attempt the test expected to be sent was not.
struct AttemptNotSent: Error, CustomStringConvertible {
    var decision: AttemptStart
    var description: String { "attempt not sent: \(decision)" }
}

extension ClientPipeline {
    /// Starts each attempt of `call` at its time (activeRequests 1) and returns
    /// their tickets; throws if one is not sent.
    mutating func send(_ call: inout CallState, _ attempts: [(PipelineAttemptKind, Nanoseconds)],
                       using rng: inout SplitMix64) throws -> [AttemptTicket] {
        var tickets: [AttemptTicket] = []
        for (kind, time) in attempts {
            let decision = startAttempt(&call, kind: kind, now: time, activeRequests: 1, using: &rng)
            guard case .send(let ticket, _) = decision else { throw AttemptNotSent(decision: decision) }
            tickets.append(ticket)
        }
        return tickets
    }

    /// Reports `outcome` for `ticket` at `now` (no host, no retry-after).
    mutating func answer(_ call: inout CallState, _ ticket: AttemptTicket, _ outcome: OutcomeClass, at now: Nanoseconds,
                         latency: Nanoseconds = .zero, using rng: inout SplitMix64) -> AfterAttempt {
        finishAttempt(&call, ticket: ticket, host: nil, now: now, outcome: outcome, latency: latency, retryAfter: nil, using: &rng)
    }
}
