/// What a retry policy decided after one attempt ended.
public enum RetryDecision: Equatable, Sendable {
    /// Send the next attempt after waiting this long (from the moment of the decision).
    case retry(after: Nanoseconds)
    /// Stop and return the last outcome to the caller, for this reason.
    case giveUp(GiveUpReason)

    /// Why a request stopped being retried. Raw values are the spellings reports use.
    public enum GiveUpReason: String, Codable, CaseIterable, Sendable {
        /// The attempt succeeded: nothing to retry.
        case succeeded
        /// The outcome is not in `retryOn` (for example a 4xx client error).
        case notRetryable
        /// `maxAttempts` attempts have been made.
        case attemptsExhausted
        /// The overall deadline has already passed.
        case deadlineExceeded
        /// Waiting the backoff would start the next attempt at or after the deadline,
        /// so it could not finish in time and would only add load.
        case wouldStartAfterDeadline
        /// The server's retry-after was negative: gRPC pushback meaning "do not retry".
        case serverPushback
        /// A shared `RetryBudget` refused the retry. `RetryConfig.decide` never returns
        /// this itself; callers that consult a budget after `.retry` report it.
        case budgetExhausted
    }

    /// `true` for `.retry`.
    public var isRetry: Bool {
        if case .retry = self { return true }
        return false
    }
}
