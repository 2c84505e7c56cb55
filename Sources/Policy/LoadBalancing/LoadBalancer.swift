/// Picks a host for each call. Sans-I/O: the caller describes its hosts through
/// two non-escaping closures (is host `i` eligible, how many calls are
/// outstanding to it) and passes the randomness in; nothing is allocated.
public struct LoadBalancer: Sendable {
    public let config: LoadBalancerConfig
    /// The host picked last (round robin and tie-breaking continue after it).
    public var cursor: Int { lastPicked }
    /// `cursor`'s storage, set by the inlinable two-choices pick.
    @usableFromInline var lastPicked = -1

    public init(config: LoadBalancerConfig) {
        self.config = config
    }

    /// The chosen host index in `0..<hostCount`, or `nil` when no host is eligible.
    /// O(hostCount) for round robin and least outstanding; O(hostCount) to count
    /// eligible hosts for the random kinds, O(1) for them when the caller knows
    /// `allEligible` (every host passes `isEligible`): the pick is the same
    /// either way, the hint only saves the scans.
    ///
    /// Always inlined (within Policy) into `ClientPipeline.pickHost`, so its
    /// random draws inline too: as one call the pair was kept out of line.
    @inline(__always)
    public mutating func pick(
        hostCount: Int,
        allEligible: Bool = false,
        isEligible: (Int) -> Bool,
        outstanding: (Int) -> Int,
        using rng: inout some RandomNumberGenerator
    ) -> Int? {
        guard hostCount > 0 else { return nil }
        let chosen: Int?
        switch config.kind {
        case .roundRobin:
            chosen = nextEligible(after: cursor, hostCount: hostCount, isEligible: isEligible)
        case .random where allEligible:
            chosen = Int(rng.nextBelow(UInt64(hostCount)))
        case .random:
            let eligible = countEligible(hostCount, isEligible)
            chosen = eligible == 0 ? nil : nthEligible(Int(rng.nextBelow(UInt64(eligible))), hostCount, isEligible)
        case .leastOutstanding:
            chosen = leastOutstanding(hostCount: hostCount, isEligible: isEligible, outstanding: outstanding)
        case .powerOfTwoChoices where allEligible && hostCount > 1:
            return pickTwoChoicesAmongAll(hostCount: hostCount, outstanding: outstanding, using: &rng)
        case .powerOfTwoChoices:
            let eligible = allEligible ? hostCount : countEligible(hostCount, isEligible)
            if eligible <= 1 {
                chosen = eligible == 0 ? nil : nthEligible(0, hostCount, isEligible)
            } else {
                let (first, second) = Self.twoDistinct(below: eligible, using: &rng)
                let a = nthEligible(first, hostCount, isEligible)!
                let b = nthEligible(second, hostCount, isEligible)!
                chosen = outstanding(b) < outstanding(a) ? b : a
            }
        }
        if let chosen { lastPicked = chosen }
        return chosen
    }

    /// Power of two choices when every one of `hostCount > 1` hosts is
    /// eligible: the draw picks hosts by index directly. The same two draws
    /// and comparison as the general case (whose n-th eligible host is then
    /// host n). Always inlined, and inlinable: `ClientPipeline.pickHost` and
    /// `pickTwoChoicesIfDirect` ask for it first, without the general pick's dispatch.
    @inlinable @inline(__always)
    mutating func pickTwoChoicesAmongAll(hostCount: Int, outstanding: (Int) -> Int,
                                         using rng: inout some RandomNumberGenerator) -> Int {
        let (first, second) = Self.twoDistinct(below: hostCount, using: &rng)
        let chosen = outstanding(second) < outstanding(first) ? second : first
        lastPicked = chosen
        return chosen
    }

    /// Two distinct indices below `count` (> 1), from two draws: the second
    /// skips the first. Both power-of-two-choices paths draw through it.
    @inlinable @inline(__always)
    static func twoDistinct(below count: Int, using rng: inout some RandomNumberGenerator) -> (first: Int, second: Int) {
        let first = Int(rng.nextBelow(UInt64(count)))
        var second = Int(rng.nextBelow(UInt64(count - 1)))
        if second >= first { second += 1 }
        return (first, second)
    }

    func nextEligible(after start: Int, hostCount: Int, isEligible: (Int) -> Bool) -> Int? {
        for step in 1...hostCount {
            let host = ((start + step) % hostCount + hostCount) % hostCount
            if isEligible(host) { return host }
        }
        return nil
    }

    func leastOutstanding(hostCount: Int, isEligible: (Int) -> Bool, outstanding: (Int) -> Int) -> Int? {
        var best: Int?
        var bestLoad = Int.max
        // Scan starting after the cursor so ties rotate instead of piling on host 0.
        for step in 1...hostCount {
            let host = ((cursor + step) % hostCount + hostCount) % hostCount
            guard isEligible(host) else { continue }
            let load = outstanding(host)
            if load < bestLoad {
                best = host
                bestLoad = load
            }
        }
        return best
    }

    func countEligible(_ hostCount: Int, _ isEligible: (Int) -> Bool) -> Int {
        var count = 0
        for host in 0..<hostCount where isEligible(host) { count += 1 }
        return count
    }

    func nthEligible(_ n: Int, _ hostCount: Int, _ isEligible: (Int) -> Bool) -> Int? {
        var seen = 0
        for host in 0..<hostCount where isEligible(host) {
            if seen == n { return host }
            seen += 1
        }
        return nil
    }
}
