/// Limits calls in flight: a fixed bulkhead, or a limit that adapts to
/// latency and drops (Netflix concurrency-limits: AIMD, Gradient2, Vegas).
public struct ConcurrencyLimitConfig: ValidatedConfig {
    public enum Kind: String, Codable, CaseIterable, Sendable { case fixed, aimd, gradient2, vegas }

    public var kind: Kind
    /// The fixed limit (kind `fixed`).
    public var maxConcurrent: Int
    /// How long a caller may wait for a permit (Resilience4j `maxWaitDuration`).
    /// Honoured by the production wrapper; the simulator refuses at once.
    public var maxWait: Nanoseconds
    public var aimd: AIMDLimitConfig
    public var gradient2: Gradient2LimitConfig
    public var vegas: VegasLimitConfig

    /// A fixed limit of 25, no waiting (Resilience4j Bulkhead).
    public init(kind: Kind = .fixed, maxConcurrent: Int = 25, maxWait: Nanoseconds = .zero, aimd: AIMDLimitConfig = AIMDLimitConfig(),
                gradient2: Gradient2LimitConfig = Gradient2LimitConfig(), vegas: VegasLimitConfig = VegasLimitConfig()) {
        self.kind = kind
        self.maxConcurrent = maxConcurrent
        self.maxWait = maxWait
        self.aimd = aimd
        self.gradient2 = gradient2
        self.vegas = vegas
    }

    public init() { self.init(kind: .fixed) }

    /// resilience4j: Bulkhead 25 / 0 s. envoy: max_requests 1024 as a fixed limit.
    /// netflix: Gradient2 with the library's defaults (its recommended limit);
    /// AIMD and Vegas defaults sit in their sub-configs, selected by `kind`.
    public static func preset(_ preset: PolicyPreset) -> ConcurrencyLimitConfig? {
        switch preset {
        case .resilience4j: ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 25, maxWait: .zero)
        case .envoy: ConcurrencyLimitConfig(kind: .fixed, maxConcurrent: 1024)
        case .netflix: ConcurrencyLimitConfig(kind: .gradient2)
        default: nil
        }
    }

    public func validate() throws(PolicyConfigError) {
        try Check.inRange(maxConcurrent, 1...10_000_000, "maxConcurrent")
        try Check.nonNegative(maxWait, "maxWait")
        try Check.nested(aimd, "aimd")
        try Check.nested(gradient2, "gradient2")
        try Check.nested(vegas, "vegas")
    }
}

/// Additive increase, multiplicative decrease (Netflix `AIMDLimit`).
public struct AIMDLimitConfig: ValidatedConfig {
    public var initialLimit: Int
    public var minLimit: Int
    public var maxLimit: Int
    public var backoffRatio: Double
    /// An answer slower than this counts as a drop.
    public var timeout: Nanoseconds

    public init(initialLimit: Int = 20, minLimit: Int = 20, maxLimit: Int = 200, backoffRatio: Double = 0.9, timeout: Nanoseconds = .seconds(5)) {
        self.initialLimit = initialLimit
        self.minLimit = minLimit
        self.maxLimit = maxLimit
        self.backoffRatio = backoffRatio
        self.timeout = timeout
    }

    public func validate() throws(PolicyConfigError) {
        try Check.inRange(minLimit, 1...10_000_000, "minLimit")
        try Check.inRange(maxLimit, minLimit...10_000_000, "maxLimit")
        try Check.inRange(initialLimit, minLimit...maxLimit, "initialLimit")
        try Check.that(backoffRatio.isFinite && backoffRatio >= 0.5 && backoffRatio < 1, "backoffRatio", expected: "a ratio in [0.5, 1)", got: "\(backoffRatio)")
        try Check.positive(timeout, "timeout")
    }
}

/// Latency-gradient limit (Netflix `Gradient2Limit`).
public struct Gradient2LimitConfig: ValidatedConfig {
    public var initialLimit: Int
    public var minLimit: Int
    public var maxLimit: Int
    public var smoothing: Double
    /// Headroom added to the estimate each update.
    public var queueSize: Int
    /// Samples in the long-term RTT average.
    public var longWindow: Int
    public var rttTolerance: Double

    public init(initialLimit: Int = 20, minLimit: Int = 20, maxLimit: Int = 200, smoothing: Double = 0.2, queueSize: Int = 4,
                longWindow: Int = 600, rttTolerance: Double = 1.5) {
        self.initialLimit = initialLimit
        self.minLimit = minLimit
        self.maxLimit = maxLimit
        self.smoothing = smoothing
        self.queueSize = queueSize
        self.longWindow = longWindow
        self.rttTolerance = rttTolerance
    }

    public func validate() throws(PolicyConfigError) {
        try Check.inRange(minLimit, 1...10_000_000, "minLimit")
        try Check.inRange(maxLimit, minLimit...10_000_000, "maxLimit")
        try Check.inRange(initialLimit, minLimit...maxLimit, "initialLimit")
        try Check.inRange(smoothing, 0.000001...1, "smoothing")
        try Check.nonNegative(queueSize, "queueSize")
        try Check.inRange(longWindow, 1...1_000_000, "longWindow")
        try Check.inRange(rttTolerance, 1...100, "rttTolerance")
    }
}

/// Delay-based limit (Netflix `VegasLimit`, after TCP Vegas).
public struct VegasLimitConfig: ValidatedConfig {
    public var initialLimit: Int
    public var maxLimit: Int
    public var smoothing: Double
    /// The no-load RTT is re-measured every `probeMultiplier * limit` samples.
    public var probeMultiplier: Int

    public init(initialLimit: Int = 20, maxLimit: Int = 1_000, smoothing: Double = 1, probeMultiplier: Int = 30) {
        self.initialLimit = initialLimit
        self.maxLimit = maxLimit
        self.smoothing = smoothing
        self.probeMultiplier = probeMultiplier
    }

    public func validate() throws(PolicyConfigError) {
        try Check.inRange(maxLimit, 1...10_000_000, "maxLimit")
        try Check.inRange(initialLimit, 1...maxLimit, "initialLimit")
        try Check.inRange(smoothing, 0.000001...1, "smoothing")
        try Check.inRange(probeMultiplier, 1...1_000_000, "probeMultiplier")
    }
}
