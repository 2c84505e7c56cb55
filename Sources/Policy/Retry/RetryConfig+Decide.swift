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
    ///   - previousDelay: the delay chosen before this attempt (`.zero` after the first);
    ///     only decorrelated jitter reads it. gRPC A6 restarts the backoff at
    ///     `initialBackoff` after a pushback-driven retry fails; this decision keys the
    ///     curve on `attemptsMade` and does not model that restart.
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
    ///
    /// Exact for up to `exactRetryLimit` retries; past that (absurd configurations
    /// such as a million attempts on an uncapped linear curve) every further retry
    /// is charged the largest delay the last retry can get, an upper bound, so
    /// the cost stays O(exactRetryLimit) however large `maxAttempts` is.
    public var worstCaseLatency: Nanoseconds {
        var total = Self.saturatingTimes(perTryTimeout, maxAttempts)
        // The largest delay the previous retry could have waited. Decorrelated jitter
        // grows from the delay actually used, which may be a server's retry-after.
        var previousMax = Nanoseconds.zero
        var retry = 1
        while retry < maxAttempts && total != .max {
            let delayMax = maxDelay(forRetry: retry, previousMax: previousMax)
            if delayMax >= backoff.cap {
                // Every later retry gets this same largest delay: backoff curves stay
                // at the cap once they reach it, and a retry-after above the cap
                // dominates them all. Add them at once.
                return Swift.min(deadline, total.saturatingAdd(Self.saturatingTimes(delayMax, maxAttempts - retry)))
            }
            if retry == Self.exactRetryLimit {
                // Curves are non-decreasing in the retry number, so the last retry's
                // bound also bounds every retry in between. (A decorrelated curve still
                // below the cap after this many tripling steps is stuck at zero.)
                let lastMax = maxDelay(forRetry: maxAttempts - 1, previousMax: previousMax)
                return Swift.min(deadline, total.saturatingAdd(Self.saturatingTimes(lastMax, maxAttempts - retry)))
            }
            total = total.saturatingAdd(delayMax)
            previousMax = delayMax
            retry += 1
        }
        return Swift.min(deadline, total)
    }

    /// Retries summed one by one in `worstCaseLatency` before it switches to a bound.
    static let exactRetryLimit = 10_000

    /// The largest wait before retry `retryNumber`, over every outcome and any
    /// honoured retry-after, given the largest wait before the previous retry.
    func maxDelay(forRetry retryNumber: Int, previousMax: Nanoseconds) -> Nanoseconds {
        let backoffMax = Swift.max(backoff.maxDelay(forRetry: retryNumber, previousMax: previousMax),
                                   backoff.maxDelay(forRetry: retryNumber, previousMax: previousMax, after: .throttled))
        return honorRetryAfter ? Swift.max(backoffMax, maxRetryAfter) : backoffMax
    }

    /// `value * count`, saturating at `.max` (both non-negative).
    static func saturatingTimes(_ value: Nanoseconds, _ count: Int) -> Nanoseconds {
        let (product, overflow) = value.ns.multipliedReportingOverflow(by: Int64(count))
        return overflow ? .max : Nanoseconds(ns: product)
    }
}
