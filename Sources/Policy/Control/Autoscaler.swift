/// A horizontal autoscaler with the Kubernetes HPA's algorithm, as a sans-I/O
/// value: the caller passes the time, the replica count it has and the
/// per-replica metric; it gets back the count to set and why.
///
/// One evaluation, in the order of the HPA controller (`reconcileAutoscaler`,
/// `normalizeDesiredReplicasWithBehaviors`):
/// 1. Not due (closer than `evaluationInterval` to the previous one): unchanged.
/// 2. A current count of 0 disables scaling; a count outside
///    `[minReplicas, maxReplicas]` is moved to the nearer bound, without
///    stabilization or rate limits.
/// 3. Proposal: `ceil(current * metric / target)`, or `current` while
///    `1 - tolerance <= metric / target <= 1 + tolerance`.
/// 4. Stabilization: the count may rise no higher than the lowest proposal
///    made in the last `scaleUpStabilization`, and fall no lower than the
///    highest made in the last `scaleDownStabilization` (the current proposal
///    included; a proposal counts while strictly younger than the window). The
///    proposal, not the stabilized count, joins the history.
/// 5. Rate limits: the period's starting count is `current` minus the replicas
///    added and plus those removed in the last period (changes strictly
///    younger than it); scale up to at most the larger of `start + pods` and
///    `ceil(start * (1 + percent/100))`, scale down to at least the smaller of
///    `start - pods` and `floor(start * (1 - percent/100))`, never reversing
///    direction; then `maxReplicas` / `minReplicas`.
///
/// A decision that changes the count is assumed applied: it is recorded as a
/// scale event for the rate limits.
///
/// History is two fixed-capacity rings of `config.historyCapacity` entries
/// (`max(windows, periods) / evaluationInterval + 2`, 22 with the HPA
/// defaults, at most `AutoscalerConfig.maxHistoryEntries`), allocated at init;
/// `recommend` never allocates.
public struct Autoscaler: Sendable {
    /// The configuration this autoscaler runs (validate it before use).
    public let config: AutoscalerConfig
    /// When the last due evaluation ran, if any.
    public private(set) var lastEvaluatedAt: Nanoseconds?
    /// Proposals of past evaluations, for stabilization.
    var recommendations: TimedRing
    /// Replica changes made (positive up, negative down), for the rate limits.
    var scaleEvents: TimedRing

    /// An autoscaler with no history.
    /// - Precondition: `config.validate()` succeeds.
    public init(config: AutoscalerConfig) {
        self.config = config
        lastEvaluatedAt = nil
        recommendations = TimedRing(capacity: config.historyCapacity)
        scaleEvents = TimedRing(capacity: config.historyCapacity)
    }

    /// The earliest time the next evaluation is due (`.zero` before the first).
    public var nextEvaluationAt: Nanoseconds {
        lastEvaluatedAt.map { $0.saturatingAdd(config.evaluationInterval) } ?? .zero
    }

    /// The replica count to set at `now`, given the count the target has and the
    /// per-replica metric value (same unit as `targetValue`).
    public mutating func recommend(now: Nanoseconds, currentReplicas: Int, metricValue: Double) -> ScaleDecision {
        let validMetric = metricValue.isFinite && metricValue >= 0
        let ratio = validMetric ? metricValue / config.targetValue : 0
        var decision = ScaleDecision(at: now, currentReplicas: currentReplicas, desiredReplicas: currentReplicas, cause: .notDue,
                                     metricRatio: ratio, recommendedReplicas: currentReplicas, stabilizedReplicas: currentReplicas)
        if let last = lastEvaluatedAt, now - last < config.evaluationInterval { return decision }
        lastEvaluatedAt = now

        if !validMetric {
            decision.cause = .invalidMetric
        } else if currentReplicas <= 0 {
            decision.cause = .scalingDisabled
        } else if currentReplicas > config.maxReplicas {
            decision.desiredReplicas = config.maxReplicas
            decision.cause = .aboveMaxReplicas
        } else if currentReplicas < config.minReplicas {
            decision.desiredReplicas = config.minReplicas
            decision.cause = .belowMinReplicas
        } else {
            normalize(&decision, now: now)
        }
        if decision.changesReplicas { scaleEvents.append(decision.desiredReplicas - currentReplicas, at: now) }
        return decision
    }

    /// Forgets every recommendation, scale event and the evaluation clock.
    public mutating func reset() {
        lastEvaluatedAt = nil
        recommendations.removeAll()
        scaleEvents.removeAll()
    }

    /// Steps 3 to 5 for a current count within bounds.
    mutating func normalize(_ decision: inout ScaleDecision, now: Nanoseconds) {
        let current = decision.currentReplicas
        let ratio = decision.metricRatio
        let proposal: Int
        if 1 - config.tolerance <= ratio && ratio <= 1 + config.tolerance {
            proposal = current
            decision.cause = .withinTolerance
        } else {
            proposal = Self.clampedInt((Double(current) * ratio).rounded(.up))
            decision.cause = .desiredWithinRange
        }
        decision.recommendedReplicas = proposal

        // Stabilization, as HPA's stabilizeRecommendationWithBehaviors.
        let upBound = recommendations.minimum(after: now - config.scaleUpStabilization, atMost: proposal)
        let downBound = recommendations.maximum(after: now - config.scaleDownStabilization, atLeast: proposal)
        recommendations.append(proposal, at: now)
        let stabilized = Swift.min(Swift.max(current, upBound), downBound)
        decision.stabilizedReplicas = stabilized
        if stabilized != proposal { decision.cause = proposal < current ? .scaleDownStabilized : .scaleUpStabilized }
        decision.desiredReplicas = stabilized

        // Rate limits and bounds, as HPA's convertDesiredReplicasWithBehaviorRate.
        if stabilized > current {
            let limit = Swift.max(scaleUpLimit(current: current, now: now), current)
            let allowed = Swift.min(config.maxReplicas, limit)
            if stabilized > allowed {
                decision.desiredReplicas = allowed
                decision.cause = limit < config.maxReplicas ? .scaleUpLimit : .tooManyReplicas
            }
        } else if stabilized < current {
            let limit = Swift.min(scaleDownLimit(current: current, now: now), current)
            let allowed = Swift.max(config.minReplicas, limit)
            if stabilized < allowed {
                decision.desiredReplicas = allowed
                decision.cause = limit > config.minReplicas ? .scaleDownLimit : .tooFewReplicas
            }
        }
    }

    /// The highest count the scale-up policies allow now (`Int.max` without policies).
    func scaleUpLimit(current: Int, now: Nanoseconds) -> Int {
        let changes = scaleEvents.sums(after: now - config.scaleUpPeriod)
        let start = current - changes.added + changes.removed
        var limit = Int.min
        if config.scaleUpLimitPods > 0 { limit = Swift.max(limit, start + config.scaleUpLimitPods) }
        if config.scaleUpLimitPercent > 0 {
            // Rounded up, so a small percentage still adds a replica (HPA's comment says the same).
            limit = Swift.max(limit, Self.clampedInt((Double(start) * (1 + config.scaleUpLimitPercent / 100)).rounded(.up)))
        }
        return limit == Int.min ? Int.max : limit
    }

    /// The lowest count the scale-down policies allow now (`Int.min` without policies).
    func scaleDownLimit(current: Int, now: Nanoseconds) -> Int {
        let changes = scaleEvents.sums(after: now - config.scaleDownPeriod)
        let start = current - changes.added + changes.removed
        var limit = Int.max
        if config.scaleDownLimitPods > 0 { limit = Swift.min(limit, start - config.scaleDownLimitPods) }
        if config.scaleDownLimitPercent > 0 {
            // Truncated like HPA's int32 conversion: the count kept rounds down, so removals round up.
            limit = Swift.min(limit, Self.clampedInt((Double(start) * (1 - config.scaleDownLimitPercent / 100)).rounded(.towardZero)))
        }
        return limit == Int.max ? Int.min : limit
    }

    /// A whole `Double` as an `Int`, saturating (a huge metric must not trap).
    static func clampedInt(_ value: Double) -> Int {
        if value >= 9.0e15 { return 9_000_000_000_000_000 }
        if value <= -9.0e15 { return -9_000_000_000_000_000 }
        return Int(value)
    }
}
