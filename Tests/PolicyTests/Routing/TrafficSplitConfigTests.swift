import Foundation
import Testing
@testable import Policy

/// Validation field paths, JSON shape and the preset of `TrafficSplitConfig`.
@Suite struct TrafficSplitConfigTests {
    let valid = RoutingFixtures.split([90, 10], rules: [RouteRule(attribute: "cohort", values: ["beta"], target: "v2")],
                                      shadows: [ShadowTarget(name: "mirror", percent: 5)])

    @Test func validConfigurationsPass() {
        #expect(validationField(valid) == nil)
        #expect(validationField(TrafficSplitConfig()) == nil)
        // Within the 1e-9 tolerance: 33.3 + 33.3 + 33.4 is 99.99999999999999 in binary.
        #expect(validationField(RoutingFixtures.split([33.3, 33.3, 33.4])) == nil)
        #expect(validationField(RoutingFixtures.split([50 + 4e-10, 50])) == nil)
    }

    @Test func invalidFieldsAreNamedByPath() {
        let table: [(String, (inout TrafficSplitConfig) -> Void)] = [
            ("targets", { $0.targets = [] }),
            ("targets", { $0.targets = (0..<65).map { SplitTarget(name: "t\($0)", weightPercent: $0 == 0 ? 100 : 0) } }),
            ("targets", { $0.targets[0].weightPercent = 80 }),  // sums to 90
            ("targets", { $0.targets[0].weightPercent = 90 + 1e-8 }),  // beyond the tolerance
            ("targets[0].name", { $0.targets[0].name = "" }),
            ("targets[1].name", { $0.targets[1].name = "v1" }),
            ("targets[0].weightPercent", { $0.targets[0].weightPercent = 110 }),
            ("targets[1].weightPercent", { $0.targets[1].weightPercent = -10 }),
            ("targets[1].weightPercent", { $0.targets[1].weightPercent = .nan }),
            ("rules[0].attribute", { $0.rules[0].attribute = "" }),
            ("rules[0].values", { $0.rules[0].values = [] }),
            ("rules[0].target", { $0.rules[0].target = "v9" }),
            ("rules[1].target", { $0.rules.append(RouteRule(attribute: "a", values: ["b"], target: "nope")) }),
            ("shadows[0].name", { $0.shadows[0].name = "" }),
            ("shadows[0].percent", { $0.shadows[0].percent = 150 }),
            ("shadows[1].name", { $0.shadows.append(ShadowTarget(name: "mirror", percent: 1)) }),
            ("shadows", { $0.shadows = (0..<65).map { ShadowTarget(name: "s\($0)", percent: 1) } }),
        ]
        for (field, change) in table {
            #expect(validationField(valid, change) == field)
        }
    }

    @Test func splitterInitRejectsInvalidConfigurations() {
        #expect(throws: PolicyConfigError(field: "targets", expected: "weightPercent values summing to 100", got: "90.0")) {
            try TrafficSplitter(config: RoutingFixtures.split([60, 30]))
        }
    }

    @Test func defaultsEncodeEveryFieldAndRoundTrip() throws {
        let object = try RoutingFixtures.encodedObject(valid)
        #expect(Set(object.keys) == ["targets", "mode", "salt", "rules", "shadows"])
        let sticky = try JSONDecoder().decode(TrafficSplitConfig.Mode.self, from: Data("\"sticky\"".utf8))
        #expect(sticky == .sticky)
    }

    @Test func presetsArePinned() {
        #expect(TrafficSplitConfig() == TrafficSplitConfig(targets: [SplitTarget(name: "v1", weightPercent: 100)], mode: .random,
                                                           salt: "", rules: [], shadows: []))
        #expect(TrafficSplitConfig.preset(.envoy) == TrafficSplitConfig())
        for preset in PolicyPreset.allCases where preset != .envoy {
            #expect(TrafficSplitConfig.preset(preset) == nil, "\(preset)")
        }
    }
}
