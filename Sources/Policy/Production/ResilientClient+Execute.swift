/// Running one call: the same sequence of pipeline calls the simulator makes
/// (`startCall`, `startAttempt`, `finishAttempt`, `finishCall`), with the
/// operation, the timeout and the backoff in real (or injected) time between them.
extension ResilientClient {
    /// Runs `operation` through the pipeline: admission, attempts with per-try
    /// timeouts, retries with backoff, until success or the pipeline gives up.
    /// Errors are classified by `ClassifiedError`, else as 5xx.
    public func execute<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await execute(classify: ResilientClient.defaultClassify, operation)
    }

    /// `execute` with a classifier of the operation's errors.
    ///
    /// Throws the operation's last error when the call fails after running it;
    /// `ResilienceError.rejected(stage)` when a guard refused the call or its
    /// retry; `ResilienceError.timeout` when the last attempt timed out; and
    /// `CancellationError` when the caller's task is cancelled (the call then
    /// ends without an outcome: its permits go back, nothing is recorded).
    public func execute<Value: Sendable>(classify: @escaping @Sendable (any Error) -> OutcomeClass,
                                         _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let started = now()
        var call = state.withLock { state -> CallStart in
            state.counters.calls += 1
            state.callsInFlight += 1
            let start = state.pipeline.startCall(now: started, deadline: .max, using: &state.generator)
            state.collectEvents()
            return start
        }
        if let stage = call.rejectedBy {
            endCall(&call.state, outcome: .rejected, started: started)
            throw ResilienceError.rejected(stage)
        }
        var kind = PipelineAttemptKind.first
        var lastError: (any Error)?
        while true {
            let attemptStart = now()
            let decision = state.withLock { state -> AttemptStart in
                let decision = state.pipeline.startAttempt(&call.state, kind: kind, now: attemptStart, activeRequests: state.callsInFlight,
                                                           using: &state.generator)
                if case .send = decision {
                    state.counters.attempts += 1
                    if kind != .first { state.counters.retries += 1 }
                }
                state.collectEvents()
                return decision
            }
            let ticket: AttemptTicket
            let timeout: Nanoseconds
            switch decision {
            case .send(let admitted, let limit):
                ticket = admitted
                timeout = limit
            case .giveUp(let outcome, let stage):
                endCall(&call.state, outcome: outcome, started: started)
                throw Self.failure(outcome, stage: stage, lastError: lastError)
            case .skip(let stage):
                // Only hedges are skipped, and this client sends none: end as a refusal would.
                let outcome = lastError == nil ? OutcomeClass.rejected : call.state.lastOutcome
                endCall(&call.state, outcome: outcome, started: started)
                throw Self.failure(outcome, stage: stage, lastError: lastError)
            }

            let result = await ResilientClient.run(operation, timeout: timeout, sleep: sleep)
            if case .failure = result, Task.isCancelled {
                // The caller gave up on the whole call: there is no outcome to learn from or retry.
                let cancelledAt = now()
                state.withLock { $0.pipeline.cancelAttempt(&call.state, ticket: ticket, now: cancelledAt) }
                endCall(&call.state, outcome: .rejected, countedAs: .timeout, started: started)
                throw CancellationError()
            }
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
                let next = state.pipeline.finishAttempt(&call.state, ticket: ticket, host: nil, now: finished, outcome: outcome,
                                                        latency: finished - attemptStart, retryAfter: retryAfter, using: &state.generator)
                state.collectEvents()
                return next
            }
            switch next {
            case .complete(let final):
                endCall(&call.state, outcome: final, started: started)
                if final == .success, case .success(let value) = result { return value }
                throw lastError ?? ResilienceError.timeout
            case .retry(let delay):
                if delay.ns > 0 {
                    do {
                        try await sleep(delay)
                    } catch {
                        // Cancelled while backing off: the outcomes are recorded; the call ends without a final one.
                        endCall(&call.state, outcome: .rejected, countedAs: .timeout, started: started)
                        throw error
                    }
                }
                kind = .retry
            case .wait:
                kind = .retry  // no hedges in flight here, so this does not happen; retry to be safe
            }
        }
    }

    /// The error a call that ended without success throws: a refusal names its
    /// stage; otherwise the operation's last error, or a timeout if there was none.
    static func failure(_ outcome: OutcomeClass, stage: RejectionStage?, lastError: (any Error)?) -> any Error {
        if outcome == .rejected, let stage { return ResilienceError.rejected(stage) }
        if let lastError { return lastError }
        if outcome == .timeout { return ResilienceError.timeout }
        return ResilienceError.rejected(stage ?? .deadline)
    }

    /// `ClassifiedError`s carry their class; cancellation is a timeout; anything else is a 5xx.
    @Sendable public static func defaultClassify(_ error: any Error) -> OutcomeClass {
        if let classified = error as? any ClassifiedError { return classified.outcomeClass }
        if error is CancellationError { return .timeout }
        return .serverError
    }
}
