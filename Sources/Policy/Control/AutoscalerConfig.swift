/// How a replica count follows a per-replica metric: the Kubernetes Horizontal
/// Pod Autoscaler's algorithm and `behavior` fields, flattened.
///
/// `desired = ceil(current * metric / targetValue)`, skipped while
/// `|metric / targetValue - 1| <= tolerance`; then stabilization (scale down to
/// no less than the highest recommendation of the last `scaleDownStabilization`,
/// up to no more than the lowest of the last `scaleUpStabilization`); then the
/// rate limits of the period; then `[minReplicas, maxReplicas]`.
///
/// Each direction has at most two rate policies sharing one period, a
/// percentage and a pod count, combined as HPA's default `selectPolicy: Max`
/// (the one allowing the larger change wins). A policy value of 0 means "no
/// such policy"; with both 0 that direction is not rate-limited. (HPA lets each
/// policy have its own period and offers `Min`/`Disabled`; FaultSim keeps the
/// flat form the scenario layer needs.)
///
/// `init()` is HPA's default behavior (Kubernetes docs, "Horizontal Pod
/// Autoscaling", "Default Behavior"), with a CPU-utilisation target of 80 %.
public struct AutoscalerConfig: ValidatedConfig {
    /// The per-replica metric value to hold, in the metric's own unit (for CPU,
    /// utilisation percent of the request, e.g. 80).
    public var targetValue: Double
    /// No scaling while the ratio metric / target is within `1 ± tolerance`
    /// (inclusive). HPA: `--horizontal-pod-autoscaler-tolerance`, default 0.1.
    public var tolerance: Double
    /// The fewest replicas the autoscaler will set (HPA default 1; must be >= 1).
    public var minReplicas: Int
    /// The most replicas the autoscaler will set.
    public var maxReplicas: Int
    /// Evaluations closer together than this are not due and change nothing
    /// (HPA: `--horizontal-pod-autoscaler-sync-period`, 15 s).
    public var evaluationInterval: Nanoseconds
    /// Scale up only to the lowest recommendation of this window (0 = no stabilization).
    public var scaleUpStabilization: Nanoseconds
    /// Scale down only to the highest recommendation of this window.
    public var scaleDownStabilization: Nanoseconds
    /// Scale-up policy: add at most this percentage of the replicas the period
    /// started with (rounded up). 0 = no percentage policy.
    public var scaleUpLimitPercent: Double
    /// Scale-up policy: add at most this many replicas per period. 0 = no pod policy.
    public var scaleUpLimitPods: Int
    /// The sliding period both scale-up policies count changes over.
    public var scaleUpPeriod: Nanoseconds
    /// Scale-down policy: remove at most this percentage of the replicas the period
    /// started with (the remainder is rounded down, so removals round up). 0 = none.
    public var scaleDownLimitPercent: Double
    /// Scale-down policy: remove at most this many replicas per period. 0 = none.
    public var scaleDownLimitPods: Int
    /// The sliding period both scale-down policies count changes over.
    public var scaleDownPeriod: Nanoseconds

    /// Kubernetes HPA defaults: tolerance 0.1, 15 s sync period, no scale-up
    /// stabilization, 300 s scale-down stabilization, scale up by the larger of
    /// 100 % and 4 pods per 15 s, scale down by up to 100 % per 15 s;
    /// `minReplicas` 1. Target 80 % and `maxReplicas` 10 are FaultSim's choices
    /// (HPA requires `maxReplicas`; 80 % is the autoscaling/v1 CPU default).
    public init() {
        self.init(targetValue: 80)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(targetValue: Double = 80, tolerance: Double = 0.1, minReplicas: Int = 1, maxReplicas: Int = 10,
                evaluationInterval: Nanoseconds = .seconds(15), scaleUpStabilization: Nanoseconds = .zero,
                scaleDownStabilization: Nanoseconds = .seconds(300), scaleUpLimitPercent: Double = 100,
                scaleUpLimitPods: Int = 4, scaleUpPeriod: Nanoseconds = .seconds(15),
                scaleDownLimitPercent: Double = 100, scaleDownLimitPods: Int = 0,
                scaleDownPeriod: Nanoseconds = .seconds(15)) {
        self.targetValue = targetValue
        self.tolerance = tolerance
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.evaluationInterval = evaluationInterval
        self.scaleUpStabilization = scaleUpStabilization
        self.scaleDownStabilization = scaleDownStabilization
        self.scaleUpLimitPercent = scaleUpLimitPercent
        self.scaleUpLimitPods = scaleUpLimitPods
        self.scaleUpPeriod = scaleUpPeriod
        self.scaleDownLimitPercent = scaleDownLimitPercent
        self.scaleDownLimitPods = scaleDownLimitPods
        self.scaleDownPeriod = scaleDownPeriod
    }

    /// HPA caps stabilization windows at one hour.
    public static let maxStabilization = Nanoseconds.hours(1)
    /// HPA caps policy periods at 30 minutes.
    public static let maxPeriod = Nanoseconds.minutes(30)
    /// The most replicas a config may name (keeps percentages exact in `Double`).
    public static let maxReplicaLimit = 1_000_000
    /// The bound on the history ring buffers: each holds
    /// `max(windows, periods) / evaluationInterval + 2` entries, at most this many.
    public static let maxHistoryEntries = 4_096

    /// Entries the recommendation and scale-event rings need: every entry
    /// younger than the longest window or period, one per evaluation.
    public var historyCapacity: Int {
        let longest = Swift.max(Swift.max(scaleUpStabilization, scaleDownStabilization), Swift.max(scaleUpPeriod, scaleDownPeriod))
        return Int(longest.ns / Swift.max(evaluationInterval.ns, 1)) + 2
    }

    /// Rejects non-positive targets, negative tolerances, `minReplicas` < 1 or
    /// > `maxReplicas`, windows outside 0...1 h, periods outside (0, 30 min],
    /// negative limits, and histories over `maxHistoryEntries`.
    public func validate() throws(PolicyConfigError) {
        try Check.positive(targetValue, "targetValue")
        try Check.nonNegative(tolerance, "tolerance")
        try Check.inRange(minReplicas, 1...Self.maxReplicaLimit, "minReplicas")
        try Check.inRange(maxReplicas, 1...Self.maxReplicaLimit, "maxReplicas")
        try Check.that(minReplicas <= maxReplicas, "minReplicas", expected: "at most maxReplicas (\(maxReplicas))", got: "\(minReplicas)")
        try Check.positive(evaluationInterval, "evaluationInterval")
        try Self.checkWindow(scaleUpStabilization, "scaleUpStabilization")
        try Self.checkWindow(scaleDownStabilization, "scaleDownStabilization")
        try Check.nonNegative(scaleUpLimitPercent, "scaleUpLimitPercent")
        try Check.nonNegative(scaleUpLimitPods, "scaleUpLimitPods")
        try Self.checkPeriod(scaleUpPeriod, "scaleUpPeriod")
        try Check.percent(scaleDownLimitPercent, "scaleDownLimitPercent")
        try Check.nonNegative(scaleDownLimitPods, "scaleDownLimitPods")
        try Self.checkPeriod(scaleDownPeriod, "scaleDownPeriod")
        try Check.that(historyCapacity <= Self.maxHistoryEntries, "evaluationInterval",
                       expected: "an interval giving at most \(Self.maxHistoryEntries - 2) evaluations per window or period",
                       got: evaluationInterval.unitString)
    }

    static func checkWindow(_ value: Nanoseconds, _ field: String) throws(PolicyConfigError) {
        try Check.that(value >= .zero && value <= maxStabilization, field, expected: "a duration in 0s...1h", got: value.unitString)
    }

    static func checkPeriod(_ value: Nanoseconds, _ field: String) throws(PolicyConfigError) {
        try Check.that(value > .zero && value <= maxPeriod, field, expected: "a duration in (0s, 30m]", got: value.unitString)
    }
}

extension AutoscalerConfig {
    /// That library's default autoscaler, or `nil` if it has none.
    ///
    /// `.kubernetes` is `init()`: the HPA defaults, from the Kubernetes docs
    /// ("Horizontal Pod Autoscaling": algorithm details, tolerance 0.1, sync
    /// period 15 s; "Default Behavior": scaleDown stabilizationWindowSeconds
    /// 300 with Percent 100 per 15 s; scaleUp stabilizationWindowSeconds 0 with
    /// Percent 100 and Pods 4 per 15 s, selectPolicy Max) and HPAScalingRules
    /// (windows 0...3600 s, periods 1...1800 s). Target 80 and maxReplicas 10
    /// are not HPA numbers (HPA has no default target metric in v2).
    public static func preset(_ preset: PolicyPreset) -> AutoscalerConfig? {
        switch preset {
        case .kubernetes:
            return AutoscalerConfig()
        case .resilience4j, .hystrix, .pollyV8, .envoy, .grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .netflix:
            return nil
        }
    }
}
