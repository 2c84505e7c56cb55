import Testing
@testable import Policy

/// Invariants of the splitter over thousands of seeded random configurations.
@Suite struct TrafficSplitterPropertyTests {
    /// A two-sided deviation bound for a Binomial(n, p) count that a correct
    /// splitter exceeds with probability below 1e-6 per comparison.
    ///
    /// Each routed request lands on target i independently with probability
    /// p = basisPoints[i] / 10,000: exactly so in random mode (`nextBelow` is
    /// unbiased), and for distinct sticky keys as long as the mixed hash acts
    /// as a random function. The count X ~ Binomial(n, p) is a sum of
    /// independent [0, 1] variables with variance s2 = n p (1 - p), so
    /// Bernstein's inequality gives P(|X - n p| >= t) <= 2 exp(-t^2 / (2 (s2 + t / 3))).
    /// Setting the right side to delta and solving for t:
    /// t = L / 3 + sqrt(L^2 / 9 + 2 s2 L), with L = ln(2 / delta).
    /// Unlike the normal approximation this holds for tiny shares (a 0.01 % canary) too.
    static func deviationBound(n: Int, p: Double, delta: Double = 1e-6) -> Double {
        let logTerm = DeterministicMath.log(2 / delta)
        let variance = Double(n) * p * (1 - p)
        return logTerm / 3 + (logTerm * logTerm / 9 + 2 * variance * logTerm).squareRoot()
    }

    /// A random valid split: 1-6 targets with random basis points.
    static func randomSplit(_ rng: inout SplitMix64, mode: TrafficSplitConfig.Mode) throws -> TrafficSplitter {
        let points = RoutingFixtures.randomBasisPoints(count: Int(1 + rng.nextBelow(6)), using: &rng)
        var split = try RoutingFixtures.splitter(points.map { Double($0) / 100 }, mode: mode, salt: "s\(rng.nextBelow(4))")
        _ = try split.setWeights(basisPoints: points)
        return split
    }

    @Test(arguments: [TrafficSplitConfig.Mode.random, .sticky])
    func observedSharesStayWithinTheBinomialBound(mode: TrafficSplitConfig.Mode) throws {
        var violations: [String] = []
        let requests = 1_000
        for seed: UInt64 in 0..<1_000 {
            var rng = SplitMix64(seed: seed)
            var split = try Self.randomSplit(&rng, mode: mode)
            var counts = [Int](repeating: 0, count: split.targetCount)
            for _ in 0..<requests {
                // Sticky: a fresh random user per request (distinct keys w.h.p.).
                counts[split.route(stickyKey: rng.next(), attributes: .none, using: &rng).targetIndex] += 1
            }
            for index in counts.indices {
                let p = Double(split.basisPoints[index]) / 10_000
                let deviation = abs(Double(counts[index]) - Double(requests) * p)
                if deviation > Self.deviationBound(n: requests, p: p) {
                    violations.append("seed \(seed) target \(index): \(counts[index]) for p = \(p)")
                }
            }
        }
        #expect(violations == [])
    }

    @Test func largeSampleConvergesToTheConfiguredShares() throws {
        // Sequential user ids (the worst case for a weak hash) in sticky mode.
        var sticky = try RoutingFixtures.splitter([90, 9, 1], mode: .sticky)
        var random = try RoutingFixtures.splitter([90, 9, 1])
        var rng = SplitMix64(seed: 77)
        let n = 200_000
        var counts = ([0, 0, 0], [0, 0, 0])
        for key in 0..<UInt64(n) {
            counts.0[sticky.route(stickyKey: key, attributes: .none, using: &rng).targetIndex] += 1
            counts.1[random.route(stickyKey: nil, attributes: .none, using: &rng).targetIndex] += 1
        }
        for (index, p) in [0.9, 0.09, 0.01].enumerated() {
            // Bound for p = 0.01: about 4.4 standard deviations = 196 requests of 2,000.
            let bound = Self.deviationBound(n: n, p: p)
            #expect(abs(Double(counts.0[index]) - Double(n) * p) <= bound, "sticky \(index)")
            #expect(abs(Double(counts.1[index]) - Double(n) * p) <= bound, "random \(index)")
        }
    }

    @Test func stickyKeysNeverMoveWhileWeightsAreUnchanged() throws {
        var moved: [String] = []
        for seed: UInt64 in 0..<1_000 {
            var rng = SplitMix64(seed: seed)
            var split = try Self.randomSplit(&rng, mode: .sticky)
            var twin = split  // a second instance: stickiness must not depend on state
            let keys = (0..<50).map { _ in rng.next() }
            let first = keys.map { split.route(stickyKey: $0, attributes: .none, using: &rng).targetIndex }
            // Unrelated traffic in between, and a no-op weight change.
            for _ in 0..<20 { _ = split.route(stickyKey: nil, attributes: .none, using: &rng) }
            _ = try split.setWeights(basisPoints: split.basisPoints)
            for (key, target) in zip(keys, first) {
                let again = split.route(stickyKey: key, attributes: .none, using: &rng).targetIndex
                let elsewhere = twin.route(stickyKey: key, attributes: .none, using: &rng).targetIndex
                if again != target || elsewhere != target { moved.append("seed \(seed) key \(key)") }
            }
        }
        #expect(moved == [])
    }

    /// Grows target `canary` by up to `growth` basis points taken from the
    /// others, none of which grows.
    static func grow(_ points: [Int], canary: Int, using rng: inout SplitMix64) -> [Int] {
        var next = points
        for donor in points.indices where donor != canary && next[donor] > 0 {
            let taken = Int(rng.nextBelow(UInt64(next[donor]) + 1))
            next[donor] -= taken
            next[canary] += taken
        }
        return next
    }

    @Test func keysOnAGrowingCanaryNeverLeaveIt() throws {
        var left: [String] = []
        for seed: UInt64 in 0..<1_000 {
            var rng = SplitMix64(seed: seed)
            var split = try Self.randomSplit(&rng, mode: .sticky)
            let canary = Int(rng.nextBelow(UInt64(split.targetCount)))
            let keys = (0..<100).map { _ in rng.next() }
            var onCanary = keys.filter { split.route(stickyKey: $0, attributes: .none, using: &rng).targetIndex == canary }
            // Several ramp steps in a row; keys that joined at one step must stay at the next.
            for _ in 0..<4 {
                _ = try split.setWeights(basisPoints: Self.grow(split.basisPoints, canary: canary, using: &rng))
                for key in onCanary where split.route(stickyKey: key, attributes: .none, using: &rng).targetIndex != canary {
                    left.append("seed \(seed) key \(key) weights \(split.basisPoints)")
                }
                onCanary = keys.filter { split.route(stickyKey: $0, attributes: .none, using: &rng).targetIndex == canary }
            }
        }
        #expect(left == [])
    }

    @Test func percentRampsKeepCanaryKeysAndNeverShrinkTheCanary() throws {
        // Percent weights go through largest-remainder rounding: a growing
        // canary with shrinking (or equal) others must never lose a basis point.
        var violations: [String] = []
        for seed: UInt64 in 0..<2_000 {
            var rng = SplitMix64(seed: seed)
            let count = Int(2 + rng.nextBelow(4))
            var percents = (0..<count).map { _ in rng.nextUnit() }
            let total = percents.reduce(0, +)
            percents = percents.map { 100 * $0 / total }
            var split = try RoutingFixtures.splitter(percents, mode: .sticky)
            let canary = Int(rng.nextBelow(UInt64(count)))
            let keys = (0..<50).map { _ in rng.next() }
            let onCanary = keys.filter { split.route(stickyKey: $0, attributes: .none, using: &rng).targetIndex == canary }
            let before = split.basisPoints
            // Take a random share of every other target's weight.
            var next = percents
            for donor in next.indices where donor != canary {
                let taken = next[donor] * rng.nextUnit()
                next[donor] -= taken
            }
            next[canary] = 0
            next[canary] = 100 - next.reduce(0, +)
            _ = try split.setWeights(next)
            if split.basisPoints[canary] < before[canary] { violations.append("seed \(seed): canary shrank \(before) -> \(split.basisPoints)") }
            for donor in next.indices where donor != canary && split.basisPoints[donor] > before[donor] {
                violations.append("seed \(seed): donor \(donor) grew \(before) -> \(split.basisPoints)")
            }
            for key in onCanary where split.route(stickyKey: key, attributes: .none, using: &rng).targetIndex != canary {
                violations.append("seed \(seed): key \(key) left")
            }
        }
        #expect(violations == [])
    }
}
