/// xoshiro256** (Blackman and Vigna, 2018): the simulator's generator.
///
/// Fast, 256 bits of state, passes BigCrush; the algorithm is fixed, so a
/// seed means the same draws on every machine and toolchain. Seeded from
/// SplitMix64 as its authors recommend (never from an all-zero state).
///
/// It lives in Policy, not in the simulator, so that Policy's generic entry
/// points can be pre-specialized for it (`@_specialize(exported: true, where
/// G == Xoshiro256StarStar)`): the simulator's draws then run inlined instead
/// of through a protocol witness table on every call.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Expands `seed` into the 256-bit state with SplitMix64.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// Always inlined: a dozen register operations, cheaper than the call
    /// (the optimizer's size heuristic otherwise keeps it out of line).
    @inlinable @inline(__always) public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// `k` in 1...63 (masking shifts: no over-shift branches).
    @inlinable @inline(__always) func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x &<< k) | (x &>> (64 &- k))
    }
}
