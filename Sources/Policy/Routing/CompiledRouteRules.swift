/// `RouteRule`s flattened into hash tables for the per-request path.
///
/// Built once per configuration: names and targets per rule, and all rule
/// values in one flat array sliced by `valueStarts`, so matching a request
/// walks fixed arrays with no allocation and no string comparison.
struct CompiledRouteRules: Sendable {
    /// Hashed attribute name per rule.
    let names: [UInt64]
    /// Target index per rule.
    let targets: [Int]
    /// Rule `r`'s values are `values[valueStarts[r]..<valueStarts[r + 1]]`.
    let valueStarts: [Int]
    /// Hashed values of all rules, rule after rule.
    let values: [UInt64]

    /// Compiles `config.rules`. - Precondition: `config` is valid.
    init(_ config: TrafficSplitConfig) {
        var starts = [0]
        var flat: [UInt64] = []
        for rule in config.rules {
            flat.append(contentsOf: rule.values.map(RouteAttributes.key))
            starts.append(flat.count)
        }
        names = config.rules.map { RouteAttributes.key($0.attribute) }
        targets = config.rules.map { config.targetIndex(named: $0.target)! }
        valueStarts = starts
        values = flat
    }

    /// `true` when there are no rules (the common case, checked first).
    var isEmpty: Bool { names.isEmpty }

    /// The first rule matching `attributes`, or `nil`.
    func firstMatch(_ attributes: RouteAttributes) -> Int? {
        for rule in names.indices {
            guard let value = attributes.value(of: names[rule]) else { continue }
            for slot in valueStarts[rule]..<valueStarts[rule + 1] where values[slot] == value { return rule }
        }
        return nil
    }
}
