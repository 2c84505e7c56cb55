/// Every threshold a run's analysis uses, in one place so a scenario can set
/// them and a report can say which were used. Defaults are the documented
/// defaults of each part (docs/analysis.md).
public struct RunAnalysisCriteria: Sendable, Equatable {
    /// Sustained-healthy windows (K) and the metastability threshold.
    public var recovery: RecoveryCriteria
    /// When a window counts towards a retry storm; its `minimumOfferedRps`
    /// also sets the offered-load floor of the amplification peak.
    public var storms: RetryStormCriteria
    /// When a key series counts as oscillating.
    public var oscillation: OscillationCriteria
    /// Rules of the built-in burn-rate alert, used for MTTD when the recording
    /// has no `alert` events; its SLO is the scenario's success target.
    public var burnRateRules: [SeriesBurnRateRule]
    /// Event categories whose changes count as state flips. Concurrency-limit
    /// changes are left out by default: an adaptive limiter moves by design,
    /// every few requests, and would drown the breakers and weights.
    public var flipCategories: [StateChangeCategory]

    /// The default burn-rate rules and flip categories, as named constants.
    ///
    /// Why not array literals in the default arguments: Swift 6.3.1 in an
    /// optimised build with testing enabled handed `RunAnalysis.init`'s default
    /// criteria a `flipCategories` that pointed at the other literal's storage
    /// (two garbage elements). Defaults built from named constants are not affected.
    public static let defaultBurnRateRules: [SeriesBurnRateRule] = [.pageFast, .pageSlow]
    public static let defaultFlipCategories: [StateChangeCategory] = [.breaker, .ejection, .weight, .instance]
    /// Every default (what `RunAnalysis.init` uses unless given criteria).
    public static let standard = RunAnalysisCriteria()

    /// Criteria with the documented defaults unless given.
    public init(recovery: RecoveryCriteria = RecoveryCriteria(), storms: RetryStormCriteria = RetryStormCriteria(),
                oscillation: OscillationCriteria = OscillationCriteria(),
                burnRateRules: [SeriesBurnRateRule] = RunAnalysisCriteria.defaultBurnRateRules,
                flipCategories: [StateChangeCategory] = RunAnalysisCriteria.defaultFlipCategories) {
        precondition(!burnRateRules.isEmpty, "the burn-rate alert needs at least one rule")
        self.recovery = recovery
        self.storms = storms
        self.oscillation = oscillation
        self.burnRateRules = burnRateRules
        self.flipCategories = flipCategories
    }
}
