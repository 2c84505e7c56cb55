import Foundation
import Testing
@testable import Policy

/// Shared helpers of the routing and control tests (namespaced so they can
/// never collide with other families' helpers in the same test target).
enum RoutingFixtures {
    /// A split over targets `v1, v2, ...` with the given weights.
    static func split(_ weights: [Double], mode: TrafficSplitConfig.Mode = .random, salt: String = "",
                      rules: [RouteRule] = [], shadows: [ShadowTarget] = []) -> TrafficSplitConfig {
        let targets = weights.enumerated().map { SplitTarget(name: "v\($0.offset + 1)", weightPercent: $0.element) }
        return TrafficSplitConfig(targets: targets, mode: mode, salt: salt, rules: rules, shadows: shadows)
    }

    /// A splitter over targets `v1, v2, ...`; the configuration must be valid.
    static func splitter(_ weights: [Double], mode: TrafficSplitConfig.Mode = .random, salt: String = "",
                         rules: [RouteRule] = [], shadows: [ShadowTarget] = []) throws -> TrafficSplitter {
        try TrafficSplitter(config: split(weights, mode: mode, salt: salt, rules: rules, shadows: shadows))
    }

    /// Random basis points over `count` targets summing to 10,000 (some may be 0).
    static func randomBasisPoints(count: Int, using rng: inout SplitMix64) -> [Int] {
        // Cut [0, 10000] at count - 1 sorted random points.
        var cuts = (0..<(count - 1)).map { _ in Int(rng.nextBelow(10_001)) }
        cuts.sort()
        var points: [Int] = []
        var previous = 0
        for cut in cuts + [10_000] {
            points.append(cut - previous)
            previous = cut
        }
        return points
    }

    /// `config` encoded to JSON and read back as a dictionary, after checking
    /// that it decodes to an equal value (synthesized Codable, no loss).
    static func encodedObject<Config: ValidatedConfig>(_ config: Config) throws -> [String: Any] {
        let data = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(Config.self, from: data) == config)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
