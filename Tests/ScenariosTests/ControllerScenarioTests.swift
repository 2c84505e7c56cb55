import Policy
import Sim
import Testing
@testable import Scenarios

/// The `controllers` block of a scenario file: decoded strictly over each
/// type's defaults (presets included), and every mistake reported with its
/// JSON path and position, all at once.
@Suite struct ControllerScenarioTests {
    /// A two-version service and a client, then `rest` (controllers, faults).
    static func text(_ rest: String) -> String {
        """
        {
          duration: "2m",
          services: [{name: "api", versions: [{name: "a"}, {name: "b"}], split: {targets: [{name: "a", weightPercent: 50}, {name: "b", weightPercent: 50}]}}],
          clients: [{name: "web", target: "api"}],
          \(rest)
        }
        """
    }

    /// The problems loading `rest` reports, as `faultsim validate` prints them.
    static func problems(_ rest: String) -> [String] {
        do {
            _ = try ScenarioLoader.load(text: text(rest), file: "f.json5", defaultName: "f")
            return []
        } catch {
            return error.issues.map { $0.located(in: "f.json5") }
        }
    }

    @Test func aControllerDecodesOverItsDefaultsAndPresets() throws {
        let scenario = try ScenarioLoader.load(text: Self.text("""
            controllers: [
              {name: "hpa", kind: "autoscaler", target: "api", autoscaler: {policy: {preset: "kubernetes", targetValue: 70}}},
              {name: "slo", kind: "burnRateAlert", target: "client:web", telemetry: {lagMs: 2500}, alert: {policy: {preset: "google-sre"}}},
            ],
            """), file: "f.json5", defaultName: "f")
        #expect(scenario.controllers.count == 2)
        let hpa = scenario.controllers[0]
        #expect(hpa.autoscaler?.policy == AutoscalerConfig(targetValue: 70))
        #expect(hpa.autoscaler?.provisioningDelay == .seconds(30))
        #expect(hpa.telemetry == TelemetrySpec())
        #expect(hpa.applyLatency == .seconds(1) && hpa.priority == 0 && hpa.conflictWindow == .seconds(60))
        let slo = scenario.controllers[1]
        #expect(slo.telemetry.lag == .ms(2500))
        #expect(slo.alert?.policy == BurnRateAlertConfig.preset(.googleSRE))
        #expect(slo.targetClient == "web")
    }

    @Test func unknownFieldsAndKindsNameThePathAndSuggestTheWord() {
        #expect(Self.problems(#"controllers: [{name: "r", kind: "adaptiveRouting", target: "api", routing: {dampng: 0.5}}],"#) == [
            #"f.json5:5:79: controllers[0].routing.dampng: unknown field "dampng" (did you mean "damping"?)"#,
        ])
        #expect(Self.problems(#"controllers: [{name: "h", kind: "autoscaller", target: "api"}],"#) == [
            #"f.json5:5:35: controllers[0].kind: expected one of canary, autoscaler, adaptiveRouting, burnRateAlert, failover, got "autoscaller" (did you mean "autoscaler"?)"#,
        ])
    }

    @Test func onlyTheControllersOwnBlockIsAcceptedAndNamesAreUnique() {
        #expect(Self.problems(#"controllers: [{name: "h", kind: "autoscaler", target: "api", routing: {}}, {name: "h", kind: "adaptiveRouting", target: "api", routing: {damping: 1, interval: "0s"}}],"#) == [
            #"f.json5:5:73: controllers[0].routing: only a controller of kind "adaptiveRouting" takes a routing block (this one is "autoscaler")"#,
            #"f.json5:5:85: controllers[1].name: duplicate controller "h" (also controllers[0])"#,
            #"f.json5:5:149: controllers[1].routing.damping: expected a damping factor in 0...0.999, got 1"#,
            #"f.json5:5:162: controllers[1].routing.interval: expected a duration > 0, got 0s"#,
        ])
    }

    @Test func telemetryMustScrapeAtWindowClosesAndLoseAPercentage() {
        #expect(Self.problems(#"controllers: [{name: "r", kind: "adaptiveRouting", target: "api", telemetry: {scrapeInterval: "1500ms", window: "1s", lossPercent: 150}}],"#) == [
            #"f.json5:5:97: controllers[0].telemetry.scrapeInterval: scrapes happen at metrics-window closes: expected a multiple of the window (1s), got 1500ms"#,
            #"f.json5:5:115: controllers[0].telemetry.window: expected at least one scrape interval (1500ms), got 1s"#,
            #"f.json5:5:134: controllers[0].telemetry.lossPercent: expected a percentage in 0...100, got 150"#,
        ])
    }

    @Test func targetsVersionsAndPolicyFieldsAreChecked() {
        #expect(Self.problems(#"controllers: [{name: "h", kind: "autoscaler", target: "client:web"}],"#) == [
            #"f.json5:5:57: controllers[0].target: an autoscaler targets a service, got "client:web""#,
        ])
        // The Policy library's own validation, under the controller's path.
        #expect(Self.problems(#"controllers: [{name: "c", kind: "canary", target: "api", canary: {version: "v3", policy: {analysisInterval: "0s"}}}],"#) == [
            #"f.json5:5:78: controllers[0].canary.version: service "api" has no version "v3" (did you mean "a"?)"#,
            #"f.json5:5:111: controllers[0].canary.policy.analysisInterval: expected a duration > 0, got 0s"#,
        ])
        #expect(Self.problems(#"controllers: [{name: "f", kind: "failover", target: "client:web", failover: {secondary: "api", failAfter: 0}}],"#) == [
            #"f.json5:5:91: controllers[0].failover.secondary: "api" is the client's own target; name a service in another region"#,
            #"f.json5:5:109: controllers[0].failover.failAfter: expected evaluations in 1...10000, got 0"#,
        ])
    }

    @Test func controlFaultsTargetControllersAndATelemetryLagNeedsItsLag() {
        #expect(Self.problems("""
            controllers: [{name: "h", kind: "autoscaler", target: "api"}],
              faults: [{kind: "telemetryLag", target: "api", start: "10s"}, {kind: "controlPlaneOutage", target: "controller:hpa", start: "10s"}],
            """) == [
            #"f.json5:6:12: faults[0].addedLatency: a telemetryLag fault adds a constant lag > 0 (e.g. "30s")"#,
            #"f.json5:6:43: faults[0].target: a telemetryLag fault targets every controller ("controllers") or one (controller:name), got "api""#,
            #"f.json5:6:102: faults[1].target: unknown controller "hpa" (did you mean "h"?)"#,
        ])
    }

    @Test func expectationsMayNameControllersAndTheirFiguresTypes() {
        #expect(Self.problems("""
            controllers: [{name: "c", kind: "canary", target: "api", canary: {version: "b"}}],
              expect: {canaryRollbackTime: {max: 90, entity: "controller:c"}, canaryRolledBack: true, canaryExposure: {max: 10, entity: "controller:x"}},
            """) == [
            #"f.json5:6:32: expect.canaryRollbackTime: canaryRollbackTime is a duration: write a bound such as "2m", got 90"#,
            #"f.json5:6:107: expect.canaryExposure: no entity "controller:x" in this scenario (did you mean "controller:c"?)"#,
        ])
    }
}
