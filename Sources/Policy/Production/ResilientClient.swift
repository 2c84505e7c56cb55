import Synchronization

/// An error that knows its outcome class (and maybe a server's retry-after),
/// so `ResilientClient` can classify it without a custom classifier.
public protocol ClassifiedError: Error {
    var outcomeClass: OutcomeClass { get }
    /// A server's `Retry-After`, if it sent one.
    var retryAfter: Nanoseconds? { get }
}

extension ClassifiedError {
    public var retryAfter: Nanoseconds? { nil }
}

/// Why `ResilientClient.execute` gave up without an error from the operation.
public enum ResilienceError: Error, Equatable, Sendable {
    /// A guard (breaker, throttle, rate limit, bulkhead, budget) refused the call.
    case rejected(RejectionStage)
    /// The last attempt timed out.
    case timeout
}

/// Counters of everything a `ResilientClient` did, kept consistent under
/// concurrency (updated inside the same lock as the pipeline).
public struct ResilienceCounters: Sendable, Equatable {
    public var calls = 0
    public var attempts = 0
    public var retries = 0
    public var successes = 0
    public var failures = 0
    public var rejected = 0
}

/// The production face of the policy library: a thread-safe wrapper that runs
/// async operations through a `ClientPipeline` with the real clock.
///
/// Timeouts cancel the attempt's task; backoff sleeps with `Task.sleep`. The
/// pipeline's decisions are exactly those the simulator gets for the same
/// configuration and outcomes: only the clock differs. Attempts are sent one
/// after another (hedging is simulated, not run, by this wrapper).
///
/// ```swift
/// let client = try ResilientClient(config: .init(order: [.retry, .breaker], retry: .preset(.resilience4j)!))
/// let body = try await client.execute {
///     let (data, response) = try await URLSession.shared.data(from: url)
///     guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw HTTPStatusError(response) }
///     return data
/// }
/// ```
public final class ResilientClient<Generator: RandomNumberGenerator & Sendable>: Sendable {
    struct State: ~Copyable {
        var pipeline: ClientPipeline
        var generator: Generator
        var counters = ResilienceCounters()
        var inFlight = 0
    }

    let state: Mutex<State>
    let now: @Sendable () -> Nanoseconds
    let sleep: @Sendable (Nanoseconds) async throws -> Void

    /// With the real clock: time counts from the client's creation.
    public convenience init(config: ClientPipelineConfig, generator: Generator) throws(PolicyConfigError) {
        let clock = ContinuousClock()
        let origin = clock.now
        try self.init(config: config, generator: generator,
                      now: { Nanoseconds(durationSinceStart: origin.duration(to: ContinuousClock().now)) },
                      sleep: { delay in try await Task.sleep(for: .nanoseconds(delay.ns)) })
    }

    /// With an injected clock (tests, or a service with its own time source).
    public init(config: ClientPipelineConfig, generator: Generator, now: @escaping @Sendable () -> Nanoseconds,
                sleep: @escaping @Sendable (Nanoseconds) async throws -> Void) throws(PolicyConfigError) {
        state = Mutex(State(pipeline: try ClientPipeline(config: config), generator: generator))
        self.now = now
        self.sleep = sleep
    }

    /// A snapshot of the counters.
    public var counters: ResilienceCounters { state.withLock { $0.counters } }

    /// The breaker's state right now.
    public var breakerState: BreakerState { state.withLock { $0.pipeline.breakerState } }

    /// Runs `operation` through the pipeline: admission, attempts with per-try
    /// timeouts, retries with backoff, until success or the pipeline gives up.
    /// Errors are classified by `ClassifiedError`, else as 5xx.
    public func execute<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await execute(classify: ResilientClient.defaultClassify, operation)
    }

    public func execute<Value: Sendable>(classify: @escaping @Sendable (any Error) -> OutcomeClass,
                                         _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let started = now()
        var call = state.withLock { state -> CallStart in
            state.counters.calls += 1
            return state.pipeline.startCall(now: started, deadline: .max, using: &state.generator)
        }
        if let stage = call.rejectedBy {
            state.withLock { $0.counters.rejected += 1 }
            throw ResilienceError.rejected(stage)
        }
        var kind = PipelineAttemptKind.first
        var lastError: (any Error)?
        while true {
            let attemptStart = now()
            let decision = state.withLock { state -> AttemptStart in
                let decision = state.pipeline.startAttempt(&call.state, kind: kind, now: attemptStart, activeRequests: state.inFlight,
                                                           using: &state.generator)
                if case .send = decision {
                    state.inFlight += 1
                    state.counters.attempts += 1
                    if kind != .first { state.counters.retries += 1 }
                }
                return decision
            }
            let ticket: AttemptTicket
            let timeout: Nanoseconds
            switch decision {
            case .send(let admitted, let limit):
                ticket = admitted
                timeout = limit
            case .skip(let stage), .giveUp(_, let stage?):
                let outcome: OutcomeClass = lastError == nil ? .rejected : call.state.lastOutcome
                endCall(&call.state, outcome: outcome, started: started)
                throw lastError ?? ResilienceError.rejected(stage)
            case .giveUp(let outcome, nil):
                endCall(&call.state, outcome: outcome, started: started)
                throw lastError ?? ResilienceError.timeout
            }

            let result = await ResilientClient.run(operation, timeout: timeout, sleep: sleep)
            let outcome: OutcomeClass
            var retryAfter: Nanoseconds?
            switch result {
            case .success: outcome = .success
            case .failure(let error):
                outcome = error is AttemptTimedOut ? .timeout : classify(error)
                retryAfter = (error as? any ClassifiedError)?.retryAfter
                lastError = error is AttemptTimedOut ? ResilienceError.timeout : error
            }
            let finished = now()
            let next = state.withLock { state -> AfterAttempt in
                state.inFlight -= 1
                return state.pipeline.finishAttempt(&call.state, ticket: ticket, host: nil, now: finished, outcome: outcome,
                                                    latency: finished - attemptStart, retryAfter: retryAfter, using: &state.generator)
            }
            switch next {
            case .complete(let final):
                endCall(&call.state, outcome: final, started: started)
                if final == .success, case .success(let value) = result { return value }
                throw lastError ?? ResilienceError.timeout
            case .retry(let delay):
                if delay.ns > 0 { try await sleep(delay) }
                kind = .retry
            case .wait:
                kind = .retry  // no hedges in flight here, so this does not happen; retry to be safe
            }
        }
    }

    /// Ends the call in the pipeline and the counters.
    func endCall(_ call: inout CallState, outcome: OutcomeClass, started: Nanoseconds) {
        let end = now()
        state.withLock { state in
            state.pipeline.finishCall(&call, now: end, outcome: outcome, latency: end - started)
            switch outcome {
            case .success: state.counters.successes += 1
            case .rejected: state.counters.rejected += 1
            default: state.counters.failures += 1
            }
        }
    }

    /// Marks an attempt that ran out of time.
    struct AttemptTimedOut: Error {}

    /// Runs `operation`, cancelling it after `timeout` (`.max` = no limit).
    static func run<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value, timeout: Nanoseconds,
                                     sleep: @escaping @Sendable (Nanoseconds) async throws -> Void) async -> Result<Value, any Error> {
        if timeout == .max {
            do { return .success(try await operation()) } catch { return .failure(error) }
        }
        return await withTaskGroup(of: Result<Value, any Error>?.self) { group in
            group.addTask {
                do { return .success(try await operation()) } catch { return .failure(error) }
            }
            group.addTask {
                do {
                    try await sleep(timeout)
                    return .failure(AttemptTimedOut())
                } catch {
                    return nil  // cancelled: the operation finished first
                }
            }
            var outcome: Result<Value, any Error> = .failure(AttemptTimedOut())
            if let first = await group.next(), let result = first { outcome = result }
            group.cancelAll()
            return outcome
        }
    }

    /// `ClassifiedError`s carry their class; cancellation is a timeout; anything else is a 5xx.
    @Sendable public static func defaultClassify(_ error: any Error) -> OutcomeClass {
        if let classified = error as? any ClassifiedError { return classified.outcomeClass }
        if error is CancellationError { return .timeout }
        return .serverError
    }
}

extension Nanoseconds {
    /// Converts a `Duration` (attoseconds) to whole nanoseconds, saturating.
    public init(durationSinceStart duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        self = overflow ? .max : Nanoseconds(ns: scaled + attoseconds / 1_000_000_000)
    }
}
