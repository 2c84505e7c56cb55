/// A headline figure over seeds for a baseline and a candidate policy run on
/// the same seeds (common random numbers), with the paired difference.
///
/// Pairing matters: with the same seeds both runs see the same arrivals and
/// faults, so per-seed differences d_i = candidate_i - baseline_i carry the
/// policy's effect without most of the dice's; their Student-t interval is far
/// narrower than the difference of two independent intervals.
/// - difference = mean of d_i +- t(n-1) x s_d / sqrt(n)
/// - relativeChange = mean d / mean baseline (NaN when the baseline mean is 0)
/// - isSignificant: the difference interval excludes 0 (needs n >= 2)
/// Seeds where either value is NaN (e.g. "not recovered") are dropped from all
/// three intervals so they cover the same seeds; `pairs` says how many remain.
public struct PairedComparison: Sendable, Equatable {
    /// Mean and interval of the baseline over the kept seeds.
    public var baseline: ConfidenceInterval
    /// Mean and interval of the candidate over the kept seeds.
    public var candidate: ConfidenceInterval
    /// Mean and interval of candidate - baseline, seed by seed.
    public var difference: ConfidenceInterval
    /// Seeds kept (both values defined).
    public var pairs: Int

    /// `baseline[i]` and `candidate[i]` come from seed i.
    public init(baseline: [Double], candidate: [Double], level: StudentT.Level = .ninetyFive) {
        precondition(baseline.count == candidate.count, "paired comparison needs one value per seed on each side")
        let kept = baseline.indices.filter { !baseline[$0].isNaN && !candidate[$0].isNaN }
        pairs = kept.count
        self.baseline = ConfidenceInterval(of: kept.map { baseline[$0] }, level: level)
        self.candidate = ConfidenceInterval(of: kept.map { candidate[$0] }, level: level)
        difference = ConfidenceInterval(of: kept.map { candidate[$0] - baseline[$0] }, level: level)
    }

    /// mean difference / mean baseline.
    public var relativeChange: Double {
        baseline.mean != 0 ? difference.mean / baseline.mean : .nan
    }

    /// True when the difference's interval lies entirely above or below zero.
    public var isSignificant: Bool {
        pairs >= 2 && (difference.lower > 0 || difference.upper < 0)
    }
}
