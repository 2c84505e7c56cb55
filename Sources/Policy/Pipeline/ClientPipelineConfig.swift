/// The client side of calls to one dependency: resilience stages composed in
/// a declared order, like a Polly resilience pipeline or Resilience4j's
/// decorators.
///
/// `order` lists stages from the outermost to the innermost and must contain
/// `retry` exactly once. A guard stage (`breaker`, `throttle`, `rateLimit`,
/// `bulkhead`) listed before `retry` acts once per call and sees the call's
/// final outcome; listed after it, it acts on every attempt (retries and hedges
/// included). Stages not listed are off. Timeouts are the retry config's
/// `perTryTimeout` and `deadline` (Envoy's per-try and route timeouts), always on.
///
/// Resilience4j's default decorator order, `Retry(CircuitBreaker(RateLimiter(Bulkhead(call))))`,
/// is `[retry, breaker, rateLimit, bulkhead]`: the breaker counts every attempt.
public struct ClientPipelineConfig: ValidatedConfig {
    public enum Stage: String, Codable, CaseIterable, Sendable {
        case retry, breaker, throttle, rateLimit, bulkhead
    }

    public var order: [Stage]
    /// Attempts, timeouts and backoff.
    public var retry: RetryConfig
    /// Limits retries and hedges across calls (`kind: none` = unlimited).
    public var retryBudget: RetryBudgetConfig
    /// Extra attempts sent while the first is outstanding (`maxAttempts: 1` = off).
    public var hedging: HedgingConfig
    public var breaker: CircuitBreakerConfig
    public var throttle: AdaptiveThrottleConfig
    public var rateLimit: RateLimiterConfig
    public var bulkhead: ConcurrencyLimitConfig
    public var loadBalancer: LoadBalancerConfig
    /// Envoy-style ejection of misbehaving hosts from load balancing.
    public var ejectOutliers: Bool
    public var outlierDetection: OutlierDetectionConfig

    public init(order: [Stage] = ClientPipelineConfig.retryOnly, retry: RetryConfig = ClientPipelineConfig.bareRetry,
                retryBudget: RetryBudgetConfig = RetryBudgetConfig(), hedging: HedgingConfig = HedgingConfig(),
                breaker: CircuitBreakerConfig = CircuitBreakerConfig(), throttle: AdaptiveThrottleConfig = AdaptiveThrottleConfig(),
                rateLimit: RateLimiterConfig = RateLimiterConfig(), bulkhead: ConcurrencyLimitConfig = ConcurrencyLimitConfig(),
                loadBalancer: LoadBalancerConfig = LoadBalancerConfig(), ejectOutliers: Bool = false,
                outlierDetection: OutlierDetectionConfig = OutlierDetectionConfig()) {
        self.order = order
        self.retry = retry
        self.retryBudget = retryBudget
        self.hedging = hedging
        self.breaker = breaker
        self.throttle = throttle
        self.rateLimit = rateLimit
        self.bulkhead = bulkhead
        self.loadBalancer = loadBalancer
        self.ejectOutliers = ejectOutliers
        self.outlierDetection = outlierDetection
    }

    /// A bare client: one attempt, no per-try timeout, Envoy's default 15 s
    /// route timeout, round robin, nothing else.
    public init() { self.init(order: ClientPipelineConfig.retryOnly) }

    /// The default `order`: retries only, no guards.
    ///
    /// A named constant, not an array literal in `init`'s default argument:
    /// Swift 6.3.1 miscompiles array-literal default arguments in optimised
    /// builds with testing enabled (see `RunAnalysisCriteria` in Sim).
    public static let retryOnly: [Stage] = [.retry]

    /// One attempt with Envoy's default 15 s route timeout.
    public static let bareRetry = RetryConfig(maxAttempts: 1, perTryTimeout: .max, deadline: .seconds(15))

    /// What an edge does unless a scenario says otherwise.
    public static let edgeDefault = ClientPipelineConfig()

    /// Whether `stage` is on.
    public func isEnabled(_ stage: Stage) -> Bool { order.contains(stage) }

    public func validate() throws(PolicyConfigError) {
        try Check.that(order.filter { $0 == .retry }.count == 1, "order", expected: "a list containing \"retry\" exactly once",
                       got: "[\(order.map(\.rawValue).joined(separator: ", "))]")
        for stage in Stage.allCases {
            try Check.that(order.filter { $0 == stage }.count <= 1, "order", expected: "each stage at most once",
                           got: "\"\(stage.rawValue)\" \(order.filter { $0 == stage }.count) times")
        }
        try Check.nested(retry, "retry")
        try Check.nested(retryBudget, "retryBudget")
        try Check.nested(hedging, "hedging")
        try Check.nested(breaker, "breaker")
        try Check.nested(throttle, "throttle")
        try Check.nested(rateLimit, "rateLimit")
        try Check.nested(bulkhead, "bulkhead")
        try Check.nested(loadBalancer, "loadBalancer")
        try Check.nested(outlierDetection, "outlierDetection")
    }
}
