/// One step of a canary rollout: the canary's traffic share and how long it
/// must run there, judged healthy, before the next step.
public struct CanaryStep: Codable, Equatable, Sendable {
    /// The canary's share of traffic during this step, in percent (0 < x <= 100).
    public var weightPercent: Double
    /// The least time spent at this weight before advancing (0 = advance at the
    /// first healthy analysis).
    public var hold: Nanoseconds

    /// A step value.
    public init(weightPercent: Double, hold: Nanoseconds) {
        self.weightPercent = weightPercent
        self.hold = hold
    }
}

/// A progressive rollout: weight steps, and the comparison of canary against
/// baseline that decides whether to advance, wait, pause or roll back.
///
/// At each analysis the caller measures both versions over the same window.
/// Below `minimumSampleRequests` on either side there is no judgement. A
/// breach is an error rate more than `maxErrorRateDeltaPercent` points above
/// the baseline's, or a p99 more than `maxLatencyRatio` times the baseline's;
/// it rolls back once it has stood for `failureHold` (the seed guides' "if
/// canary error rate > baseline by delta for 5 minutes then rollback").
///
/// `init()` follows the seed guides: steps 10/25/50 % of 5 minutes each,
/// analysis every minute, at least 100 requests per side, at most 1 point of
/// error-rate difference ([000] "<1% divergence typical"), p99 at most 1.2x the
/// baseline's ([003] "No worse than baseline *1.2"), rollback after 5 minutes
/// of standing breach ([000]). No reference library in `PolicyPreset` defines
/// a canary analysis, so `preset(_:)` returns nil for all of them.
public struct CanaryConfig: ValidatedConfig {
    /// What an analysis below the minimum sample does.
    public enum InsufficientSampleAction: String, Codable, CaseIterable, Sendable {
        /// Wait: no judgement, no advance; the rollout goes on by itself once traffic returns.
        case hold
        /// Pause the rollout until an operator calls `resume(now:)`; breaches
        /// are still judged (and roll back) while paused.
        case pause
    }

    /// The weight steps, strictly increasing; after the last step's hold the canary is promoted to 100 %.
    public var steps: [CanaryStep]
    /// Analyses closer together than this are not due and change nothing.
    public var analysisInterval: Nanoseconds
    /// Requests each side (canary and baseline) needs in the window for a judgement (0 = always judge).
    public var minimumSampleRequests: Int
    /// Breach when the canary's error rate exceeds the baseline's by more than
    /// this many percentage points (100 = never on errors).
    public var maxErrorRateDeltaPercent: Double
    /// Breach when canary p99 / baseline p99 exceeds this (0 = latency not judged).
    public var maxLatencyRatio: Double
    /// How long a breach must stand (from the first breaching analysis) before rollback; 0 = at once.
    public var failureHold: Nanoseconds
    /// What an analysis below the minimum sample does.
    public var onInsufficientSample: InsufficientSampleAction

    /// The seed guides' canary (see the type's comment).
    public init() {
        self.init(steps: CanaryConfig.defaultSteps)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(steps: [CanaryStep] = CanaryConfig.defaultSteps, analysisInterval: Nanoseconds = .minutes(1),
                minimumSampleRequests: Int = 100, maxErrorRateDeltaPercent: Double = 1, maxLatencyRatio: Double = 1.2,
                failureHold: Nanoseconds = .minutes(5), onInsufficientSample: InsufficientSampleAction = .hold) {
        self.steps = steps
        self.analysisInterval = analysisInterval
        self.minimumSampleRequests = minimumSampleRequests
        self.maxErrorRateDeltaPercent = maxErrorRateDeltaPercent
        self.maxLatencyRatio = maxLatencyRatio
        self.failureHold = failureHold
        self.onInsufficientSample = onInsufficientSample
    }

    /// 10 %, 25 %, 50 %, five minutes each.
    public static let defaultSteps = [
        CanaryStep(weightPercent: 10, hold: .minutes(5)),
        CanaryStep(weightPercent: 25, hold: .minutes(5)),
        CanaryStep(weightPercent: 50, hold: .minutes(5)),
    ]

    /// The most steps a rollout may have.
    public static let maxSteps = 64

    /// Rejects empty or oversized step lists, weights outside (0, 100] or not
    /// strictly increasing, negative holds, a non-positive interval, negative
    /// thresholds and samples.
    public func validate() throws(PolicyConfigError) {
        try Check.that((1...Self.maxSteps).contains(steps.count), "steps", expected: "1 to \(Self.maxSteps) steps", got: "\(steps.count)")
        for (index, step) in steps.enumerated() {
            let field = "steps[\(index)].weightPercent"
            try Check.that(step.weightPercent.isFinite && step.weightPercent > 0 && step.weightPercent <= 100, field,
                           expected: "a percentage in (0, 100]", got: "\(step.weightPercent)")
            if index > 0 {
                let previous = steps[index - 1].weightPercent
                try Check.that(step.weightPercent > previous, field,
                               expected: "a weight above the previous step's (\(previous))", got: "\(step.weightPercent)")
            }
            try Check.nonNegative(step.hold, "steps[\(index)].hold")
        }
        try Check.positive(analysisInterval, "analysisInterval")
        try Check.nonNegative(minimumSampleRequests, "minimumSampleRequests")
        try Check.percent(maxErrorRateDeltaPercent, "maxErrorRateDeltaPercent")
        try Check.nonNegative(maxLatencyRatio, "maxLatencyRatio")
        try Check.nonNegative(failureHold, "failureHold")
    }

    /// No library in `PolicyPreset` publishes canary-analysis defaults: always nil.
    /// (Flagger and Argo Rollouts are not presets; Netflix's Kayenta scores
    /// metrics statistically rather than by these thresholds.)
    public static func preset(_ preset: PolicyPreset) -> CanaryConfig? {
        nil
    }
}
