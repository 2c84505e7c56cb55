/// What the autoscaler recommends at one evaluation, with the numbers behind it.
public struct ScaleDecision: Equatable, Sendable, CustomStringConvertible {
    /// When the decision was made.
    public var at: Nanoseconds
    /// The replica count the caller had.
    public var currentReplicas: Int
    /// The replica count to set (equal to `currentReplicas` when nothing changes).
    public var desiredReplicas: Int
    /// The last step that decided `desiredReplicas`.
    public var cause: ScaleCause
    /// metric / target (0 when the metric was invalid).
    public var metricRatio: Double
    /// The metric's own proposal: `ceil(current * ratio)`, or `current` within
    /// tolerance. Equal to `currentReplicas` when no proposal was computed.
    public var recommendedReplicas: Int
    /// The proposal after stabilization, before rate limits and bounds.
    public var stabilizedReplicas: Int

    /// A decision value.
    public init(at: Nanoseconds, currentReplicas: Int, desiredReplicas: Int, cause: ScaleCause,
                metricRatio: Double, recommendedReplicas: Int, stabilizedReplicas: Int) {
        self.at = at
        self.currentReplicas = currentReplicas
        self.desiredReplicas = desiredReplicas
        self.cause = cause
        self.metricRatio = metricRatio
        self.recommendedReplicas = recommendedReplicas
        self.stabilizedReplicas = stabilizedReplicas
    }

    /// Whether the caller should change the replica count.
    public var changesReplicas: Bool { desiredReplicas != currentReplicas }

    /// `4 -> 8 at 15.000s: desiredWithinRange (ratio 2.0, proposed 8, stabilized 8)`.
    public var description: String {
        "\(currentReplicas) -> \(desiredReplicas) at \(at): \(cause.rawValue) (ratio \(metricRatio), proposed \(recommendedReplicas), stabilized \(stabilizedReplicas))"
    }
}

/// Why the autoscaler chose its replica count; names follow the HPA's
/// condition reasons where one exists (`ScaleUpLimit`, `TooManyReplicas`, ...).
public enum ScaleCause: String, Codable, CaseIterable, Sendable {
    /// Less than `evaluationInterval` since the last evaluation: nothing judged.
    case notDue
    /// The metric was NaN, infinite or negative: no scaling (HPA skips a missing metric).
    case invalidMetric
    /// The current count is 0: autoscaling is off until something scales it up
    /// (HPA's "scaling is disabled since the replica count of the target is zero").
    case scalingDisabled
    /// The current count was below `minReplicas`: raised to it.
    case belowMinReplicas
    /// The current count was above `maxReplicas`: lowered to it.
    case aboveMaxReplicas
    /// The ratio was within tolerance: no change.
    case withinTolerance
    /// The metric's proposal was applied as computed.
    case desiredWithinRange
    /// A higher recent recommendation held a scale-down back (or cancelled it).
    case scaleDownStabilized
    /// A lower recent recommendation held a scale-up back (or cancelled it).
    case scaleUpStabilized
    /// The scale-up rate policies capped the change.
    case scaleUpLimit
    /// The scale-down rate policies capped the change.
    case scaleDownLimit
    /// Capped at `maxReplicas`.
    case tooManyReplicas
    /// Raised to `minReplicas`.
    case tooFewReplicas
}
