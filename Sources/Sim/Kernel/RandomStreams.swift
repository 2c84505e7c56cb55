/// Independent named random streams derived from one root seed.
///
/// Each component draws from its own stream, derived from (root seed, stable
/// component name) with FNV-1a and SplitMix64. A stream depends only on its own
/// name and the seed, so adding a service, a client or a fault never changes
/// the draws of any other component: comparisons between two policies see the
/// same arrivals and service times (common random numbers).
public struct RandomStreams: Sendable {
    public let rootSeed: UInt64

    public init(rootSeed: UInt64) {
        self.rootSeed = rootSeed
    }

    /// The seed of the stream called `name`.
    public func seed(for name: String) -> UInt64 {
        SplitMix64.mix(SplitMix64.mix(rootSeed) ^ StableHash.fnv1a(name))
    }

    /// A fresh generator for the stream called `name` (the same one every call).
    public func stream(_ name: String) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed(for: name))
    }
}
