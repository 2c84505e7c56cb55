import Foundation
import Testing
@testable import Policy

/// Preset numbers pinned, nonsense fields named with their paths, JSON
/// round-trips with every key present (the scenario layer overlays user keys
/// on the encoded defaults). Sources: Kubernetes docs "Horizontal Pod
/// Autoscaling" (default behavior) and HPAScalingRules limits; Google SRE
/// workbook "Alerting on SLOs" (recommended parameters); seed guides for the canary.
@Suite struct ControlConfigTests {
    @Test func kubernetesPresetIsTheHPADefaultBehavior() throws {
        let config = try #require(AutoscalerConfig.preset(.kubernetes))
        #expect(config == AutoscalerConfig())
        #expect(config.tolerance == 0.1)
        #expect(config.minReplicas == 1 && config.maxReplicas == 10 && config.targetValue == 80)
        #expect(config.evaluationInterval == .seconds(15))
        #expect(config.scaleUpStabilization == .zero && config.scaleDownStabilization == .seconds(300))
        #expect(config.scaleUpLimitPercent == 100 && config.scaleUpLimitPods == 4 && config.scaleUpPeriod == .seconds(15))
        #expect(config.scaleDownLimitPercent == 100 && config.scaleDownLimitPods == 0 && config.scaleDownPeriod == .seconds(15))
    }

    @Test func googleSREPresetIsTheWorkbooksThreeRules() throws {
        let config = try #require(BurnRateAlertConfig.preset(.googleSRE))
        #expect(config == BurnRateAlertConfig())
        #expect(config.sloPercent == 99.9)
        #expect(config.rules == [
            BurnRateRule(name: "page-fast", severity: .page, burnRate: 14.4, longWindow: .hours(1), shortWindow: .minutes(5)),
            BurnRateRule(name: "page-slow", severity: .page, burnRate: 6, longWindow: .hours(6), shortWindow: .minutes(30)),
            BurnRateRule(name: "ticket", severity: .ticket, burnRate: 1, longWindow: .hours(72), shortWindow: .hours(6)),
        ])
        // 14.4x for 1 h spends 2 % of a 30-day budget; 6x for 6 h, 5 %; 1x for 3 d, 10 %.
        let budgetShares = config.rules.map { $0.burnRate * $0.longWindow.seconds / Nanoseconds.hours(720).seconds }
        #expect(budgetShares.map { ($0 * 1_000).rounded() / 1_000 } == [0.02, 0.05, 0.1])
    }

    @Test func canaryDefaultsFollowTheSeedGuides() {
        let config = CanaryConfig()
        #expect(config.steps == [CanaryStep(weightPercent: 10, hold: .minutes(5)), CanaryStep(weightPercent: 25, hold: .minutes(5)),
                                 CanaryStep(weightPercent: 50, hold: .minutes(5))])
        #expect(config.analysisInterval == .minutes(1) && config.minimumSampleRequests == 100)
        #expect(config.maxErrorRateDeltaPercent == 1 && config.maxLatencyRatio == 1.2)
        #expect(config.failureHold == .minutes(5) && config.onInsufficientSample == .hold)
    }

    @Test(arguments: PolicyPreset.allCases)
    func presetsExistOnlyWhereTheLibraryHasThePolicy(preset: PolicyPreset) throws {
        #expect((AutoscalerConfig.preset(preset) != nil) == (preset == .kubernetes))
        #expect((BurnRateAlertConfig.preset(preset) != nil) == (preset == .googleSRE))
        #expect(CanaryConfig.preset(preset) == nil)
        try AutoscalerConfig.preset(preset)?.validate()
        try BurnRateAlertConfig.preset(preset)?.validate()
    }

    @Test func autoscalerNonsenseFieldsAreNamed() {
        func field(_ change: (inout AutoscalerConfig) -> Void) -> String? { validationField(AutoscalerConfig(), change) }
        #expect(field { _ in } == nil)
        #expect(field { $0.targetValue = 0 } == "targetValue")
        #expect(field { $0.targetValue = .nan } == "targetValue")
        #expect(field { $0.tolerance = -0.1 } == "tolerance")
        #expect(field { $0.minReplicas = 0 } == "minReplicas")
        #expect(field { $0.maxReplicas = 0 } == "maxReplicas")
        #expect(field { $0.minReplicas = 5; $0.maxReplicas = 4 } == "minReplicas")
        #expect(field { $0.evaluationInterval = .zero } == "evaluationInterval")
        #expect(field { $0.scaleUpStabilization = .seconds(-1) } == "scaleUpStabilization")
        #expect(field { $0.scaleDownStabilization = .seconds(3_601) } == "scaleDownStabilization")
        #expect(field { $0.scaleUpLimitPercent = -1 } == "scaleUpLimitPercent")
        #expect(field { $0.scaleUpLimitPods = -1 } == "scaleUpLimitPods")
        #expect(field { $0.scaleUpPeriod = .zero } == "scaleUpPeriod")
        #expect(field { $0.scaleDownLimitPercent = 101 } == "scaleDownLimitPercent")
        #expect(field { $0.scaleDownLimitPods = -2 } == "scaleDownLimitPods")
        #expect(field { $0.scaleDownPeriod = .minutes(31) } == "scaleDownPeriod")
        #expect(field { $0.evaluationInterval = .ms(100) } == nil)  // 300 s / 100 ms + 2 = 3002 entries
        #expect(field { $0.evaluationInterval = .ms(50) } == "evaluationInterval")  // 6002 > 4096
        #expect(field { $0.scaleDownStabilization = .hours(1); $0.minReplicas = 3; $0.maxReplicas = 3 } == nil)
    }

    @Test func canaryNonsenseFieldsAreNamed() {
        func field(_ change: (inout CanaryConfig) -> Void) -> String? { validationField(CanaryConfig(), change) }
        #expect(field { _ in } == nil)
        #expect(field { $0.steps = [] } == "steps")
        #expect(field { $0.steps[1].weightPercent = 10 } == "steps[1].weightPercent")  // not increasing
        #expect(field { $0.steps[2].weightPercent = 20 } == "steps[2].weightPercent")
        #expect(field { $0.steps[0].weightPercent = 0 } == "steps[0].weightPercent")
        #expect(field { $0.steps[2].weightPercent = 100.5 } == "steps[2].weightPercent")
        #expect(field { $0.steps[1].hold = .seconds(-1) } == "steps[1].hold")
        #expect(field { $0.analysisInterval = .zero } == "analysisInterval")
        #expect(field { $0.minimumSampleRequests = -1 } == "minimumSampleRequests")
        #expect(field { $0.maxErrorRateDeltaPercent = -0.5 } == "maxErrorRateDeltaPercent")
        #expect(field { $0.maxLatencyRatio = -1 } == "maxLatencyRatio")
        #expect(field { $0.failureHold = .seconds(-1) } == "failureHold")
        #expect(field { $0.steps = [CanaryStep(weightPercent: 100, hold: .zero)]; $0.minimumSampleRequests = 0 } == nil)
    }

    @Test func burnRateNonsenseFieldsAreNamed() {
        func field(_ change: (inout BurnRateAlertConfig) -> Void) -> String? { validationField(BurnRateAlertConfig(), change) }
        #expect(field { _ in } == nil)
        #expect(field { $0.sloPercent = 100 } == "sloPercent")
        #expect(field { $0.sloPercent = 0 } == "sloPercent")
        #expect(field { $0.sloPercent = .nan } == "sloPercent")
        #expect(field { $0.rules = [] } == "rules")
        #expect(field { $0.rules[1].name = "" } == "rules[1].name")
        #expect(field { $0.rules[2].name = "page-fast" } == "rules[2].name")
        #expect(field { $0.rules[0].burnRate = 0 } == "rules[0].burnRate")
        #expect(field { $0.rules[1].longWindow = .zero } == "rules[1].longWindow")
        #expect(field { $0.rules[2].shortWindow = .zero } == "rules[2].shortWindow")
        #expect(field { $0.rules[0].shortWindow = .hours(2) } == "rules[0].shortWindow")  // longer than the long window
        #expect(field { $0.rules[0].longWindow = .hours(24 * 60) } == "rules[0].longWindow")  // 30 s buckets: 172,801
        #expect(field { $0.rules[0].longWindow = .hours(24 * 30) } == nil)  // 86,401 buckets
    }

    @Test func errorsSayWhatWasExpected() {
        #expect(throws: PolicyConfigError(field: "sloPercent", expected: "a percentage in (0, 100)", got: "100.0")) {
            try BurnRateAlertConfig(sloPercent: 100).validate()
        }
        #expect(throws: PolicyConfigError(field: "minReplicas", expected: "at most maxReplicas (4)", got: "5")) {
            try AutoscalerConfig(minReplicas: 5, maxReplicas: 4).validate()
        }
        #expect(throws: PolicyConfigError(field: "steps[1].weightPercent", expected: "a weight above the previous step's (50.0)", got: "50.0")) {
            try CanaryConfig(steps: [CanaryStep(weightPercent: 50, hold: .zero), CanaryStep(weightPercent: 50, hold: .zero)]).validate()
        }
    }

    static func keys(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    @Test func configsRoundTripThroughJSONWithEveryKeyPresent() throws {
        let autoscaler = AutoscalerConfig()
        #expect(try JSONDecoder().decode(AutoscalerConfig.self, from: JSONEncoder().encode(autoscaler)) == autoscaler)
        let autoscalerObject = try Self.keys(autoscaler)
        #expect(Set(autoscalerObject.keys) == [
            "targetValue", "tolerance", "minReplicas", "maxReplicas", "evaluationInterval", "scaleUpStabilization",
            "scaleDownStabilization", "scaleUpLimitPercent", "scaleUpLimitPods", "scaleUpPeriod", "scaleDownLimitPercent",
            "scaleDownLimitPods", "scaleDownPeriod",
        ])
        #expect(autoscalerObject["scaleDownStabilization"] as? String == "5m")

        let canary = CanaryConfig()
        #expect(try JSONDecoder().decode(CanaryConfig.self, from: JSONEncoder().encode(canary)) == canary)
        let canaryObject = try Self.keys(canary)
        #expect(Set(canaryObject.keys) == [
            "steps", "analysisInterval", "minimumSampleRequests", "maxErrorRateDeltaPercent", "maxLatencyRatio",
            "failureHold", "onInsufficientSample",
        ])
        #expect(canaryObject["onInsufficientSample"] as? String == "hold")
        let step = try #require((canaryObject["steps"] as? [[String: Any]])?.first)
        #expect(step["weightPercent"] as? Double == 10 && step["hold"] as? String == "5m")

        let alert = BurnRateAlertConfig()
        #expect(try JSONDecoder().decode(BurnRateAlertConfig.self, from: JSONEncoder().encode(alert)) == alert)
        let alertObject = try Self.keys(alert)
        #expect(Set(alertObject.keys) == ["sloPercent", "rules"])
        let rule = try #require((alertObject["rules"] as? [[String: Any]])?.first)
        #expect(Set(rule.keys) == ["name", "severity", "burnRate", "longWindow", "shortWindow"])
        #expect(rule["severity"] as? String == "page" && rule["longWindow"] as? String == "1h" && rule["shortWindow"] as? String == "5m")
    }
}
