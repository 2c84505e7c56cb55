import Sim

/// A bound on a headline figure that a run must meet (`faultsim check` fails
/// the build when one does not hold).
///
/// In a file, `expect` maps figure names to a bound:
/// ```json5
/// expect: {
///   metastable: false,                                   // a verdict
///   mttr: {max: "2m"},                                   // a duration bound
///   sloAttainment: {min: 0.99},                          // a number bound
///   retryAmplificationPeak: {max: 1.5, entity: "edge:web->api"},
///   breakerOpens: [{max: 0, entity: "edge:api->db"}, {max: 3}],
/// }
/// ```
public struct Expectation: Equatable, Sendable {
    public enum Bound: Equatable, Sendable {
        case number(Double)
        case duration(SimTime)
    }

    public enum Condition: Equatable, Sendable {
        case equals(Bool)
        case range(min: Bound?, max: Bound?)
    }

    /// A `FigureName` raw value (checked when the scenario is validated).
    public var metric: String
    /// The entity the figure describes (`edge:api->db`, `service:api`, `fault:NAME`); nil = run-wide.
    public var entity: String?
    public var condition: Condition

    public init(metric: String, entity: String? = nil, condition: Condition) {
        self.metric = metric
        self.entity = entity
        self.condition = condition
    }

    /// The bound as a person reads it: `<= 2m`, `>= 0.99`, `in [1, 2]`, `== false`.
    public var boundText: String {
        switch condition {
        case .equals(let flag): return "== \(flag)"
        case .range(let min?, let max?): return "in [\(min.text), \(max.text)]"
        case .range(let min?, nil): return ">= \(min.text)"
        case .range(nil, let max?): return "<= \(max.text)"
        case .range(nil, nil): return "(no bound)"
        }
    }

    /// `metric` or `metric[entity]`, as tables and JUnit name it.
    public var label: String { entity.map { "\(metric)[\($0)]" } ?? metric }
}

extension Expectation.Bound {
    public var text: String {
        switch self {
        case .number(let value): NumberFormat.trimmed(value, maxDecimals: 6)
        case .duration(let value): value.unitString
        }
    }
}

/// The `expect` block: expectations in the order the file lists them.
public struct ExpectationSet: Equatable, Sendable, SpecDefaults, AtomicSpec {
    public var items: [Expectation]

    public init() { items = [] }
    public init(_ items: [Expectation]) { self.items = items }
    public static let defaultValue = ExpectationSet()
    public var isEmpty: Bool { items.isEmpty }
}
