import Testing
@testable import Policy

/// Retry decisions. Order of checks and pushback semantics follow gRPC A6
/// ("If the client has already exhausted its maxAttempts, the call will not be
/// retried even if the server says to retry"; a negative pushback means do not
/// retry), read with the search tool.
@Suite struct RetryDecisionTests {
    /// 3 attempts, 300 ms per try, 1 s deadline, exponential 100 ms x2 without
    /// jitter, retry-after honoured up to 500 ms.
    static let config = RetryConfig(
        maxAttempts: 3, retryOn: .transientFailures, perTryTimeout: .ms(300), deadline: .seconds(1),
        honorRetryAfter: true, maxRetryAfter: .ms(500),
        backoff: BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(1), jitter: .none))

    struct Row: Sendable, CustomTestStringConvertible {
        var attempts: Int
        var outcome: OutcomeClass
        var nowMs: Int64
        var retryAfterMs: Int64?
        var expected: RetryDecision
        var testDescription: String { "attempts \(attempts) \(outcome) at \(nowMs)ms retryAfter \(retryAfterMs.map(String.init) ?? "-")" }
    }

    @Test(arguments: [
        Row(attempts: 1, outcome: .success, nowMs: 100, retryAfterMs: nil, expected: .giveUp(.succeeded)),
        Row(attempts: 1, outcome: .clientError, nowMs: 100, retryAfterMs: nil, expected: .giveUp(.notRetryable)),
        Row(attempts: 1, outcome: .rejected, nowMs: 100, retryAfterMs: nil, expected: .giveUp(.notRetryable)),
        Row(attempts: 1, outcome: .serverError, nowMs: 300, retryAfterMs: nil, expected: .retry(after: .ms(100))),
        Row(attempts: 2, outcome: .timeout, nowMs: 700, retryAfterMs: nil, expected: .retry(after: .ms(200))),
        Row(attempts: 3, outcome: .serverError, nowMs: 750, retryAfterMs: nil, expected: .giveUp(.attemptsExhausted)),
        // Attempts are checked before the server's pushback.
        Row(attempts: 3, outcome: .overloaded, nowMs: 100, retryAfterMs: 10, expected: .giveUp(.attemptsExhausted)),
        // Deadline edges: the next attempt must start strictly before the deadline.
        Row(attempts: 2, outcome: .timeout, nowMs: 799, retryAfterMs: nil, expected: .retry(after: .ms(200))),
        Row(attempts: 2, outcome: .timeout, nowMs: 800, retryAfterMs: nil, expected: .giveUp(.wouldStartAfterDeadline)),
        Row(attempts: 2, outcome: .timeout, nowMs: 850, retryAfterMs: nil, expected: .giveUp(.wouldStartAfterDeadline)),
        Row(attempts: 1, outcome: .serverError, nowMs: 999, retryAfterMs: nil, expected: .giveUp(.wouldStartAfterDeadline)),
        Row(attempts: 1, outcome: .serverError, nowMs: 1_000, retryAfterMs: nil, expected: .giveUp(.deadlineExceeded)),
        Row(attempts: 1, outcome: .serverError, nowMs: 5_000, retryAfterMs: 0, expected: .giveUp(.deadlineExceeded)),
        // Retry-after replaces the backoff, clamped to maxRetryAfter.
        Row(attempts: 1, outcome: .throttled, nowMs: 100, retryAfterMs: 250, expected: .retry(after: .ms(250))),
        Row(attempts: 1, outcome: .throttled, nowMs: 100, retryAfterMs: 0, expected: .retry(after: .zero)),
        Row(attempts: 1, outcome: .throttled, nowMs: 100, retryAfterMs: 2_000, expected: .retry(after: .ms(500))),
        Row(attempts: 1, outcome: .throttled, nowMs: 600, retryAfterMs: 2_000, expected: .giveUp(.wouldStartAfterDeadline)),
        Row(attempts: 1, outcome: .overloaded, nowMs: 100, retryAfterMs: -1, expected: .giveUp(.serverPushback)),
    ])
    func decisionTable(row: Row) {
        var rng = SplitMix64(seed: 1)
        let decision = Self.config.decide(attemptsMade: row.attempts, outcome: row.outcome, now: .ms(row.nowMs), requestStart: .zero,
                                          previousDelay: .zero, retryAfter: row.retryAfterMs.map { .ms($0) }, using: &rng)
        #expect(decision == row.expected)
    }

    @Test func retryAfterIsIgnoredUnlessHonoured() {
        var config = Self.config
        config.honorRetryAfter = false
        var rng = SplitMix64(seed: 1)
        let later = config.decide(attemptsMade: 1, outcome: .throttled, now: .ms(100), requestStart: .zero,
                                  previousDelay: .zero, retryAfter: .ms(250), using: &rng)
        #expect(later == .retry(after: .ms(100)))
        let never = config.decide(attemptsMade: 1, outcome: .throttled, now: .ms(100), requestStart: .zero,
                                  previousDelay: .zero, retryAfter: .ms(-1), using: &rng)
        #expect(never == .retry(after: .ms(100)))
    }

    @Test func deadlineCountsFromTheRequestStart() {
        var rng = SplitMix64(seed: 1)
        let start = Nanoseconds.seconds(100)
        let inside = Self.config.decide(attemptsMade: 1, outcome: .serverError, now: start + .ms(850), requestStart: start,
                                        previousDelay: .zero, retryAfter: nil, using: &rng)
        #expect(inside == .retry(after: .ms(100)))
        let outside = Self.config.decide(attemptsMade: 1, outcome: .serverError, now: start + .ms(900), requestStart: start,
                                         previousDelay: .zero, retryAfter: nil, using: &rng)
        #expect(outside == .giveUp(.wouldStartAfterDeadline))
    }

    @Test func noDeadlineMeansRetryAtAnyTime() {
        var config = Self.config
        config.deadline = .max
        var rng = SplitMix64(seed: 1)
        let decision = config.decide(attemptsMade: 2, outcome: .connectionError, now: Nanoseconds(ns: Int64.max - 10),
                                     requestStart: .seconds(5), previousDelay: .zero, retryAfter: nil, using: &rng)
        #expect(decision == .retry(after: .ms(200)))
    }

    @Test func jitteredDecisionDrawsTheSameDelayAsTheBackoff() {
        var config = Self.config
        config.backoff.jitter = .full
        var decideRng = SplitMix64(seed: 77)
        var backoffRng = SplitMix64(seed: 77)
        let decision = config.decide(attemptsMade: 2, outcome: .serverError, now: .zero, requestStart: .zero,
                                     previousDelay: .zero, retryAfter: nil, using: &decideRng)
        let expected = config.backoff.delay(forRetry: 2, previousDelay: .zero, using: &backoffRng)
        #expect(decision == .retry(after: expected))
        #expect(expected <= .ms(200))
    }

    @Test func perTryTimeoutIsShortenedToTheRemainingDeadline() {
        let config = Self.config
        #expect(config.perTryTimeout(now: .zero, requestStart: .zero) == .ms(300))
        #expect(config.perTryTimeout(now: .ms(700), requestStart: .zero) == .ms(300))
        #expect(config.perTryTimeout(now: .ms(800), requestStart: .zero) == .ms(200))
        #expect(config.perTryTimeout(now: .ms(1_200), requestStart: .zero) == .zero)
        // Near the end of representable time the deadline saturates instead of trapping.
        #expect(config.perTryTimeout(now: Nanoseconds(ns: Int64.max - 5), requestStart: Nanoseconds(ns: Int64.max - 5)) == .ns(5))
        var noDeadline = config
        noDeadline.deadline = .max
        #expect(noDeadline.perTryTimeout(now: .hours(5), requestStart: .zero) == .ms(300))
        var neither = noDeadline
        neither.perTryTimeout = .max
        #expect(neither.perTryTimeout(now: .hours(5), requestStart: .zero) == .max)
        var onlyDeadline = config
        onlyDeadline.perTryTimeout = .max
        #expect(onlyDeadline.perTryTimeout(now: .ms(400), requestStart: .zero) == .ms(600))
    }
}

@Suite struct WorstCaseLatencyTests {
    static let backoff = BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(1), jitter: .none)

    @Test func sumsEveryTryAndEveryMaximumDelay() {
        let config = RetryConfig(maxAttempts: 3, perTryTimeout: .ms(300), backoff: Self.backoff)
        #expect(config.worstCaseLatency == .ms(900 + 100 + 200))
    }

    @Test func isBoundedByTheDeadline() {
        let config = RetryConfig(maxAttempts: 3, perTryTimeout: .ms(300), deadline: .seconds(1), backoff: Self.backoff)
        #expect(config.worstCaseLatency == .seconds(1))
    }

    @Test func honouredRetryAfterCanStretchEveryDelay() {
        let config = RetryConfig(maxAttempts: 3, perTryTimeout: .ms(300), honorRetryAfter: true, maxRetryAfter: .ms(500), backoff: Self.backoff)
        #expect(config.worstCaseLatency == .ms(900 + 500 + 500))
    }

    @Test func usesTheLargerThrottledBase() {
        var backoff = Self.backoff
        backoff.throttledBase = .ms(400)
        let config = RetryConfig(maxAttempts: 3, perTryTimeout: .ms(300), backoff: backoff)
        #expect(config.worstCaseLatency == .ms(900 + 400 + 800))
    }

    @Test func decorrelatedGrowsByThreeUpToTheCap() {
        var backoff = Self.backoff
        backoff.jitter = .decorrelated
        let config = RetryConfig(maxAttempts: 4, perTryTimeout: .ms(100), backoff: backoff)
        #expect(config.worstCaseLatency == .ms(400 + 300 + 900 + 1_000))
    }

    @Test func noPerTryTimeoutAndNoDeadlineIsUnbounded() {
        #expect(RetryConfig(maxAttempts: 3, backoff: Self.backoff).worstCaseLatency == .max)
        #expect(RetryConfig(maxAttempts: 3, deadline: .seconds(30), backoff: Self.backoff).worstCaseLatency == .seconds(30))
    }

    @Test func manyAttemptsSaturateInsteadOfOverflowing() {
        let backoff = BackoffConfig(kind: .exponential, base: .ms(1), multiplier: 2, cap: .seconds(1), jitter: .full)
        let config = RetryConfig(maxAttempts: 1_000_000, perTryTimeout: .ms(1), backoff: backoff)
        // 10^6 tries of 1 ms, delays 1+2+...+512 ms, then 999,989 capped delays of 1 s.
        #expect(config.worstCaseLatency == .ms(1_000_000 + 1_023 + 999_989_000))
        let huge = RetryConfig(maxAttempts: Int.max, perTryTimeout: .hours(1), backoff: backoff)
        #expect(huge.worstCaseLatency == .max)
    }

    @Test func decorrelatedGrowsFromAnHonouredRetryAfter() {
        // The caller passes the delay it actually waited as `previousDelay`; after a
        // 5 s retry-after, decorrelated jitter may draw up to min(10 s, 3 x 5 s).
        let backoff = BackoffConfig(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(10), jitter: .decorrelated)
        let config = RetryConfig(maxAttempts: 3, perTryTimeout: .ms(1), honorRetryAfter: true, maxRetryAfter: .seconds(5), backoff: backoff)
        #expect(config.worstCaseLatency == .ms(3) + .seconds(5) + .seconds(10))
    }

    @Test func hugeAttemptCountsOnUncappedCurvesFinishAndStayAnUpperBound() {
        // Constant delays: exact even past the one-by-one limit.
        let constant = BackoffConfig(kind: .constant, base: .ms(1), multiplier: 1, cap: .max, jitter: .none)
        #expect(RetryConfig(maxAttempts: 1_000_000, perTryTimeout: .ms(1), backoff: constant).worstCaseLatency == .ms(1_000_000 + 999_999))
        // Linear: retries 1...9,999 summed exactly, the other 10,001 charged the last retry's 20,000 ns.
        let linear = BackoffConfig(kind: .linear, base: .ns(1), multiplier: 1, cap: .max, jitter: .none)
        let bound = RetryConfig(maxAttempts: 20_001, perTryTimeout: .ns(1), backoff: linear).worstCaseLatency
        #expect(bound == .ns(20_001 + 49_995_000 + 10_001 * 20_000))
        #expect(bound >= .ns(20_001 + 20_000 * 20_001 / 2))  // the exact sum
        // Int.max attempts no longer loops Int.max times.
        let zeroTries = RetryConfig(maxAttempts: Int.max, perTryTimeout: .ns(0), backoff: BackoffConfig(kind: .constant, base: .ns(1), multiplier: 1, cap: .max, jitter: .none))
        #expect(zeroTries.worstCaseLatency == Nanoseconds(ns: Int64.max - 1))
    }

    @Test func singleAttemptIsJustOneTry() {
        #expect(RetryConfig(maxAttempts: 1, perTryTimeout: .ms(250), backoff: Self.backoff).worstCaseLatency == .ms(250))
    }
}
