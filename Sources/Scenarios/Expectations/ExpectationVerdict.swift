import Sim

/// Whether one expectation held in one run, with the numbers behind it.
public struct ExpectationVerdict: Equatable, Sendable {
    public var expectation: Expectation
    public var measured: FigureValue?
    public var passed: Bool
    /// What was measured, as text: `1m 12s`, `0.9731`, `not recovered`.
    public var measuredText: String
}

extension Expectation {
    /// Figures that are verdicts (bound with `true`/`false`).
    static let flagFigures: Set<FigureName> = [.metastable, .oscillating, .canaryRolledBack]
    /// Figures that are durations (bound with "2m"-style values).
    static let durationFigures: Set<FigureName> = [.mttd, .mttr, .recoveryAfterRemoval, .oscillationPeriod, .canaryRollbackTime]
    /// Absences that satisfy an upper bound: there was nothing to measure because
    /// nothing went wrong (a fault that never hurt, a series that never oscillated).
    static let harmlessAbsences: Set<FigureAbsence> = [.neverUnhealthy, .noOscillation]

    /// Evaluates this expectation against a run's analysis.
    public func verdict(in analysis: RunAnalysis) -> ExpectationVerdict {
        guard let name = FigureName(rawValue: metric) else {
            return ExpectationVerdict(expectation: self, measured: nil, passed: false, measuredText: "unknown figure")
        }
        guard let figure = analysis.figure(name, entity: entity) else {
            return ExpectationVerdict(expectation: self, measured: nil, passed: false,
                                      measuredText: "no such entity \"\(entity ?? "run")\" for \(metric)")
        }
        let value = figure.value
        let text = Expectation.text(value)
        switch (condition, value) {
        case (.equals(let expected), .flag(let actual)):
            return ExpectationVerdict(expectation: self, measured: value, passed: expected == actual, measuredText: text)
        case (.equals(let expected), .notApplicable(let absence)):
            // "metastable: false" holds when there was nothing that could be metastable.
            let vacuous: Set<FigureAbsence> = [.noFault, .neverUnhealthy, .faultNotRemoved, .noOscillation]
            return ExpectationVerdict(expectation: self, measured: value, passed: !expected && vacuous.contains(absence), measuredText: text)
        case (.range(let min, let max), .notApplicable(let absence)):
            let passed = min == nil && max != nil && Expectation.harmlessAbsences.contains(absence)
            return ExpectationVerdict(expectation: self, measured: value, passed: passed, measuredText: text)
        case (.range(let min, let max), _):
            guard let actual = Expectation.comparable(value) else {
                return ExpectationVerdict(expectation: self, measured: value, passed: false, measuredText: text)
            }
            let low = min.map { actual >= $0.comparable } ?? true
            let high = max.map { actual <= $0.comparable } ?? true
            return ExpectationVerdict(expectation: self, measured: value, passed: low && high, measuredText: text)
        case (.equals, _):
            return ExpectationVerdict(expectation: self, measured: value, passed: false, measuredText: text)
        }
    }

    /// A figure value as a person reads it.
    public static func text(_ value: FigureValue) -> String {
        switch value {
        case .number(let number, let unit):
            let shown = NumberFormat.trimmed(number, maxDecimals: 4)
            return unit == .ratio || unit == .count ? shown : "\(shown) \(unit.rawValue)"
        case .duration(let duration): return DurationFormat.human(duration)
        case .flag(let flag): return "\(flag)"
        case .notApplicable(let absence): return absence.rawValue
        }
    }

    /// A figure value as a number to compare (durations in nanoseconds).
    static func comparable(_ value: FigureValue) -> Double? {
        switch value {
        case .number(let number, _): number
        case .duration(let duration): Double(duration.ns)
        case .flag, .notApplicable: nil
        }
    }
}

extension Expectation.Bound {
    var comparable: Double {
        switch self {
        case .number(let value): value
        case .duration(let value): Double(value.ns)
        }
    }
}
