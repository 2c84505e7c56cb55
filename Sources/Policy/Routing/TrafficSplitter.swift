/// Routes requests across a split's targets: rules first, then weights
/// (random or sticky), and picks which shadows get a mirrored copy.
///
/// See `TrafficSplitConfig` for the semantics. Sans-I/O and allocation-free
/// per request: the rule table, the bucket ranges and the shadow
/// probabilities are built at `init` and on `setWeights`.
///
/// Sticky guarantees (bucket ranges are laid out in target order):
/// - while the weights are unchanged, a key always gets the same target;
/// - when one target's basis points grow and no other target's grow, every
///   key already on that target stays on it (its range only widens). With
///   two targets (stable and canary) this holds for every weight change.
public struct TrafficSplitter: Sendable {
    /// The configuration, with the current weights in `targets`.
    public internal(set) var config: TrafficSplitConfig
    /// Current weights in basis points (sum 10,000), in target order.
    public internal(set) var basisPoints: [Int]
    /// Exclusive upper bucket of each target's range: target `i` owns
    /// `upperBounds[i - 1]..<upperBounds[i]`; the last bound is 10,000.
    @usableFromInline var upperBounds: [Int]
    /// FNV-1a basis for sticky keys: the hash of the salt (`""` hashes to
    /// the standard basis, so an empty salt is the unsalted hash).
    @usableFromInline let saltBasis: UInt64
    /// The rules, hashed.
    let rules: CompiledRouteRules
    /// Per-shadow mirror probability (0...1).
    let shadowProbabilities: [Double]

    /// A splitter for `config`.
    /// - Throws: the first invalid field of `config`.
    public init(config: TrafficSplitConfig) throws(PolicyConfigError) {
        try config.validate()
        self.config = config
        basisPoints = TrafficSplitConfig.basisPoints(config.targets.map(\.weightPercent))
        upperBounds = TrafficSplitter.upperBounds(basisPoints)
        saltBasis = StableHash.fnv1a(config.salt)
        rules = CompiledRouteRules(config)
        shadowProbabilities = config.shadows.map { $0.percent / 100 }
    }

    /// Number of targets.
    public var targetCount: Int { basisPoints.count }

    /// Current weights in percent, in target order.
    public var weightsPercent: [Double] { config.targets.map(\.weightPercent) }

    /// Where one request goes.
    ///
    /// - Parameters:
    ///   - stickyKey: the user/session key for sticky mode; `nil` falls back
    ///     to a random bucket. Ignored in random mode.
    ///   - attributes: the request's attributes for the rules (`.none` if it has none).
    ///   - rng: draws for random buckets and shadows (one `nextBelow(10_000)`
    ///     per random bucket, one `nextUnit()` per shadow with 0 < percent < 100).
    public mutating func route(stickyKey: UInt64?, attributes: RouteAttributes,
                               using rng: inout some RandomNumberGenerator) -> RouteDecision {
        var decision: RouteDecision
        if !rules.isEmpty, attributes.count > 0, let rule = rules.firstMatch(attributes) {
            decision = RouteDecision(targetIndex: rules.targets[rule], cause: .rule(index: rule))
        } else {
            let cause: RouteCause
            switch (config.mode, stickyKey) {
            case (.sticky, let key?): cause = .sticky(bucket: bucket(ofStickyKey: key))
            case (.sticky, nil): cause = .stickyWithoutKey(bucket: Int(rng.nextBelow(UInt64(TrafficSplitConfig.totalBasisPoints))))
            case (.random, _): cause = .random(bucket: Int(rng.nextBelow(UInt64(TrafficSplitConfig.totalBasisPoints))))
            }
            decision = RouteDecision(targetIndex: target(forBucket: cause.bucket!), cause: cause)
        }
        for index in shadowProbabilities.indices {
            let probability = shadowProbabilities[index]
            // No draw at 0 % or 100 %: the outcome is certain.
            if probability >= 1 || (probability > 0 && rng.chance(probability)) {
                decision.shadowMask |= 1 << UInt64(index)
            }
        }
        return decision
    }

    /// The bucket (0..<10,000) of a sticky key: salted FNV-1a over the key's
    /// eight bytes, then the SplitMix64 finaliser, modulo 10,000.
    ///
    /// Why the finaliser: FNV-1a's low bits mix poorly, and sequential keys
    /// (user ids 0, 1, 2...) land unevenly; measured over keys 0..<10,000 in
    /// 1 % slices, chi-square is 326 without it and 98 with it (99 degrees
    /// of freedom, so uniform). Both steps are fixed functions: identical in
    /// every process and on every machine.
    @inlinable public func bucket(ofStickyKey key: UInt64) -> Int {
        Int(SplitMix64.mix(StableHash.fnv1a(key, basis: saltBasis)) % UInt64(TrafficSplitConfig.totalBasisPoints))
    }

    /// The target owning `bucket` (0..<10,000). Zero-weight targets own no buckets.
    @inlinable public func target(forBucket bucket: Int) -> Int {
        var index = 0
        while bucket >= upperBounds[index] { index += 1 }
        return index
    }

    /// Cumulative upper bounds of `points`.
    static func upperBounds(_ points: [Int]) -> [Int] {
        var total = 0
        return points.map { point in
            total += point
            return total
        }
    }
}
