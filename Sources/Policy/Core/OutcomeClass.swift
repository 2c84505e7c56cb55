/// How one call attempt ended, as a resilience policy classifies it.
///
/// The classes follow the distinctions production libraries make: a timeout is
/// not a 5xx; a 503 "overloaded" and a 429 "throttled" tell the caller to back
/// off; a connection error never reached the server. Raw values are the
/// spellings used in configuration files.
public enum OutcomeClass: String, Codable, CaseIterable, Sendable, Comparable, BitwiseCopyable {
    case success
    /// The caller stopped waiting (per-try timeout or overall deadline).
    case timeout
    /// A 5xx other than 503: the server tried and failed.
    case serverError
    /// A 503: the server (or its load shedder) refused because it is overloaded.
    case overloaded
    /// A 429: a rate limit refused the call.
    case throttled
    /// The call never reached the server (refused, reset, unreachable, partition).
    case connectionError
    /// A 4xx other than 429: the request itself is wrong; retrying cannot help.
    case clientError
    /// Rejected locally before it was sent (breaker open, budget empty, throttled by the client).
    case rejected

    /// `true` for every class except `.success`.
    @inlinable public var isFailure: Bool { self != .success }

    /// Stable index used by `OutcomeClassSet` (declaration order).
    @inlinable public var bit: UInt16 {
        switch self {
        case .success: 1 << 0
        case .timeout: 1 << 1
        case .serverError: 1 << 2
        case .overloaded: 1 << 3
        case .throttled: 1 << 4
        case .connectionError: 1 << 5
        case .clientError: 1 << 6
        case .rejected: 1 << 7
        }
    }

    public static func < (a: OutcomeClass, b: OutcomeClass) -> Bool { a.bit < b.bit }
}

/// A set of outcome classes (for example, which ones a retry policy retries).
///
/// A bit set rather than `Set<OutcomeClass>`: membership is one AND, and it
/// encodes as an array in declaration order, so configuration files and
/// reports never depend on hash-table iteration order.
public struct OutcomeClassSet: Hashable, Sendable, Codable, ExpressibleByArrayLiteral {
    public var bits: UInt16

    @inlinable public init(bits: UInt16) { self.bits = bits }

    public init(_ classes: some Sequence<OutcomeClass>) {
        bits = 0
        for outcome in classes { bits |= outcome.bit }
    }

    public init(arrayLiteral elements: OutcomeClass...) { self.init(elements) }

    @inlinable public func contains(_ outcome: OutcomeClass) -> Bool { bits & outcome.bit != 0 }
    @inlinable public mutating func insert(_ outcome: OutcomeClass) { bits |= outcome.bit }
    @inlinable public mutating func remove(_ outcome: OutcomeClass) { bits &= ~outcome.bit }

    /// Members in declaration order.
    public var members: [OutcomeClass] { OutcomeClass.allCases.filter(contains) }

    /// Every failure class that a retry can plausibly help with (not client errors, not local rejections).
    public static let transientFailures: OutcomeClassSet = [.timeout, .serverError, .overloaded, .throttled, .connectionError]
    /// Every failure class.
    public static let allFailures = OutcomeClassSet(OutcomeClass.allCases.filter(\.isFailure))

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var result = OutcomeClassSet(bits: 0)
        while !container.isAtEnd { result.insert(try container.decode(OutcomeClass.self)) }
        self = result
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for outcome in members { try container.encode(outcome) }
    }
}
