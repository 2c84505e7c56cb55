/// How one request is retried: how many attempts, on which outcomes, within
/// which per-try and overall time limits, and with what backoff.
///
/// A pure decision (`decide`, in `RetryConfig+Decide.swift`) rather than a
/// loop that sleeps: the caller owns the per-request state (attempts made, the
/// previous delay) and the clock. Retries shared across requests are limited
/// separately by a `RetryBudget`.
///
/// `init()` is AWS SDK standard mode (pre-2026): 3 attempts, transient failures
/// retried, no per-try timeout or deadline, the standard-mode backoff.
public struct RetryConfig: ValidatedConfig {
    /// The most attempts one request may make, including the first. 1 = no retries.
    public var maxAttempts: Int
    /// Outcomes worth retrying. `success` is not allowed here.
    public var retryOn: OutcomeClassSet
    /// Each attempt gives up after this long. `.max` = no per-try timeout.
    public var perTryTimeout: Nanoseconds
    /// The whole request (all attempts and waits) must end within this long of
    /// its start. `.max` = no deadline.
    public var deadline: Nanoseconds
    /// Use the server's retry-after (HTTP `Retry-After`, gRPC `grpc-retry-pushback-ms`)
    /// instead of the computed backoff when one is given.
    public var honorRetryAfter: Bool
    /// The longest server retry-after honoured; longer ones are clamped to this,
    /// so a misbehaving server cannot park a request forever. `.max` = unbounded.
    public var maxRetryAfter: Nanoseconds
    /// The delay between attempts.
    public var backoff: BackoffConfig

    /// AWS SDK standard mode (pre-2026): 3 attempts, `transientFailures`, no
    /// timeouts, retry-after ignored (bound 20 s if enabled), standard backoff.
    public init() {
        self.init(maxAttempts: 3)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(maxAttempts: Int = 3, retryOn: OutcomeClassSet = .transientFailures,
                perTryTimeout: Nanoseconds = .max, deadline: Nanoseconds = .max,
                honorRetryAfter: Bool = false, maxRetryAfter: Nanoseconds = .seconds(20),
                backoff: BackoffConfig = BackoffConfig()) {
        self.maxAttempts = maxAttempts
        self.retryOn = retryOn
        self.perTryTimeout = perTryTimeout
        self.deadline = deadline
        self.honorRetryAfter = honorRetryAfter
        self.maxRetryAfter = maxRetryAfter
        self.backoff = backoff
    }

    /// Rejects zero attempts, retrying on success, non-positive timeouts, a
    /// negative retry-after bound, and any nonsense in `backoff`.
    public func validate() throws(PolicyConfigError) {
        try Check.positive(maxAttempts, "maxAttempts")
        try Check.that(!retryOn.contains(.success), "retryOn", expected: "failure classes only", got: "success")
        try Check.positive(perTryTimeout, "perTryTimeout")
        try Check.positive(deadline, "deadline")
        try Check.nonNegative(maxRetryAfter, "maxRetryAfter")
        try Check.nested(backoff, "backoff")
    }
}
