/// FNV-1a, 64-bit: a fixed, documented hash for anything that must hash the
/// same in every process (stream names, sticky routing keys).
///
/// Swift's `Hasher` is seeded per process, so it must never reach a decision
/// or a report; this is what we use instead.
public enum StableHash {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a over the UTF-8 bytes of `text`.
    @inlinable public static func fnv1a(_ text: String, basis: UInt64 = offsetBasis) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// FNV-1a over the eight little-endian bytes of `value`.
    @inlinable public static func fnv1a(_ value: UInt64, basis: UInt64 = offsetBasis) -> UInt64 {
        var hash = basis
        var remaining = value
        for _ in 0..<8 {
            hash ^= remaining & 0xFF
            hash &*= prime
            remaining >>= 8
        }
        return hash
    }
}
