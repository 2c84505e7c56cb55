/// An error that knows its outcome class (and maybe a server's retry-after),
/// so `ResilientClient` can classify it without a custom classifier.
public protocol ClassifiedError: Error {
    /// How the pipeline counts the attempt that threw this error.
    var outcomeClass: OutcomeClass { get }
    /// A server's `Retry-After`, if it sent one.
    var retryAfter: Nanoseconds? { get }
}

extension ClassifiedError {
    /// No retry-after unless the error says otherwise.
    public var retryAfter: Nanoseconds? { nil }
}

/// Why `ResilientClient.execute` gave up without an error from the operation.
public enum ResilienceError: Error, Equatable, Sendable {
    /// A guard (breaker, throttle, rate limit, bulkhead) refused the call, or a
    /// retry of it, before the operation ran.
    case rejected(RejectionStage)
    /// The last attempt timed out.
    case timeout
}

/// Counters of everything a `ResilientClient` did, kept consistent under
/// concurrency (updated inside the same lock as the pipeline). Once every
/// call has returned: `successes + failures + rejected == calls`.
public struct ResilienceCounters: Sendable, Equatable {
    /// Calls to `execute`.
    public var calls = 0
    /// Runs of the operation (first attempts and retries).
    public var attempts = 0
    /// Attempts after the first of their call.
    public var retries = 0
    /// Calls that returned a value.
    public var successes = 0
    /// Calls that ended with an error of the operation, a timeout, or cancellation by their caller.
    public var failures = 0
    /// Calls a guard refused (at the start, or when a retry was refused).
    public var rejected = 0
}
