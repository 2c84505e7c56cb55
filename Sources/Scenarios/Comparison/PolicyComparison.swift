import Sim

/// A baseline and a candidate scenario run on the same seeds: the main use of
/// FaultSim before a rollout (`faultsim compare`).
///
/// Common random numbers: every random draw comes from a stream named after
/// the component that uses it, so with the same seed both sides see the same
/// arrivals, service times and faults; what differs is the policy and what it
/// causes. Figures are compared seed by seed (`PairedComparison`).
public struct PolicyComparison: Sendable {
    public var baseline: Scenario
    public var candidate: Scenario
    public var seeds: [UInt64]
    /// Run-wide headline figures, in `FigureName` order, offered requests left out.
    public var figures: [FigureComparison]
    /// Every expectation of either scenario, evaluated on both sides.
    public var expectations: [ExpectationComparison]
    /// The first seed's runs (charts overlay these).
    public var firstBaseline: ScenarioRun
    public var firstCandidate: ScenarioRun
    /// The first seed's analyses.
    public var firstBaselineAnalysis: RunAnalysis
    public var firstCandidateAnalysis: RunAnalysis
    /// Runs a limit stopped, as "baseline seed 3: maxEvents(...)".
    public var limitStops: [String]

    /// Runs both sides on `seeds` (at least one).
    public static func run(baseline: Scenario, candidate: Scenario, seeds: [UInt64], version: String) throws(WorldBuildError) -> PolicyComparison {
        precondition(!seeds.isEmpty, "a comparison needs at least one seed")
        var baselineAnalyses: [RunAnalysis] = [], candidateAnalyses: [RunAnalysis] = []
        var firsts: [ScenarioRun] = []
        var limitStops: [String] = []
        for seed in seeds {
            for (label, scenario) in [("baseline", baseline), ("candidate", candidate)] {
                let run = try ScenarioRun.run(scenario, seed: seed)
                if case .limit(let limit) = run.result.stopReason { limitStops.append("\(label) seed \(seed): \(limit)") }
                let analysis = run.analysis(version: version)
                if label == "baseline" { baselineAnalyses.append(analysis) } else { candidateAnalyses.append(analysis) }
                if seed == seeds[0] { firsts.append(run) }
            }
        }
        let names = FigureName.allCases.filter { $0 != .offeredRequests }
        let figures = names.map { name in
            FigureComparison(name: name, baseline: baselineAnalyses.map { $0.runValue(name) },
                             candidate: candidateAnalyses.map { $0.runValue(name) })
        }
        var items: [Expectation] = []
        for item in baseline.expect.items + candidate.expect.items where !items.contains(item) { items.append(item) }
        let expectations = items.map { item in
            ExpectationComparison(expectation: item, baseline: baselineAnalyses.map { item.verdict(in: $0) },
                                  candidate: candidateAnalyses.map { item.verdict(in: $0) })
        }
        return PolicyComparison(baseline: baseline, candidate: candidate, seeds: seeds, figures: figures,
                                expectations: expectations, firstBaseline: firsts[0], firstCandidate: firsts[1],
                                firstBaselineAnalysis: baselineAnalyses[0], firstCandidateAnalysis: candidateAnalyses[0],
                                limitStops: limitStops)
    }
}

/// One headline figure on both sides, seed by seed.
public struct FigureComparison: Sendable {
    public var name: FigureName
    /// `baseline[i]` and `candidate[i]` are seed i's values.
    public var baseline: [FigureValue]
    public var candidate: [FigureValue]
    /// Paired statistics over the seeds where both values are defined:
    /// numbers in their unit, durations in seconds, verdicts as 1 (yes) / 0 (no).
    public var paired: PairedComparison
    /// Each side's mean over its own seeds with a value (a side that recovers
    /// on every seed still shows its MTTR when the other never recovers).
    public var baselineMean: ConfidenceInterval
    public var candidateMean: ConfidenceInterval

    public init(name: FigureName, baseline: [FigureValue], candidate: [FigureValue]) {
        self.name = name
        self.baseline = baseline
        self.candidate = candidate
        paired = PairedComparison(baseline: baseline.map(Self.numeric), candidate: candidate.map(Self.numeric))
        baselineMean = SeedSummary.interval(baseline.map(Self.numeric))
        candidateMean = SeedSummary.interval(candidate.map(Self.numeric))
    }

    /// Whether either side has a value on some seed.
    public var hasValues: Bool { baselineMean.samples > 0 || candidateMean.samples > 0 }

    /// The value as a number for the statistics (NaN when undefined).
    public static func numeric(_ value: FigureValue) -> Double {
        switch value {
        case .number(let number, _): number
        case .duration(let time): time.seconds
        case .flag(let flag): flag ? 1 : 0
        case .notApplicable: .nan
        }
    }

    /// The kind every defined value shares (the first defined one's), nil when none is defined.
    public var sample: FigureValue? { (baseline + candidate).first { $0.absence == nil } }

    /// Seeds on each side with no value, by reason: "not recovered x3".
    public static func absences(_ values: [FigureValue]) -> String {
        var reasons: [(FigureAbsence, Int)] = []
        for case .notApplicable(let reason) in values {
            if let index = reasons.firstIndex(where: { $0.0 == reason }) { reasons[index].1 += 1 } else { reasons.append((reason, 1)) }
        }
        return reasons.map { "\($0.0.rawValue) x\($0.1)" }.joined(separator: ", ")
    }
}

/// One expectation's verdicts on both sides, seed by seed.
public struct ExpectationComparison: Sendable {
    public var expectation: Expectation
    public var baseline: [ExpectationVerdict]
    public var candidate: [ExpectationVerdict]

    public var baselineHeld: Int { baseline.filter(\.passed).count }
    public var candidateHeld: Int { candidate.filter(\.passed).count }
    /// Held on every seed on one side but not the other.
    public var flips: Bool { (baselineHeld == baseline.count) != (candidateHeld == candidate.count) }

    /// "fails -> holds", "holds -> fails", or "" when it does not flip.
    public var flipText: String {
        guard flips else { return "" }
        return baselineHeld == baseline.count ? "holds -> fails" : "fails -> holds"
    }
}
