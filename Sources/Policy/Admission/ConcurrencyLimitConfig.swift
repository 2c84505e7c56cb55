/// How many requests may be in progress at once, and how that number is chosen.
///
/// `.fixed` is a bulkhead (Resilience4j `Bulkhead`, Envoy `max_requests`,
/// Hystrix semaphore isolation). The adaptive kinds are Netflix
/// concurrency-limits' algorithms, which move the limit from the RTT and drops
/// of completed requests. Every sub-configuration is always present (holding
/// Netflix's defaults), so a scenario can switch `kind` and override single fields.
///
/// `init()` is Resilience4j's `BulkheadConfig.ofDefaults()`: 25 concurrent calls, no waiting.
public struct ConcurrencyLimitConfig: ValidatedConfig {
    /// The algorithm that sets the limit.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// A constant `maxConcurrent`.
        case fixed
        /// Netflix `AIMDLimit` (loss based).
        case aimd
        /// Netflix `Gradient2Limit` (latency based, average RTT).
        case gradient2
        /// Netflix `VegasLimit` (latency based, minimum RTT; Netflix's default limit).
        case vegas
    }

    /// The active algorithm.
    public var kind: Kind
    /// The limit for `.fixed` (Resilience4j `maxConcurrentCalls`).
    public var maxConcurrent: Int
    /// How long a caller may wait for a free slot when the limit is reached
    /// (Resilience4j `maxWaitDuration`); `0` rejects at once. The limiter itself
    /// never waits: the caller's queue honours this and retries `tryAcquire`
    /// when a slot is released.
    public var maxWait: Nanoseconds
    /// Outcomes that count as drops for the adaptive kinds. Netflix's
    /// `Limiter.Listener.onDropped` is for "rejected by an external limit or
    /// hitting a timeout"; its gRPC server counts DEADLINE_EXCEEDED/CANCELLED and its
    /// client UNAVAILABLE. Default: timeout, overloaded (503), throttled (429).
    public var dropOutcomes: OutcomeClassSet
    /// Outcomes that release the slot without feeding the algorithm (Netflix
    /// `onIgnore`: "failed before any meaningful RTT measurement could be
    /// made"). Default: connection errors and local rejections. Every other
    /// outcome is an RTT sample.
    public var ignoredOutcomes: OutcomeClassSet
    /// Numbers for `.aimd`.
    public var aimd: AIMDLimitConfig
    /// Numbers for `.gradient2`.
    public var gradient2: Gradient2LimitConfig
    /// Numbers for `.vegas`.
    public var vegas: VegasLimitConfig

    /// Resilience4j's bulkhead: fixed 25, no waiting; adaptive sub-configurations at Netflix's defaults.
    public init() {
        self.init(kind: .fixed)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(kind: Kind = .fixed, maxConcurrent: Int = 25, maxWait: Nanoseconds = .zero,
                dropOutcomes: OutcomeClassSet = [.timeout, .overloaded, .throttled],
                ignoredOutcomes: OutcomeClassSet = [.connectionError, .rejected],
                aimd: AIMDLimitConfig = AIMDLimitConfig(), gradient2: Gradient2LimitConfig = Gradient2LimitConfig(),
                vegas: VegasLimitConfig = VegasLimitConfig()) {
        self.kind = kind
        self.maxConcurrent = maxConcurrent
        self.maxWait = maxWait
        self.dropOutcomes = dropOutcomes
        self.ignoredOutcomes = ignoredOutcomes
        self.aimd = aimd
        self.gradient2 = gradient2
        self.vegas = vegas
    }

    /// Validates every sub-configuration (an inactive one may become active by an override).
    public func validate() throws(PolicyConfigError) {
        try Check.positive(maxConcurrent, "maxConcurrent")
        try Check.nonNegative(maxWait, "maxWait")
        try Check.that(!dropOutcomes.contains(.success), "dropOutcomes", expected: "failure classes only", got: "success")
        let both = OutcomeClassSet(bits: dropOutcomes.bits & ignoredOutcomes.bits)
        try Check.that(both.bits == 0, "ignoredOutcomes", expected: "no class that is also in dropOutcomes",
                       got: both.members.map(\.rawValue).joined(separator: ", "))
        try Check.nested(aimd, "aimd")
        try Check.nested(gradient2, "gradient2")
        try Check.nested(vegas, "vegas")
    }
}
