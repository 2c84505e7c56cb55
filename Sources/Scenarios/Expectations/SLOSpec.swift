import Sim

/// What "healthy" means for a scenario's analysis (MTTR, SLO attainment,
/// metastability), and the thresholds behind the headline figures.
public struct SLOSpec: SpecDefaults, Equatable {
    /// A window is healthy when at least this share of requests succeed...
    public var successPercent: Double
    /// ...and its p99 latency is at most this.
    public var latencyP99: SimTime
    /// Recovered = this many healthy windows in a row (K).
    public var healthyWindows: Int
    /// Still unhealthy this long after a fault is removed = metastable.
    public var metastableAfter: SimTime
    /// A retry storm: attempts per offered call at least this high...
    public var stormAmplification: Double

    public init(successPercent: Double = 99.9, latencyP99: SimTime = .seconds(1), healthyWindows: Int = 3,
                metastableAfter: SimTime = .seconds(120), stormAmplification: Double = 1.5) {
        self.successPercent = successPercent
        self.latencyP99 = latencyP99
        self.healthyWindows = healthyWindows
        self.metastableAfter = metastableAfter
        self.stormAmplification = stormAmplification
    }

    public static let defaultValue = SLOSpec()

    /// The analysis target (call only after validation).
    public var target: SLOTarget { SLOTarget(successRatio: successPercent / 100, latencyP99: latencyP99) }

    /// The analysis thresholds (call only after validation).
    public var criteria: RunAnalysisCriteria {
        var criteria = RunAnalysisCriteria(recovery: RecoveryCriteria(sustainedHealthyWindows: healthyWindows, metastabilityThreshold: metastableAfter))
        criteria.storms.amplificationThreshold = stormAmplification
        return criteria
    }
}
