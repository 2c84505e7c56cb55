/// A request's routing attributes (cohort, region, device, a header or
/// cookie value): up to `capacity` pairs of pre-hashed names and values.
///
/// Design: rules compare 64-bit hashes, never strings, and the pairs live
/// inline (two fixed-size tuples), so building, passing and matching a set
/// of attributes never allocates. The simulator interns each attribute once
/// (`RouteAttributes.key("cohort")`) and reuses the hashes per request; a
/// production service may hash per request (FNV-1a over the UTF-8 bytes, no
/// allocation for native strings) or cache the hashes of known values.
///
/// Hash collisions: keys are 64-bit FNV-1a hashes, so two distinct strings
/// in use collide with probability about k^2 / 2^65 for k distinct strings
/// (about 3e-10 for 100,000 values). A collision would make a rule match a
/// value it does not list; we accept that rather than compare strings.
public struct RouteAttributes: Sendable, Equatable {
    /// The most pairs one request carries (region, persona, device, cohort).
    public static let capacity = 4

    /// Hashed names, valid in `0..<count`.
    @usableFromInline var names: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Hashed values, parallel to `names`.
    @usableFromInline var values: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// How many pairs are set.
    public private(set) var count = 0

    /// No attributes: rules never match, the weights decide.
    public static let none = RouteAttributes()

    /// An empty set.
    public init() {}

    /// Attributes from `(name, value)` strings, hashed with `key(_:)`.
    /// - Precondition: at most `capacity` pairs with distinct names.
    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs {
            let inserted = insert(name: RouteAttributes.key(name), value: RouteAttributes.key(value))
            precondition(inserted, "RouteAttributes holds at most \(RouteAttributes.capacity) distinct names")
        }
    }

    /// The interned form of an attribute name or value: FNV-1a of its UTF-8 bytes.
    @inlinable public static func key(_ text: String) -> UInt64 {
        StableHash.fnv1a(text)
    }

    /// Sets attribute `name` to `value` (replacing an earlier value of the
    /// same name). Returns `false`, changing nothing, when the set is full.
    @discardableResult
    public mutating func insert(name: UInt64, value: UInt64) -> Bool {
        var slot = 0
        while slot < count && self.name(at: slot) != name { slot += 1 }
        if slot == count {
            guard count < RouteAttributes.capacity else { return false }
            count += 1
        }
        switch slot {
        case 0: names.0 = name; values.0 = value
        case 1: names.1 = name; values.1 = value
        case 2: names.2 = name; values.2 = value
        default: names.3 = name; values.3 = value
        }
        return true
    }

    /// The hashed value of attribute `name`, or `nil` when the request lacks it.
    @inlinable public func value(of name: UInt64) -> UInt64? {
        if count > 0 && names.0 == name { return values.0 }
        if count > 1 && names.1 == name { return values.1 }
        if count > 2 && names.2 == name { return values.2 }
        if count > 3 && names.3 == name { return values.3 }
        return nil
    }

    /// The hashed name in `slot` (`0..<count`).
    @usableFromInline func name(at slot: Int) -> UInt64 {
        switch slot {
        case 0: names.0
        case 1: names.1
        case 2: names.2
        default: names.3
        }
    }

    /// Equal when the same names carry the same values, in any order.
    public static func == (a: RouteAttributes, b: RouteAttributes) -> Bool {
        guard a.count == b.count else { return false }
        for slot in 0..<a.count where b.value(of: a.name(at: slot)) != a.value(of: a.name(at: slot)) { return false }
        return true
    }
}
