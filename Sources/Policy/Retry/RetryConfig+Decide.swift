/// The retry decision and the time limits derived from the configuration.
extension RetryConfig {
    /// Decides whether to retry after an attempt ended.
    ///
    /// Checks run in this order, and the first that applies wins: success,
    /// not retryable, attempts exhausted, deadline already passed, server
    /// pushback "do not retry" (a negative retry-after), then the delay: the
    /// server's retry-after (clamped to `maxRetryAfter`) when honoured, else the
    /// backoff. A retry that would start at or after the deadline is not made.
    ///
    /// - Parameters:
    ///   - attemptsMade: attempts made so far, including the one that just ended (>= 1).
    ///     The next retry is retry number `attemptsMade`.
    ///   - outcome: how the attempt that just ended was classified.
    ///   - now: the time of the decision.
    ///   - requestStart: when the first attempt was sent (the deadline counts from here).
    ///   - previousDelay: the delay chosen before this attempt (`.zero` after the first).
    ///     gRPC resets the backoff after a server pushback: pass `.zero` then.
    ///   - retryAfter: the server's requested delay, if any; negative = "do not retry".
    ///   - rng: drawn only when the backoff is jittered and no retry-after is used.
    public func decide(attemptsMade: Int, outcome: OutcomeClass, now: Nanoseconds, requestStart: Nanoseconds,
                       previousDelay: Nanoseconds, retryAfter: Nanoseconds?,
                       using rng: inout some RandomNumberGenerator) -> RetryDecision {
        if outcome == .success { return .giveUp(.succeeded) }
        if !retryOn.contains(outcome) { return .giveUp(.notRetryable) }
        if attemptsMade >= maxAttempts { return .giveUp(.attemptsExhausted) }
        let deadlineAt = deadline == .max ? Nanoseconds.max : requestStart.saturatingAdd(deadline)
        if now >= deadlineAt { return .giveUp(.deadlineExceeded) }
        let wait: Nanoseconds
        if honorRetryAfter, let serverDelay = retryAfter {
            if serverDelay.ns < 0 { return .giveUp(.serverPushback) }
            wait = Swift.min(serverDelay, maxRetryAfter)
        } else {
            wait = backoff.delay(forRetry: attemptsMade, previousDelay: previousDelay, after: outcome, using: &rng)
        }
        if deadlineAt != .max && now.saturatingAdd(wait) >= deadlineAt { return .giveUp(.wouldStartAfterDeadline) }
        return .retry(after: wait)
    }

    /// The timeout for an attempt sent at `now`: the per-try timeout, shortened
    /// to what is left of the overall deadline (never negative). `.max` when neither is set.
    public func perTryTimeout(now: Nanoseconds, requestStart: Nanoseconds) -> Nanoseconds {
        guard deadline != .max else { return perTryTimeout }
        let deadlineAt = requestStart.saturatingAdd(deadline)
        let (left, overflow) = deadlineAt.ns.subtractingReportingOverflow(now.ns)
        let remaining = overflow ? (now.ns < 0 ? Nanoseconds.max : .zero) : Nanoseconds(ns: Swift.max(0, left))
        return Swift.min(perTryTimeout, remaining)
    }

    /// The longest a request can take under this configuration:
    /// `min(deadline, maxAttempts * perTryTimeout + the largest possible delays)`.
    /// The delays assume the worst outcome (a throttled base if larger) and, when
    /// retry-after is honoured, a server asking for `maxRetryAfter`. `.max` = unbounded.
    public var worstCaseLatency: Nanoseconds {
        var total = Self.saturatingTimes(perTryTimeout, maxAttempts)
        var previousMax = Nanoseconds.zero
        var retry = 1
        while retry < maxAttempts && total != .max {
            let backoffMax = Swift.max(backoff.maxDelay(forRetry: retry, previousMax: previousMax),
                                       backoff.maxDelay(forRetry: retry, previousMax: previousMax, after: .throttled))
            let delayMax = honorRetryAfter ? Swift.max(backoffMax, maxRetryAfter) : backoffMax
            if backoffMax >= backoff.cap {
                // Every later retry is capped too (the curves never shrink): add them at once.
                total = total.saturatingAdd(Self.saturatingTimes(delayMax, maxAttempts - retry))
                break
            }
            total = total.saturatingAdd(delayMax)
            previousMax = backoffMax
            retry += 1
        }
        return Swift.min(deadline, total)
    }

    /// `value * count`, saturating at `.max` (both non-negative).
    static func saturatingTimes(_ value: Nanoseconds, _ count: Int) -> Nanoseconds {
        let (product, overflow) = value.ns.multipliedReportingOverflow(by: Int64(count))
        return overflow ? .max : Nanoseconds(ns: product)
    }
}
