/// Why a request went where it went.
public enum RouteCause: Sendable, Equatable {
    /// Rule number `index` (in `config.rules`) matched the request's attributes.
    case rule(index: Int)
    /// Sticky mode: the key hashed to `bucket` (0..<10,000).
    case sticky(bucket: Int)
    /// Random mode: `bucket` was drawn for this request.
    case random(bucket: Int)
    /// Sticky mode, but the request had no key: `bucket` was drawn at random.
    case stickyWithoutKey(bucket: Int)

    /// The bucket the weights were applied to, `nil` when a rule decided.
    public var bucket: Int? {
        switch self {
        case .rule: nil
        case .sticky(let bucket), .random(let bucket), .stickyWithoutKey(let bucket): bucket
        }
    }
}

/// Where one request goes, and which shadows receive a copy of it.
public struct RouteDecision: Sendable, Equatable {
    /// Index into the split's targets.
    public var targetIndex: Int
    /// What decided `targetIndex`.
    public var cause: RouteCause
    /// Bit `i` set: shadow `i` receives a mirrored copy (its answer is dropped).
    public var shadowMask: UInt64

    /// A decision for `targetIndex` with `cause` and mirrors in `shadowMask`.
    public init(targetIndex: Int, cause: RouteCause, shadowMask: UInt64 = 0) {
        self.targetIndex = targetIndex
        self.cause = cause
        self.shadowMask = shadowMask
    }

    /// Whether shadow `index` gets a copy of this request.
    @inlinable public func mirrors(shadow index: Int) -> Bool {
        index >= 0 && index < 64 && shadowMask & (1 << UInt64(index)) != 0
    }

    /// The rule that decided, if one did.
    public var ruleIndex: Int? {
        if case .rule(let index) = cause { return index }
        return nil
    }
}
