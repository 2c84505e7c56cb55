/// A running digest of every event a run handled: (time, sequence, code).
///
/// Two runs of the same scenario and seed must produce equal digests; the
/// determinism tests and `faultsim run --check-determinism` compare them. The
/// mix is SplitMix64's finaliser, fixed forever.
public struct TraceDigest: Sendable, Equatable, CustomStringConvertible {
    public private(set) var value: UInt64 = StableHash.offsetBasis
    public private(set) var events: UInt64 = 0

    public init() {}

    public mutating func fold(time: SimTime, sequence: UInt64, code: UInt64) {
        var mixed = SplitMix64.mix(value ^ UInt64(bitPattern: time.ns))
        mixed = SplitMix64.mix(mixed ^ sequence)
        value = SplitMix64.mix(mixed ^ code)
        events &+= 1
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + " over \(events) events"
    }
}
