import Testing
@testable import Policy

/// Table tests of single routing decisions: buckets, ranges, rules, shadows.
@Suite struct TrafficSplitterTests {
    @Test func basisPointsUseLargestRemainderAndAlwaysSumToTenThousand() {
        let table: [([Double], [Int])] = [
            ([90, 10], [9000, 1000]),
            ([33.333, 33.333, 33.334], [3333, 3333, 3334]),
            // Thirds: 3333.33 each, one point missing, equal remainders: the first target gets it.
            ([100.0 / 3, 100.0 / 3, 100.0 / 3], [3334, 3333, 3333]),
            // 9999.5 and 0.5 tie (after quantising the float noise): the earlier target wins.
            ([99.995, 0.005], [10000, 0]),
            ([0.005, 99.995], [1, 9999]),
            // 0.29 * 100 = 28.999999999999996 in binary: still exactly 29 points.
            ([0.29, 99.71], [29, 9971]),
            ([12.345, 12.345, 75.31], [1235, 1234, 7531]),
            ([0, 100], [0, 10000]),
            ([100], [10000]),
        ]
        for (percents, expected) in table {
            #expect(TrafficSplitConfig.basisPoints(percents) == expected, "\(percents)")
        }
    }

    @Test func basisPointsStayWithinOnePointOfTheExactShare() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            let raw = (0..<Int(1 + rng.nextBelow(8))).map { _ in rng.nextUnit() }
            let total = raw.reduce(0, +)
            guard total > 0 else { continue }
            let percents = raw.map { 100 * $0 / total }
            let points = TrafficSplitConfig.basisPoints(percents)
            #expect(points.reduce(0, +) == 10_000)
            for index in points.indices { #expect(abs(Double(points[index]) - percents[index] * 100) < 1) }
        }
    }

    @Test func bucketRangesFollowTargetOrder() throws {
        let split = try RoutingFixtures.splitter([50, 30, 20])
        let table: [(Int, Int)] = [(0, 0), (4999, 0), (5000, 1), (7999, 1), (8000, 2), (9999, 2)]
        for (bucket, target) in table { #expect(split.target(forBucket: bucket) == target, "bucket \(bucket)") }
        // A zero-weight target owns no bucket.
        let skipping = try RoutingFixtures.splitter([0, 60, 0, 40])
        #expect([0, 5999, 6000, 9999].map(skipping.target(forBucket:)) == [1, 1, 3, 3])
    }

    @Test func stickyBucketsArePinnedForFixedKeys() throws {
        // Pinned: changing the hash would move every production user to another version.
        let unsalted = try RoutingFixtures.splitter([50, 50], mode: .sticky)
        let salted = try RoutingFixtures.splitter([50, 50], mode: .sticky, salt: "rollout-7")
        let keys: [UInt64] = [0, 1, 2, 42, 1_000_000]
        #expect(keys.map(unsalted.bucket(ofStickyKey:)) == [8883, 7125, 2963, 5204, 7099])
        #expect(keys.map(salted.bucket(ofStickyKey:)) == [321, 6975, 3415, 9377, 4362])
    }

    @Test func stickyKeysMapToTheTargetOwningTheirBucket() throws {
        var split = try RoutingFixtures.splitter([50, 30, 20], mode: .sticky)
        var rng = SplitMix64(seed: 1)
        // Buckets 8883, 7125, 2963, 5204 (pinned above) fall in v3, v2, v1, v2.
        let table: [(UInt64, Int)] = [(0, 2), (1, 1), (2, 0), (42, 1)]
        for (key, target) in table {
            let decision = split.route(stickyKey: key, attributes: .none, using: &rng)
            #expect(decision == RouteDecision(targetIndex: target, cause: .sticky(bucket: split.bucket(ofStickyKey: key))))
        }
        // Sticky routing draws nothing from the generator.
        #expect(rng.state == SplitMix64(seed: 1).state)
    }

    @Test func randomModeDrawsOneBucketPerRequest() throws {
        var split = try RoutingFixtures.splitter([50, 30, 20])
        var rng = SplitMix64(seed: 9)
        var replay = SplitMix64(seed: 9)
        for _ in 0..<100 {
            let bucket = Int(replay.nextBelow(10_000))
            let decision = split.route(stickyKey: 7, attributes: .none, using: &rng)
            #expect(decision == RouteDecision(targetIndex: split.target(forBucket: bucket), cause: .random(bucket: bucket)))
        }
    }

    @Test func stickyRequestWithoutKeyFallsBackToRandom() throws {
        var split = try RoutingFixtures.splitter([50, 50], mode: .sticky)
        var rng = SplitMix64(seed: 3)
        var replay = SplitMix64(seed: 3)
        let bucket = Int(replay.nextBelow(10_000))
        let decision = split.route(stickyKey: nil, attributes: .none, using: &rng)
        #expect(decision == RouteDecision(targetIndex: bucket < 5000 ? 0 : 1, cause: .stickyWithoutKey(bucket: bucket)))
    }

    @Test func firstMatchingRuleWinsOverLaterRulesAndWeights() throws {
        let rules = [
            RouteRule(attribute: "cohort", values: ["beta", "staff"], target: "v2"),
            RouteRule(attribute: "region", values: ["eu-west"], target: "v3"),
            RouteRule(attribute: "cohort", values: ["staff"], target: "v3"),
        ]
        // v2 and v3 have no weight: only rules reach them.
        var split = try RoutingFixtures.splitter([100, 0, 0], mode: .sticky, rules: rules)
        var rng = SplitMix64(seed: 5)
        let table: [([(String, String)], Int, Int?)] = [
            ([("cohort", "beta")], 1, 0),
            ([("cohort", "staff")], 1, 0),  // rule 0 shadows rule 2
            ([("region", "eu-west")], 2, 1),
            ([("region", "eu-west"), ("cohort", "beta")], 1, 0),  // rule order decides, not attribute order
            ([("cohort", "public")], 0, nil),
            ([("device", "beta")], 0, nil),  // the value under another name does not match
            ([], 0, nil),
        ]
        for (pairs, target, rule) in table {
            let decision = split.route(stickyKey: 1, attributes: RouteAttributes(pairs), using: &rng)
            #expect(decision.targetIndex == target, "\(pairs)")
            #expect(decision.ruleIndex == rule, "\(pairs)")
        }
    }

    @Test func attributesHoldFourPairsAndReplaceByName() {
        var attributes = RouteAttributes()
        for index in 0..<4 {
            let inserted = attributes.insert(name: UInt64(index), value: 10 + UInt64(index))
            #expect(inserted)
        }
        let overflow = attributes.insert(name: 99, value: 1)
        #expect(!overflow)
        let replaced = attributes.insert(name: 2, value: 77)
        #expect(replaced)
        #expect(attributes.count == 4)
        #expect(attributes.value(of: 2) == 77)
        #expect(attributes.value(of: 99) == nil)
        #expect(RouteAttributes([("a", "1"), ("b", "2")]) == RouteAttributes([("b", "2"), ("a", "1")]))
        #expect(RouteAttributes.key("cohort") == StableHash.fnv1a("cohort"))
    }

    @Test func shadowsAtZeroAndHundredPercentNeverDraw() throws {
        let shadows = [ShadowTarget(name: "never", percent: 0), ShadowTarget(name: "always", percent: 100)]
        var split = try RoutingFixtures.splitter([100], mode: .sticky, shadows: shadows)
        var rng = SplitMix64(seed: 8)
        for key: UInt64 in 0..<50 {
            let decision = split.route(stickyKey: key, attributes: .none, using: &rng)
            #expect(decision.shadowMask == 0b10)
            #expect(!decision.mirrors(shadow: 0) && decision.mirrors(shadow: 1) && !decision.mirrors(shadow: 64))
        }
        #expect(rng.state == SplitMix64(seed: 8).state)
    }

    @Test func eachShadowDrawsIndependentlyInDeclarationOrder() throws {
        let shadows = [ShadowTarget(name: "a", percent: 25), ShadowTarget(name: "b", percent: 60)]
        var split = try RoutingFixtures.splitter([100], mode: .sticky, shadows: shadows)
        var rng = SplitMix64(seed: 21)
        var replay = SplitMix64(seed: 21)
        for key: UInt64 in 0..<200 {
            let expectedMask: UInt64 = (replay.nextUnit() < 0.25 ? 1 : 0) | (replay.nextUnit() < 0.6 ? 2 : 0)
            #expect(split.route(stickyKey: key, attributes: .none, using: &rng).shadowMask == expectedMask)
        }
    }

    @Test func rulesDoNotStopShadowing() throws {
        let rules = [RouteRule(attribute: "cohort", values: ["beta"], target: "v2")]
        var split = try RoutingFixtures.splitter([100, 0], rules: rules, shadows: [ShadowTarget(name: "v2", percent: 100)])
        var rng = SplitMix64(seed: 2)
        let decision = split.route(stickyKey: nil, attributes: RouteAttributes([("cohort", "beta")]), using: &rng)
        #expect(decision == RouteDecision(targetIndex: 1, cause: .rule(index: 0), shadowMask: 1))
    }
}
