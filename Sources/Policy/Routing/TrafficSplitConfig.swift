/// One destination of a split and its share.
public struct SplitTarget: Codable, Equatable, Sendable {
    public var name: String
    public var weightPercent: Double
    public init(name: String, weightPercent: Double) {
        self.name = name
        self.weightPercent = weightPercent
    }
}

/// Requests whose `attribute` has one of `values` go to `target`, whatever the weights.
public struct RouteRule: Codable, Equatable, Sendable {
    public var attribute: String
    public var values: [String]
    public var target: String
    public init(attribute: String, values: [String], target: String) {
        self.attribute = attribute
        self.values = values
        self.target = target
    }
}

/// A copy of `percent` of requests also goes to `name`; its answer is dropped.
public struct ShadowTarget: Codable, Equatable, Sendable {
    public var name: String
    public var percent: Double
    public init(name: String, percent: Double) {
        self.name = name
        self.percent = percent
    }
}

/// How traffic divides across versions (or any named targets).
///
/// Weights are percentages summing to 100, applied as integer basis points
/// (largest-remainder rounding, so the shares always sum to exactly 10,000).
/// `random` draws per request; `sticky` hashes the request key (FNV-1a, salted)
/// into [0, 10000) and maps ranges to targets in order, so a key stays on its
/// target while weights stay, and a key on a target whose share only grows
/// (a canary being ramped up, listed first or last) never leaves it. Rules win
/// over weights; shadows receive mirrored copies.
public struct TrafficSplitConfig: ValidatedConfig {
    public enum Mode: String, Codable, CaseIterable, Sendable { case random, sticky }

    public var targets: [SplitTarget]
    public var mode: Mode
    /// Changing the salt reshuffles sticky keys (a documented pitfall: key rotation breaks stickiness).
    public var salt: String
    public var rules: [RouteRule]
    public var shadows: [ShadowTarget]

    public init(targets: [SplitTarget] = [SplitTarget(name: "v1", weightPercent: 100)], mode: Mode = .random, salt: String = "",
                rules: [RouteRule] = [], shadows: [ShadowTarget] = []) {
        self.targets = targets
        self.mode = mode
        self.salt = salt
        self.rules = rules
        self.shadows = shadows
    }

    public init() { self.init(targets: [SplitTarget(name: "v1", weightPercent: 100)]) }

    public func validate() throws(PolicyConfigError) {
        try Check.that(!targets.isEmpty && targets.count <= 64, "targets", expected: "1 to 64 targets", got: "\(targets.count)")
        var total = 0.0
        for (index, target) in targets.enumerated() {
            try Check.that(!target.name.isEmpty, "targets[\(index)].name", expected: "a name", got: "\"\"")
            try Check.that(!targets[..<index].contains { $0.name == target.name }, "targets[\(index)].name",
                           expected: "a name not used by another target", got: "\"\(target.name)\"")
            try Check.percent(target.weightPercent, "targets[\(index)].weightPercent")
            total += target.weightPercent
        }
        try Check.that(abs(total - 100) <= 1e-9, "targets", expected: "weights summing to 100", got: "\(total)")
        for (index, rule) in rules.enumerated() {
            try Check.that(!rule.attribute.isEmpty, "rules[\(index)].attribute", expected: "an attribute name", got: "\"\"")
            try Check.that(!rule.values.isEmpty, "rules[\(index)].values", expected: "at least one value", got: "none")
            try Check.that(targets.contains { $0.name == rule.target }, "rules[\(index)].target",
                           expected: "one of the targets (\(targets.map(\.name).joined(separator: ", ")))", got: "\"\(rule.target)\"")
        }
        try Check.that(shadows.count <= 64, "shadows", expected: "at most 64 shadows", got: "\(shadows.count)")
        for (index, shadow) in shadows.enumerated() {
            try Check.that(!shadow.name.isEmpty, "shadows[\(index)].name", expected: "a name", got: "\"\"")
            try Check.percent(shadow.percent, "shadows[\(index)].percent")
        }
    }

    /// Percentages as basis points summing to exactly 10,000 (largest remainder).
    public static func basisPoints(_ percents: [Double]) -> [Int] {
        let scaled = percents.map { $0 * 100 }
        var points = scaled.map { Int($0.rounded(.down)) }
        var missing = 10_000 - points.reduce(0, +)
        // Hand the missing points to the largest remainders (ties: earlier target first).
        // Remainders are quantised to 1e-6 so floating-point noise (99.995 * 100 =
        // 9999.500000000002) cannot decide a tie.
        func remainder(_ i: Int) -> Double { ((scaled[i] - Double(points[i])) * 1e6).rounded() / 1e6 }
        let order = scaled.indices.sorted { a, b in
            let ra = remainder(a), rb = remainder(b)
            return ra != rb ? ra > rb : a < b
        }
        var cursor = 0
        while missing > 0 && !order.isEmpty {
            points[order[cursor % order.count]] += 1
            missing -= 1
            cursor += 1
        }
        return points
    }
}
