/// How requests divide across named targets (versions, regions, backends).
///
/// Semantics, in the order the splitter applies them:
/// 1. **Rules** (`rules`): the first rule whose attribute matches sends the
///    request to its target, whatever the weights.
/// 2. **Weights** (`targets`): percentages summing to 100, applied as integer
///    basis points (10,000ths) with largest-remainder rounding so the shares
///    always sum to exactly 10,000 (the seed guides warn of "floating point
///    rounding issues"). Each target owns a range of buckets in `[0, 10000)`,
///    in the order listed.
///    - `random`: each request draws a bucket (Envoy weighted clusters).
///    - `sticky`: the request's key is hashed (salted FNV-1a) to a bucket, so
///      one user always lands on the same target while the weights stay.
/// 3. **Shadows** (`shadows`): independently of 1-2, each shadow receives a
///    copy of `percent` of requests; the caller drops the copy's answer.
///
/// `init()` is a single target `v1` at 100 %, random: no split (Envoy's
/// default of routing to one cluster).
public struct TrafficSplitConfig: ValidatedConfig {
    /// How a bucket is chosen for a request that no rule matched.
    public enum Mode: String, Codable, CaseIterable, Sendable {
        /// A fresh random bucket per request: shares are exact on average,
        /// but the same user may see different versions on consecutive requests.
        case random
        /// The bucket is a hash of the request's sticky key (user, session):
        /// the same key always gets the same target while the weights stay.
        /// A request without a key falls back to a random bucket.
        case sticky
    }

    /// The most targets (and shadows) a split may have: decisions carry
    /// shadow sets as 64-bit masks, and a linear scan stays cheap.
    public static let maximumTargets = 64

    /// Destinations and their weights, in range order. Weights sum to 100.
    public var targets: [SplitTarget]
    /// `random` per request or `sticky` per key.
    public var mode: Mode
    /// Mixed into the sticky hash; `""` = unsalted. Changing the salt
    /// reshuffles every key (the seed guides' "secret key rotation can break
    /// determinism"), so treat it as part of the rollout's identity.
    public var salt: String
    /// Attribute rules, checked in order before the weights.
    public var rules: [RouteRule]
    /// Mirror destinations receiving copies of a share of requests.
    public var shadows: [ShadowTarget]

    /// No split: everything to `v1`, random mode, no rules, no shadows.
    public init() {
        self.init(targets: [SplitTarget(name: "v1", weightPercent: 100)])
    }

    /// Everything to `v1`: the default `targets`.
    // A named constant, not an array literal, as the default argument: Swift 6.3.1
    // miscompiles array-literal default arguments in optimised builds with testing on.
    public static let singleTarget = [SplitTarget(name: "v1", weightPercent: 100)]

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(targets: [SplitTarget] = TrafficSplitConfig.singleTarget, mode: Mode = .random,
                salt: String = "", rules: [RouteRule] = [], shadows: [ShadowTarget] = []) {
        self.targets = targets
        self.mode = mode
        self.salt = salt
        self.rules = rules
        self.shadows = shadows
    }

    /// The index of the target called `name`, if any.
    public func targetIndex(named name: String) -> Int? {
        targets.firstIndex { $0.name == name }
    }
}
