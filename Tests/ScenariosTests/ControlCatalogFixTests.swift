import Sim
import Testing
@testable import Scenarios

/// The control-loop scenarios' documented fixes (each `--set` appears
/// verbatim in the scenario's description) move the key figure the way the
/// description says. Numbers in comments are seed 1's.
@Suite struct ControlCatalogFixTests {
    /// The analysis of built-in `name` with `sets` applied, after checking the description documents each.
    static func run(_ name: String, _ sets: String...) throws -> RunAnalysis {
        let entry = try #require(Catalog.entry(named: name))
        let description = Catalog.description(of: entry)
        for set in sets { #expect(description.contains("--set \(set)"), "\(name): the description does not document --set \(set)") }
        let scenario = try #require(try Catalog.load(named: name, overrides: try sets.map { try Override(parsing: $0) }))
        return try ScenarioRun.run(scenario).analysis(version: "test")
    }

    static func number(_ analysis: RunAnalysis, _ name: FigureName, _ entity: String? = nil) -> Double {
        analysis.figure(name, entity: entity)?.value.number ?? .nan
    }

    @Test func dampingTheFlappingRouterStopsTheOscillation() throws {
        let flapping = try Self.run("adaptive-routing-flapping-lag")
        let damped = try Self.run("adaptive-routing-flapping-lag", "controllers.router.routing.damping=0.7",
                                  "controllers.router.routing.hysteresisPercent=10", "controllers.router.routing.cooldown=60s",
                                  "controllers.router.routing.minimumEvaluationWindow=10s")
        // 8.1 weight changes a minute -> 0.2; success 78% -> 97%.
        #expect(Self.number(flapping, .stateFlipsPerMinute, "service:api") >= 5 * Self.number(damped, .stateFlipsPerMinute, "service:api"))
        #expect(damped.isOscillating == false && flapping.isOscillating)
        #expect(damped.run.successRatio > 0.95)
    }

    @Test func aStabilizationWindowStopsTheThrash() throws {
        let fixed = try Self.run("autoscaler-thrash", "controllers.hpa.autoscaler.policy.scaleDownStabilization=5m")
        // 117 scale events an hour -> 6.
        #expect(Self.number(fixed, .scaleEventsPerHour, "controller:hpa") <= 15)
        #expect(fixed.run.successRatio > 0.99)
    }

    @Test func oneMinuteStepsPromoteTheBadRelease() throws {
        let short = try Self.run("bad-canary-rollback", "controllers.rollout.canary.policy.steps.0.hold=1m",
                                 "controllers.rollout.canary.policy.steps.1.hold=1m", "controllers.rollout.canary.policy.steps.2.hold=1m")
        #expect(short.figure(.canaryRolledBack)?.value == .flag(false))
        #expect(short.run.successRatio < 0.95)  // 94.1%
    }

    @Test func healthChecksOutsideTheLaggingPipelineRecoverAsFastAsWithoutLag() throws {
        let local = try Self.run("telemetry-lag-mttr", "faults.metrics-behind.target=controller:slo")
        // MTTR 1m 31s -> 31 s; the page is still late (MTTD 1m 20s).
        #expect(local.mttr.map { $0 <= .seconds(40) } == true)
        #expect(local.mttd.map { $0 >= .seconds(70) } == true)
    }

    @Test func moreConsecutiveChecksCostMinutesOfOutage() throws {
        let cautious = try Self.run("region-failover", "controllers.gslb.failover.failAfter=6")
        // MTTR 31 s -> 1m 11s: four more checks, 10 s apart.
        #expect(cautious.mttr == .seconds(71))
    }

    @Test func leastRequestBalancingSparesTheColdInstances() throws {
        let p2c = try Self.run("cold-starts-scale-up", "services.api.policy.loadBalancer.kind=powerOfTwoChoices")
        // MTTR 2m 44s -> 1m 34s; success 83.9% -> 94.5%.
        #expect(p2c.mttr.map { $0 < .minutes(2) } == true)
        #expect(p2c.run.successRatio > 0.92)
    }
}
