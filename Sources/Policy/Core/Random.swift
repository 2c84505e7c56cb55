/// Deterministic draws on top of any `RandomNumberGenerator`.
///
/// Policies take randomness as an injected generator (`inout some
/// RandomNumberGenerator`): the simulator passes a seeded stream, production may
/// pass `SystemRandomNumberGenerator`. These helpers fix exactly how 64 random
/// bits become a number, independent of the standard library's own
/// `random(in:using:)` (whose algorithm is not part of its contract), so a
/// seed reproduces the same decisions with any toolchain.
extension RandomNumberGenerator {
    /// A uniform double in [0, 1) from the top 53 bits of one draw.
    @inlinable public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in [0, bound) by Lemire's multiply-and-reject method
    /// (unbiased). `bound` must be > 0.
    ///
    /// Always inlined: one multiply and a rarely taken branch, smaller than a
    /// call; a power-of-two-choices pick makes two draws.
    @inlinable @inline(__always) public mutating func nextBelow(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "nextBelow bound must be > 0")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// `true` with probability `p` (p <= 0 never, p >= 1 always).
    @inlinable public mutating func chance(_ p: Double) -> Bool {
        nextUnit() < p
    }

    /// A uniform duration in [low, high]; `low` when the range is empty.
    @inlinable public mutating func nextDuration(from low: Nanoseconds, to high: Nanoseconds) -> Nanoseconds {
        guard high.ns > low.ns else { return low }
        let span = UInt64(high.ns - low.ns)
        if span == UInt64.max { return Nanoseconds(ns: low.ns &+ Int64(bitPattern: next())) }
        return Nanoseconds(ns: low.ns + Int64(nextBelow(span + 1)))
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, fixed-algorithm generator.
///
/// Used to seed larger generators and wherever a policy needs its own seeded
/// randomness (tests, a production service that wants reproducible jitter).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    @inlinable public init(seed: UInt64) { state = seed }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a strong 64-bit bit mixer.
    @inlinable public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
