import Foundation
import Scenarios
import Sim
import Testing
@testable import SimCLI

/// The scenario files in `scenarios/`, as the repository holds them.
enum CatalogFiles {
    /// `scenarios/` at the repository root (this file is Tests/SimCLITests/CatalogTests.swift).
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    /// Every `*.json5` file's name without the extension, sorted.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json5") }.map { String($0.dropLast(".json5".count)) }.sorted()
    }()

    static func path(_ name: String) -> String { directory.appendingPathComponent("\(name).json5").path }

    static func contents(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}

/// Every built-in scenario validates, runs, and teaches what its `expect`
/// block says; the binary carries exactly the files; `list` shows them.
@Suite struct CatalogFileTests {
    /// Issue 5's twelve patterns (four control-loop ones live elsewhere) plus retry-storm.
    static let required = [
        "breaker-flapping", "cache-flush-stampede", "connection-pool-exhaustion", "death-spiral-after-burst",
        "goodput-collapse-fifo", "latency-spike-cascade", "lb-sinkholing", "payment-errors-breaker-fallback",
        "retry-storm", "spot-preemption-retries", "surge-priority-shedding", "thundering-herd-reconnect",
        "timeout-cascade-high-utilisation",
    ]

    @Test func theCatalogHoldsEveryRequiredPattern() {
        #expect(CatalogFiles.names.count >= 13)
        for name in Self.required { #expect(CatalogFiles.names.contains(name), "scenarios/\(name).json5 is missing") }
    }

    @Test(arguments: CatalogFiles.names)
    func scenarioValidatesRunsAndMeetsItsExpectations(_ name: String) {
        let path = CatalogFiles.path(name)
        let validated = faultsim("validate", path)
        #expect(validated.status == 0, "\(validated.err)")
        let checked = faultsim("check", path)
        #expect(checked.status == 0, "\(checked.out)\(checked.err)")
        // A scenario without expectations would pass vacuously.
        #expect(checked.out.contains(" expectations held"))
        #expect(!checked.out.contains(" 0 of "))
    }

    @Test(arguments: CatalogFiles.names)
    func fileNameIsTheScenarioNameAndTheDescriptionGivesTheFixCommand(_ name: String) throws {
        let scenario = try ScenarioLoader.load(file: CatalogFiles.path(name))
        #expect(scenario.name == name)
        #expect(scenario.description.contains("Lesson:"), "the description should state the lesson")
        #expect(scenario.description.contains("faultsim run \(name) --set ")
                || scenario.description.contains("compare with --set "),
                "the description should give the command that shows the fix")
        #expect(!scenario.expect.isEmpty)
    }

    @Test func embeddedCatalogEqualsTheFilesByteForByte() throws {
        // A failure here means scripts/embed-catalog was not run after editing scenarios/.
        #expect(Catalog.entries.map(\.name) == CatalogFiles.names)
        for entry in Catalog.entries where CatalogFiles.names.contains(entry.name) {
            let file = try CatalogFiles.contents(entry.name)
            #expect(entry.text + "\n" == file, "the embedded \(entry.name) differs from scenarios/\(entry.name).json5")
        }
    }

    @Test func listShowsEveryScenarioWithTheFirstSentenceOfItsDescription() throws {
        let result = faultsim("list")
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == CatalogFiles.names.count)
        for (name, line) in zip(CatalogFiles.names, lines) {
            let description = try ScenarioLoader.load(file: CatalogFiles.path(name)).description
            let firstSentence = try #require(description.split(separator: ".", maxSplits: 1).first).trimmingCharacters(in: .whitespaces)
            // A first sentence is a short headline: the pattern's name, not half the description.
            #expect(firstSentence.count <= 100, "\(name): first sentence is \(firstSentence.count) characters")
            #expect(line.hasPrefix(name + " "))
            #expect(line.hasSuffix(firstSentence))
        }
    }
}

/// The documented fix measurably changes each scenario's key figure in the
/// right direction. Every `--set` used here appears verbatim in the
/// scenario's description, so the commands users copy are the ones tested.
/// Numbers in comments are seed 1's (the scenarios' own seed).
@Suite struct CatalogFixTests {
    struct Run {
        var analysis: RunAnalysis

        func number(_ name: FigureName, _ entity: String? = nil) -> Double {
            analysis.figure(name, entity: entity)?.value.number ?? .nan
        }

        func flag(_ name: FigureName) -> Bool? { analysis.figure(name)?.value.flag }

        func duration(_ name: FigureName) -> SimTime? { analysis.figure(name)?.value.duration }
    }

    /// Runs built-in `name` with `sets` applied, after checking the description documents each of them.
    static func run(_ name: String, _ sets: String...) throws -> Run {
        let entry = try #require(Catalog.entry(named: name))
        let description = Catalog.description(of: entry)
        for set in sets { #expect(description.contains(set), "\(name): the description does not document --set \(set)") }
        let overrides = try sets.map { try Override(parsing: $0) }
        let scenario = try #require(try Catalog.load(named: name, overrides: overrides))
        return Run(analysis: try ScenarioRun.run(scenario).analysis(version: FaultSimCLI.version))
    }

    @Test func latencySpikeCascadeRightTimeoutsKeepTheApiUp() throws {
        let wrong = try Self.run("latency-spike-cascade")
        let right = try Self.run("latency-spike-cascade", "services.inventory.policy.retry.maxAttempts=2",
                                 "services.inventory.policy.retry.perTryTimeout=700ms", "services.inventory.policy.retry.deadline=2s")
        // 0.738 -> 0.979; worst p99 9999 ms -> 1468 ms; api refusals 24% -> 0.
        #expect(wrong.number(.successRatio) < 0.85)
        #expect(right.number(.successRatio) > 0.95)
        #expect(wrong.number(.latencyP99Ms) > 5_000)
        #expect(right.number(.latencyP99Ms) < 2_000)
        #expect(wrong.number(.rejectedShare, "service:api") > 0.1)
        #expect(right.number(.rejectedShare, "service:api") == 0)
    }

    @Test func paymentErrorsWithoutTheBreakerCheckoutLosesAThird() throws {
        let guarded = try Self.run("payment-errors-breaker-fallback")
        let unguarded = try Self.run("payment-errors-breaker-fallback", "services.payment.policy.order=['retry']")
        // 1.0 with 2 opens and fallbacks for 21% -> 0.664, no opens.
        #expect(guarded.number(.successRatio) > 0.99)
        #expect(guarded.number(.breakerOpens, "edge:checkout->payment") >= 1)
        #expect(unguarded.number(.successRatio) < 0.8)
        #expect(unguarded.number(.breakerOpens, "edge:checkout->payment") == 0)
    }

    @Test func surgeWithoutPrioritySheddingCheckoutsCollapseWithBrowsing() throws {
        let shedding = try Self.run("surge-priority-shedding")
        let fifo = try Self.run("surge-priority-shedding", "services.api.entry.loadShedder.kind=none")
        // Checkout 1.0 -> 0.177, browse 0.512 -> 0.173, goodput 1.0 -> 0.27.
        #expect(shedding.number(.successRatio, "edge:checkout->api") > 0.99)
        #expect(fifo.number(.successRatio, "edge:checkout->api") < 0.3)
        #expect(shedding.number(.goodputRatio) > 0.95)
        #expect(fifo.number(.goodputRatio) < 0.5)
    }

    @Test func thunderingHerdFullJitterAbsorbsTheReconnect() throws {
        let lockStep = try Self.run("thundering-herd-reconnect")
        let jittered = try Self.run("thundering-herd-reconnect", "services.db.policy.retry.backoff.jitter=full")
        // Error budget 16.4x -> 0.29x; success 0.9836 -> 0.9997.
        #expect(lockStep.number(.errorBudgetConsumed) > 8)
        #expect(jittered.number(.errorBudgetConsumed) < 1)
        #expect(jittered.number(.successRatio) > 0.999)
    }

    @Test func breakerOnALargerWindowOpensOnlyForTheRealOutage() throws {
        let noisy = try Self.run("breaker-flapping")
        let smooth = try Self.run("breaker-flapping", "services.search.policy.breaker.slidingWindowSize=100",
                                  "services.search.policy.breaker.minimumNumberOfCalls=100")
        // 12 opens, 10.7 flips/min, success 0.666 -> 4 opens (all in the outage), 3 flips/min, 0.888.
        #expect(noisy.number(.breakerOpens, "edge:api->search") >= 8)
        #expect(smooth.number(.breakerOpens, "edge:api->search") <= 5)
        #expect(noisy.number(.stateFlipsPerMinute) > 2 * smooth.number(.stateFlipsPerMinute))
        #expect(smooth.number(.successRatio) > noisy.number(.successRatio) + 0.15)
    }

    @Test func spotPreemptionARetryBudgetEndsTheMetastableStorm() throws {
        let unbudgeted = try Self.run("spot-preemption-retries")
        let budgeted = try Self.run("spot-preemption-retries", "services.api.policy.retryBudget.kind=ratio")
        // Metastable, goodput 0.107 -> recovered, goodput 0.743.
        #expect(unbudgeted.flag(.metastable) == true)
        #expect(budgeted.flag(.metastable) == false)
        #expect(unbudgeted.number(.goodputRatio) < 0.4)
        #expect(budgeted.number(.goodputRatio) > 0.6)
    }

    @Test func cacheStampedeAShortDatabaseQueueLetsTheCacheRefill() throws {
        let stuck = try Self.run("cache-flush-stampede")
        let bounded = try Self.run("cache-flush-stampede", "services.db.queueCapacity=100")
        // Metastable at 0.607 -> recovered 2 s after the flush, 0.9987.
        #expect(stuck.flag(.metastable) == true)
        #expect(bounded.flag(.metastable) == false)
        #expect(stuck.number(.successRatio) < 0.8)
        #expect(bounded.number(.successRatio) > 0.99)
    }

    @Test func connectionPoolSizedByLittlesLawRidesOutTheSlowdown() throws {
        let small = try Self.run("connection-pool-exhaustion")
        let sized = try Self.run("connection-pool-exhaustion", "edges.api->db.poolSize=24")
        // 0.842 with MTTR 21 s -> 1.0, never unhealthy.
        #expect(small.number(.successRatio) < 0.9)
        #expect(sized.number(.successRatio) > 0.999)
        #expect(small.duration(.mttr) == .seconds(21))
        #expect(sized.analysis.figure(.mttr)?.value.absence == .neverUnhealthy)
    }

    @Test func aShadowShareWithinTheSharedDatabasesHeadroomSparesTheUsers() throws {
        let full = try Self.run("shadow-traffic-overloads-db")
        let sized = try Self.run("shadow-traffic-overloads-db", "services.api.split.shadows.0.percent=20")
        // The 100% mirror offers the database 120% of its capacity: 0.478 success -> 1.0 at 20%.
        #expect(full.number(.successRatio) < 0.5)
        #expect(sized.number(.successRatio) == 1)
        #expect(full.number(.offeredRequests) == sized.number(.offeredRequests))
    }

    @Test func theSameExtraReadsAreFreeOnHotKeysAndAnOutageOnColdOnes() throws {
        let cold = try Self.run("long-tail-surge-misses-cache")
        let hot = try Self.run("long-tail-surge-misses-cache", "faults.0.condition.keyFrom=0", "faults.0.condition.keyTo=100",
                               "faults.0.multiplier=3")
        let shortQueue = try Self.run("long-tail-surge-misses-cache", "services.db.queueCapacity=100")
        // 52,000 extra reads either way: success under 0.75 on the long tail, 1.0 on the hot keys.
        // The two runs draw their arrivals apart once the surges thin them
        // differently: about 230,000 arrivals each after 60 s, so their
        // totals differ by Poisson noise, sd ~680 (0.25%); 1% is 4 sd.
        #expect(cold.number(.successRatio) < 0.75)
        #expect(hot.number(.successRatio) == 1)
        #expect(abs(cold.number(.offeredRequests) - hot.number(.offeredRequests)) < 0.01 * hot.number(.offeredRequests))
        // A 100-deep queue: every answer useful, recovered 2 s after the scraper (17 s with 1,000).
        #expect(cold.duration(.recoveryAfterRemoval) == .seconds(17))
        #expect(shortQueue.duration(.recoveryAfterRemoval) == .seconds(2))
        #expect(shortQueue.number(.goodputRatio) == 1)
    }

    @Test func propagatedDeadlinesLeaveNoBacklogAfterTheSurge() throws {
        let ignored = try Self.run("deadline-backlog-outlasts-surge")
        let propagated = try Self.run("deadline-backlog-outlasts-surge", "services.api.deadlines=propagate", "services.db.deadlines=propagate")
        // MTTR 49 s -> 31 s for a 30 s surge: recovered 19 s -> 1 s after it ended.
        #expect(ignored.duration(.mttr) == .seconds(49))
        #expect(propagated.duration(.mttr) == .seconds(31))
        #expect(ignored.duration(.recoveryAfterRemoval) == .seconds(19))
        #expect(propagated.duration(.recoveryAfterRemoval) == .seconds(1))
    }

    @Test func goodputCollapseLifoKeepsTheServerUseful() throws {
        let fifo = try Self.run("goodput-collapse-fifo")
        let lifo = try Self.run("goodput-collapse-fifo", "services.api.queueDiscipline=lifo")
        // Goodput 0.293 -> 0.903.
        #expect(fifo.number(.goodputRatio) < 0.45)
        #expect(lifo.number(.goodputRatio) > 0.85)
    }

    @Test func sinkholingRoundRobinAndEjectionStopFeedingTheDeadHost() throws {
        let least = try Self.run("lb-sinkholing")
        let roundRobin = try Self.run("lb-sinkholing", "services.api.policy.loadBalancer.kind=roundRobin")
        let ejecting = try Self.run("lb-sinkholing", "services.api.policy.ejectOutliers=true",
                                    "services.api.policy.outlierDetection.maxEjectionPercent=50")
        let envoyDefault = try Self.run("lb-sinkholing", "services.api.policy.ejectOutliers=true")
        // 0.589 -> round robin 0.875 (the dead host's quarter for 40 s) -> ejection 0.9999.
        #expect(least.number(.successRatio) < 0.75)
        #expect(abs(roundRobin.number(.successRatio) - 0.875) < 0.01)
        #expect(ejecting.number(.successRatio) > 0.999)
        // Envoy's 10% max_ejection_percent ejects nothing from 4 hosts.
        #expect(envoyDefault.number(.successRatio) == least.number(.successRatio))
    }

    @Test func deathSpiralAConcurrencyLimitBelowTheKneeRecovers() throws {
        let open = try Self.run("death-spiral-after-burst")
        let limited = try Self.run("death-spiral-after-burst", "services.api.entry.concurrencyLimitEnabled=true",
                                   "services.api.entry.concurrencyLimit.maxConcurrent=12")
        // Metastable at 0.107 -> MTTR 20 s, 0.959.
        #expect(open.flag(.metastable) == true)
        #expect(limited.flag(.metastable) == false)
        #expect(open.number(.successRatio) < 0.3)
        #expect(limited.number(.successRatio) > 0.9)
    }

    @Test func timeoutCascadeALoadedLatencyTimeoutNeverCascades() throws {
        let idleTuned = try Self.run("timeout-cascade-high-utilisation")
        let loadTuned = try Self.run("timeout-cascade-high-utilisation", "services.db.policy.retry.perTryTimeout=1s")
        // Metastable at 0.177 with 5.2x amplification -> never unhealthy, 1.0.
        #expect(idleTuned.flag(.metastable) == true)
        #expect(idleTuned.number(.retryAmplificationPeak) > 2.5)
        #expect(loadTuned.number(.successRatio) == 1)
        #expect(loadTuned.analysis.figure(.mttr)?.value.absence == .neverUnhealthy)
    }
}
