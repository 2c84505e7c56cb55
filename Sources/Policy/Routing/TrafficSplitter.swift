/// Request attributes for routing rules, pre-hashed (FNV-1a) so matching
/// never compares strings and passing them never allocates. Up to four pairs.
public struct RouteAttributes: Sendable {
    var names: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var values: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    public private(set) var count = 0

    public static let none = RouteAttributes()

    public init() {}

    /// Attributes from name/value strings (at most four are kept).
    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs.prefix(4) {
            set(count, StableHash.fnv1a(name), StableHash.fnv1a(value))
            count += 1
        }
    }

    mutating func set(_ index: Int, _ name: UInt64, _ value: UInt64) {
        switch index {
        case 0: names.0 = name; values.0 = value
        case 1: names.1 = name; values.1 = value
        case 2: names.2 = name; values.2 = value
        default: names.3 = name; values.3 = value
        }
    }

    /// The hashed value of attribute `name`, if present.
    func value(of name: UInt64) -> UInt64? {
        if count > 0 && names.0 == name { return values.0 }
        if count > 1 && names.1 == name { return values.1 }
        if count > 2 && names.2 == name { return values.2 }
        if count > 3 && names.3 == name { return values.3 }
        return nil
    }
}

/// Where one request goes.
public struct RouteDecision: Sendable, Equatable {
    public var targetIndex: Int
    /// Bit i set: shadow i gets a mirrored copy.
    public var shadowMask: UInt64
    /// The rule that decided, if one matched.
    public var rule: Int?
}

/// A weight change, for the event log.
public struct WeightChange: Sendable, Equatable {
    public var from: [Double]
    public var to: [Double]
}

/// Routes requests by rules, then weights (random or sticky), and picks shadows.
public struct TrafficSplitter: Sendable {
    public private(set) var config: TrafficSplitConfig
    /// Upper bucket bound (exclusive) of each target's range in [0, 10000).
    var upperBounds: [Int]
    let saltHash: UInt64
    let ruleNames: [UInt64]
    let ruleValues: [[UInt64]]
    let ruleTargets: [Int]

    public init(config: TrafficSplitConfig) throws(PolicyConfigError) {
        try config.validate()
        self.config = config
        upperBounds = TrafficSplitter.bounds(config.targets.map(\.weightPercent))
        saltHash = StableHash.fnv1a(config.salt)
        ruleNames = config.rules.map { StableHash.fnv1a($0.attribute) }
        ruleValues = config.rules.map { $0.values.map { StableHash.fnv1a($0) } }
        ruleTargets = config.rules.map { rule in config.targets.firstIndex { $0.name == rule.target }! }
    }

    static func bounds(_ percents: [Double]) -> [Int] {
        var total = 0
        return TrafficSplitConfig.basisPoints(percents).map { points in
            total += points
            return total
        }
    }

    /// Current weights in percent.
    public var weightsPercent: [Double] { config.targets.map(\.weightPercent) }

    /// The bucket of a sticky key.
    public func bucket(of key: UInt64) -> Int {
        Int(StableHash.fnv1a(key, basis: saltHash) % 10_000)
    }

    public mutating func route(stickyKey: UInt64?, attributes: RouteAttributes, using rng: inout some RandomNumberGenerator) -> RouteDecision {
        var decision = RouteDecision(targetIndex: 0, shadowMask: 0, rule: nil)
        if attributes.count > 0 {
            for index in ruleNames.indices {
                if let value = attributes.value(of: ruleNames[index]), ruleValues[index].contains(value) {
                    decision.targetIndex = ruleTargets[index]
                    decision.rule = index
                    break
                }
            }
        }
        if decision.rule == nil {
            let bucket: Int
            if config.mode == .sticky, let key = stickyKey {
                bucket = self.bucket(of: key)
            } else {
                bucket = Int(rng.nextBelow(10_000))
            }
            var index = 0
            while index < upperBounds.count - 1 && bucket >= upperBounds[index] { index += 1 }
            decision.targetIndex = index
        }
        for (index, shadow) in config.shadows.enumerated() where shadow.percent > 0 && rng.chance(shadow.percent / 100) {
            decision.shadowMask |= 1 << UInt64(index)
        }
        return decision
    }

    /// Sets new weights (same targets, same order), as a rollout or adaptive router does.
    public mutating func setWeights(_ percents: [Double]) throws(PolicyConfigError) -> WeightChange {
        var next = config
        try Check.that(percents.count == config.targets.count, "weights", expected: "\(config.targets.count) weights", got: "\(percents.count)")
        for index in percents.indices { next.targets[index].weightPercent = percents[index] }
        try next.validate()
        let change = WeightChange(from: weightsPercent, to: percents)
        config = next
        upperBounds = TrafficSplitter.bounds(percents)
        return change
    }
}
