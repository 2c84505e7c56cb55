/// Finagle's `RetryBudget`: each request deposits `percent`% of a retry; a retry
/// withdraws one; a reserve of `minRetriesPerSecond * ttl` retries is always
/// there so a quiet client can still retry. Deposits and withdrawals expire
/// after about `ttl`. Defaults are Finagle's: 20%, 10 per second, 10 s.
public struct RatioBudgetConfig: ValidatedConfig {
    /// Retries allowed as a percentage of requests, 0...1000 (Finagle's range).
    public var percent: Double
    /// Retries per second allowed regardless of request volume (the reserve is this times `ttl`), 0...1,000,000.
    public var minRetriesPerSecond: Double
    /// How long a deposit counts, 1 ms...24 h (Finagle allows 1 s...60 s).
    public var ttl: Nanoseconds

    /// Finagle defaults: 20%, 10 retries per second, 10 s.
    public init(percent: Double = 20, minRetriesPerSecond: Double = 10, ttl: Nanoseconds = .seconds(10)) {
        self.percent = percent
        self.minRetriesPerSecond = minRetriesPerSecond
        self.ttl = ttl
    }

    /// Rejects percentages outside 0...1000, a floor outside 0...1,000,000, and a ttl outside 1 ms...24 h.
    public func validate() throws(PolicyConfigError) {
        try Check.inRange(percent, 0...1000, "percent")
        try Check.inRange(minRetriesPerSecond, 0...1_000_000, "minRetriesPerSecond")
        try Check.that(ttl >= .ms(1) && ttl <= .hours(24), "ttl", expected: "a duration in 1ms...24h", got: ttl.unitString)
    }
}

/// Envoy's `retry_budget`: at most `max(minRetryConcurrency,
/// budgetPercent% of active + pending requests)` retries in flight at once.
/// Defaults are Envoy's: 20%, 3.
public struct ConcurrencyBudgetConfig: ValidatedConfig {
    /// Concurrent retries as a percentage of active plus pending requests.
    public var budgetPercent: Double
    /// Concurrent retries always allowed, however few requests are active.
    public var minRetryConcurrency: Int

    /// Envoy defaults: budget_percent 20, min_retry_concurrency 3.
    public init(budgetPercent: Double = 20, minRetryConcurrency: Int = 3) {
        self.budgetPercent = budgetPercent
        self.minRetryConcurrency = minRetryConcurrency
    }

    /// Rejects a percentage outside 0...100 and a negative minimum.
    public func validate() throws(PolicyConfigError) {
        try Check.percent(budgetPercent, "budgetPercent")
        try Check.nonNegative(minRetryConcurrency, "minRetryConcurrency")
    }
}

/// gRPC retry throttling (proposal A6): a token count starting at `maxTokens`,
/// kept in `0...maxTokens`. "Every outgoing RPC" moves it, originals, retries and
/// hedges alike: -1 per counted failure, +`tokenRatio` per success. Retries and
/// hedges are refused while it is <= `maxTokens / 2`; the first attempt is never
/// throttled. Tokens are kept in thousandths, as A6 allows three decimal places,
/// so the arithmetic is exact.
public struct TokenThrottleConfig: ValidatedConfig {
    /// The starting and largest token count (> 0, at most 1,000,000).
    public var maxTokens: Double
    /// Tokens returned per success (> 0; rounded to three decimals).
    public var tokenRatio: Double
    /// Failures that drain a token. A6 counts only retryable (or non-fatal) status
    /// codes, so a malformed request does not throttle retries. (A6 also counts a
    /// "do not retry" pushback; report that attempt with a counted outcome.)
    public var countedFailures: OutcomeClassSet

    /// The A6 example: maxTokens 10, tokenRatio 0.1; transient failures count.
    public init(maxTokens: Double = 10, tokenRatio: Double = 0.1, countedFailures: OutcomeClassSet = .transientFailures) {
        self.maxTokens = maxTokens
        self.tokenRatio = tokenRatio
        self.countedFailures = countedFailures
    }

    /// Rejects non-positive or absurd token numbers, and `success` as a failure.
    public func validate() throws(PolicyConfigError) {
        try Check.inRange(maxTokens, 0.001...1_000_000, "maxTokens")
        try Check.inRange(tokenRatio, 0.001...1_000_000, "tokenRatio")
        try Check.that(!countedFailures.contains(.success), "countedFailures", expected: "failure classes only", got: "success")
    }
}

/// The AWS SDK retry quota: a bucket of `capacity` tokens; a retry costs
/// tokens (more for timeouts in standard mode, less for throttling in 2026);
/// a success without retry refunds `noRetryIncrement`, a successful retry
/// refunds what that last retry cost (smithy-python `record_success` releases
/// `last_quota_acquired`, else `NO_RETRY_INCREMENT`), never above `capacity`.
/// No tokens, no retry. Whole tokens, as in the SDKs.
public struct RetryQuotaConfig: ValidatedConfig {
    /// Tokens at start and at most.
    public var capacity: Int
    /// Cost of a retry after any failure not listed below.
    public var retryCost: Int
    /// Cost of a retry after a timeout.
    public var timeoutRetryCost: Int
    /// Cost of a retry after a throttling error (429).
    public var throttlingRetryCost: Int
    /// Refund when a request succeeds on its first attempt.
    public var noRetryIncrement: Int

    /// Every field explicit; defaults are AWS standard mode.
    public init(capacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10,
                throttlingRetryCost: Int = 5, noRetryIncrement: Int = 1) {
        self.capacity = capacity
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.throttlingRetryCost = throttlingRetryCost
        self.noRetryIncrement = noRetryIncrement
    }

    /// Standard mode before 2026 (INITIAL_RETRY_TOKENS 500, RETRY_COST 5,
    /// TIMEOUT_RETRY_COST 10, NO_RETRY_INCREMENT 1 in botocore, smithy-python,
    /// aws-sdk-swift). Throttling is not special there: it costs `RETRY_COST`.
    /// (JS v3 charges 10 for every "TRANSIENT" error, timeouts and 500/502/503/504;
    /// botocore only for timeouts. We follow botocore.)
    public static let awsStandard = RetryQuotaConfig()

    /// The 2026 behaviour (AWS_NEW_RETRIES_2026): quota 500, non-throttling cost 14
    /// (timeouts included), throttling cost 5: aws-sdk-js-v3 #8037 ("Throttling retry
    /// quota cost 5 tokens, unchanged") and aws-smithy-runtime 1.14 (DEFAULT_RETRY_COST 14,
    /// DEFAULT_RETRY_TIMEOUT_COST 14, THROTTLING_RETRY_COST 5). Refunds unchanged (unverified).
    public static let aws2026 = RetryQuotaConfig(capacity: 500, retryCost: 14, timeoutRetryCost: 14,
                                                 throttlingRetryCost: 5, noRetryIncrement: 1)

    /// Rejects a non-positive capacity, negative costs and refunds.
    public func validate() throws(PolicyConfigError) {
        try Check.positive(capacity, "capacity")
        try Check.nonNegative(retryCost, "retryCost")
        try Check.nonNegative(timeoutRetryCost, "timeoutRetryCost")
        try Check.nonNegative(throttlingRetryCost, "throttlingRetryCost")
        try Check.nonNegative(noRetryIncrement, "noRetryIncrement")
    }

    /// The tokens a retry after `outcome` costs.
    public func cost(after outcome: OutcomeClass) -> Int {
        switch outcome {
        case .timeout: timeoutRetryCost
        case .throttled: throttlingRetryCost
        default: retryCost
        }
    }
}
