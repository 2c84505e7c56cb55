import Testing
@testable import Policy

@Suite struct TrafficSplitterTests {
    func splitter(_ weights: [Double], mode: TrafficSplitConfig.Mode = .random, rules: [RouteRule] = [], shadows: [ShadowTarget] = []) throws -> TrafficSplitter {
        let targets = weights.enumerated().map { SplitTarget(name: "v\($0.offset + 1)", weightPercent: $0.element) }
        return try TrafficSplitter(config: TrafficSplitConfig(targets: targets, mode: mode, rules: rules, shadows: shadows))
    }

    @Test func basisPointsAlwaysSumToTenThousandByLargestRemainder() {
        #expect(TrafficSplitConfig.basisPoints([33.333, 33.333, 33.334]) == [3333, 3333, 3334])
        #expect(TrafficSplitConfig.basisPoints([100.0 / 3, 100.0 / 3, 100.0 / 3]) == [3334, 3333, 3333])
        // A tie (0.5 and 0.5) goes to the earlier target.
        #expect(TrafficSplitConfig.basisPoints([99.995, 0.005]) == [10000, 0])
        #expect(TrafficSplitConfig.basisPoints([0.005, 99.995]) == [1, 9999])
        var rng = SplitMix64(seed: 4)
        for _ in 0..<2_000 {
            let raw = (0..<Int(1 + rng.nextBelow(8))).map { _ in rng.nextUnit() + 0.001 }
            let total = raw.reduce(0, +)
            #expect(TrafficSplitConfig.basisPoints(raw.map { 100 * $0 / total }).reduce(0, +) == 10_000)
        }
    }

    @Test func observedSharesConvergeToWeights() throws {
        var split = try splitter([90, 10])
        var rng = SplitMix64(seed: 1)
        let n = 100_000
        var canary = 0
        for _ in 0..<n where split.route(stickyKey: nil, attributes: .none, using: &rng).targetIndex == 1 { canary += 1 }
        // Binomial(n, 0.1): sd = sqrt(n * 0.1 * 0.9) = 94.9; allow 4.5 sd.
        #expect(abs(canary - 10_000) < 427)
    }

    @Test func stickyKeysNeverMoveWhileWeightsAreUnchanged() throws {
        var split = try splitter([50, 30, 20], mode: .sticky)
        var rng = SplitMix64(seed: 2)
        for key in 0..<5_000 as Range<UInt64> {
            let first = split.route(stickyKey: key, attributes: .none, using: &rng).targetIndex
            for _ in 0..<3 { #expect(split.route(stickyKey: key, attributes: .none, using: &rng).targetIndex == first) }
        }
    }

    @Test func keysOnAGrowingCanaryNeverLeaveIt() throws {
        // The canary is listed last: its range [10000 - w, 10000) only widens as w grows.
        var split = try splitter([95, 5], mode: .sticky)
        var rng = SplitMix64(seed: 3)
        var onCanary = Set<UInt64>()
        for key in 0..<20_000 as Range<UInt64> where split.route(stickyKey: key, attributes: .none, using: &rng).targetIndex == 1 {
            onCanary.insert(key)
        }
        for weight in [10.0, 25, 50, 100] {
            _ = try split.setWeights([100 - weight, weight])
            for key in onCanary.sorted() { #expect(split.route(stickyKey: key, attributes: .none, using: &rng).targetIndex == 1) }
        }
    }

    @Test func rulesWinOverWeights() throws {
        var split = try splitter([100, 0], rules: [RouteRule(attribute: "cohort", values: ["beta", "staff"], target: "v2")])
        var rng = SplitMix64(seed: 5)
        let beta = RouteAttributes([("cohort", "beta")])
        let other = RouteAttributes([("cohort", "public")])
        #expect(split.route(stickyKey: 1, attributes: beta, using: &rng) == RouteDecision(targetIndex: 1, shadowMask: 0, rule: 0))
        #expect(split.route(stickyKey: 1, attributes: other, using: &rng).targetIndex == 0)
    }

    @Test func shadowsGetTheirShareOfMirroredCopies() throws {
        var split = try splitter([100], shadows: [ShadowTarget(name: "v1-shadow", percent: 25)])
        var rng = SplitMix64(seed: 6)
        var mirrored = 0
        for _ in 0..<40_000 where split.route(stickyKey: nil, attributes: .none, using: &rng).shadowMask == 1 { mirrored += 1 }
        // Binomial(40000, 0.25): sd = 86.6; allow 4.5 sd.
        #expect(abs(mirrored - 10_000) < 390)
    }

    @Test func validationNamesTheField() {
        func field(_ config: TrafficSplitConfig) -> String? {
            do { try config.validate(); return nil } catch { return error.field }
        }
        #expect(field(TrafficSplitConfig(targets: [SplitTarget(name: "a", weightPercent: 60), SplitTarget(name: "b", weightPercent: 30)])) == "targets")
        #expect(field(TrafficSplitConfig(targets: [SplitTarget(name: "a", weightPercent: 50), SplitTarget(name: "a", weightPercent: 50)])) == "targets[1].name")
        #expect(field(TrafficSplitConfig(rules: [RouteRule(attribute: "x", values: ["y"], target: "nope")])) == "rules[0].target")
        #expect(field(TrafficSplitConfig(shadows: [ShadowTarget(name: "s", percent: 150)])) == "shadows[0].percent")
    }
}
