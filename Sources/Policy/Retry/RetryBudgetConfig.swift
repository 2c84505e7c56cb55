/// Which shared limit caps retries across all requests of one client, and its numbers.
///
/// Per-request `maxAttempts` cannot stop a retry storm: when a dependency fails
/// hard every request retries, multiplying load by `maxAttempts`. A budget is
/// shared by all requests of a client and refuses retries once they exceed a
/// share of normal traffic. Five published designs are modelled behind one
/// `RetryBudget` type; `kind` picks one and the sub-configuration of that name
/// holds its numbers (all are always present, so a scenario can switch `kind`
/// and override single fields).
///
/// `init()` has no budget (`kind: .none`), each sub-configuration holding its
/// library's defaults.
public struct RetryBudgetConfig: ValidatedConfig {
    /// The budget design.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// No shared limit: every retry the per-request policy wants is sent.
        case none
        /// Finagle `RetryBudget`: a share of recent requests plus a per-second floor.
        case ratio
        /// Envoy `retry_budget`: concurrent retries limited to a share of active requests.
        case concurrency
        /// gRPC A6 retry throttling: a token count fed by successes, drained by failures.
        case grpcThrottle
        /// AWS SDK standard-mode retry quota (pre-2026 costs).
        case awsStandard
        /// AWS SDK retry quota with the 2026 costs.
        case aws2026
    }

    /// The active design.
    public var kind: Kind
    /// Numbers for `.ratio`.
    public var ratio: RatioBudgetConfig
    /// Numbers for `.concurrency`.
    public var concurrency: ConcurrencyBudgetConfig
    /// Numbers for `.grpcThrottle`.
    public var grpcThrottle: TokenThrottleConfig
    /// Numbers for `.awsStandard`.
    public var awsStandard: RetryQuotaConfig
    /// Numbers for `.aws2026`.
    public var aws2026: RetryQuotaConfig

    /// No budget; every sub-configuration at its reference library's defaults.
    public init() {
        self.init(kind: .none)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(kind: Kind = .none, ratio: RatioBudgetConfig = RatioBudgetConfig(),
                concurrency: ConcurrencyBudgetConfig = ConcurrencyBudgetConfig(),
                grpcThrottle: TokenThrottleConfig = TokenThrottleConfig(),
                awsStandard: RetryQuotaConfig = .awsStandard, aws2026: RetryQuotaConfig = .aws2026) {
        self.kind = kind
        self.ratio = ratio
        self.concurrency = concurrency
        self.grpcThrottle = grpcThrottle
        self.awsStandard = awsStandard
        self.aws2026 = aws2026
    }

    /// Validates every sub-configuration (an inactive one may become active by an override).
    public func validate() throws(PolicyConfigError) {
        try Check.nested(ratio, "ratio")
        try Check.nested(concurrency, "concurrency")
        try Check.nested(grpcThrottle, "grpcThrottle")
        try Check.nested(awsStandard, "awsStandard")
        try Check.nested(aws2026, "aws2026")
    }
}
