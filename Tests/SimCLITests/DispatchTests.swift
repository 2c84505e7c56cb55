import Foundation
import Testing
@testable import Sim
@testable import SimCLI

@Suite struct DispatchTests {
    @Test func helpListsEveryCommandAndExitsZero() {
        let result = faultsim("--help")
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("faultsim \(FaultSimCLI.version): deterministic simulation"))
        for command in FaultSimCLI.commands { #expect(result.out.contains("  \(command.name)")) }
        #expect(result.err.isEmpty)
    }

    @Test func versionPrintsOneLine() {
        #expect(faultsim("--version").out == "faultsim \(FaultSimCLI.version)\n")
    }

    @Test func noArgumentsPrintsUsageOnStderrAndExitsTwo() {
        let result = faultsim()
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("Usage: faultsim <command>"))
    }

    @Test func unknownCommandIsOneLineErrorPlusUsage() {
        let result = faultsim("frobnicate")
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("faultsim: unknown command \"frobnicate\"\n"))
        #expect(result.err.contains("Usage: faultsim <command>"))
    }

    @Test func unknownFlagIsOneLineErrorPlusCommandUsage() {
        let result = faultsim("bench", "--frobnicate")
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("faultsim bench: unknown option --frobnicate\n"))
        #expect(result.err.contains("Usage: faultsim bench"))
    }

    @Test func badOptionValueNamesTheOptionAndTheRange() {
        let result = faultsim("bench", "--scale", "lots")
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("faultsim bench: --scale expects an integer in 1...2000000000, got \"lots\"\n"))
        #expect(faultsim("bench", "--scale").err.hasPrefix("faultsim bench: --scale needs a value\n"))
    }

    @Test func subcommandHelpShowsExamples() {
        let result = faultsim("bench", "--help")
        #expect(result.status == 0)
        #expect(result.out.contains("Examples:"))
    }
}

@Suite struct BenchCommandTests {
    @Test func jsonReportsTheSimulatedCountsExactly() {
        let result = faultsim("bench", "--workload", "mmc", "--scale", "20000", "--json")
        #expect(result.status == 0)
        // 20,000 customers: one arrival and one departure event each.
        #expect(result.out.hasPrefix("{\"faultsimVersion\":\"\(FaultSimCLI.version)\",\"workloads\":[{\"workload\":\"mmc\",\"requests\":20000,\"events\":40000,"))
        #expect(result.out.contains("\"stop\":\"no events left\"}]}"))
        #expect(result.out.contains("\"peakRSSBytes\":"))
    }

    @Test func repeatReportsTheMedianRunAndTheRangeOfRequestsPerSecond() throws {
        let result = faultsim("bench", "--workload", "mmc", "--scale", "20000", "--repeat", "3", "--json")
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let row = try #require((object["workloads"] as? [[String: Any]])?.first)
        #expect(row["runs"] as? Int == 3)
        #expect(row["requests"] as? Int == 20_000)
        #expect(row["events"] as? Int == 40_000)
        let median = try #require(row["requestsPerSecond"] as? Double)
        let slowest = try #require(row["requestsPerSecondMin"] as? Double)
        let fastest = try #require(row["requestsPerSecondMax"] as? Double)
        #expect(slowest <= median && median <= fastest)

        let table = faultsim("bench", "--workload", "mmc", "--scale", "20000", "--repeat", "2")
        let lines = table.out.split(separator: "\n")
        #expect(lines.first == "workload    requests      events        wall_s   requests/s    events/s      peak_rss_mb  runs  min_req/s     max_req/s     stop")
        #expect(lines.count == 2 && lines[1].hasPrefix("mmc         20000         40000 ") && lines[1].hasSuffix("no events left"))
        #expect(lines[1].contains("  2     "))
    }

    @Test func aSingleRunKeepsTheColumnsItAlwaysHad() {
        let result = faultsim("bench", "--workload", "mmc", "--scale", "20000")
        #expect(result.out.hasPrefix("workload    requests      events        wall_s   requests/s    events/s      peak_rss_mb  stop\n"))
        #expect(!faultsim("bench", "--workload", "mmc", "--scale", "20000", "--json").out.contains("\"runs\""))
    }

    /// The median of an odd count is the middle run; of an even count, the faster middle one.
    @Test func medianRunIsChosenByWallTime() throws {
        func row(_ seconds: Double, events: UInt64 = 10) -> BenchRow {
            BenchRow(workload: "w", counts: BenchmarkCounts(requests: 100, events: events, simulatedTime: .seconds(1), stopReason: .queueEmpty),
                     wallSeconds: seconds, peakRSSBytes: 0)
        }
        let odd = BenchRow(median: [row(3), row(1), row(2)])
        #expect(odd.wallSeconds == 2 && odd.runs == 3)
        #expect(odd.requestsPerSecondRange == (100.0 / 3)...100.0)
        #expect(BenchRow(median: [row(4), row(1), row(3), row(2)]).wallSeconds == 2)
        let single = BenchRow(median: [row(5)])
        #expect(single.runs == 1 && single.requestsPerSecondRange == nil)
        #expect(BenchRow.firstMismatch(in: [row(1), row(2), row(3)]) == nil)
        #expect(BenchRow.firstMismatch(in: [row(1), row(2), row(3, events: 11)])?.wallSeconds == 3)
    }

    @Test func repeatOutsideItsRangeIsAUsageError() {
        let result = faultsim("bench", "--repeat", "0")
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("faultsim bench: --repeat expects an integer in 1...100, got \"0\"\n"))
    }

    @Test func unknownWorkloadIsAUsageError() {
        let result = faultsim("bench", "--workload", "nope")
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("faultsim bench: unknown workload \"nope\"\n"))
    }
}

@Suite struct CheckDeterminismCommandTests {
    @Test func aBuiltInIsDeterministicAndTheReportIsStillWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faultsim-det-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = faultsim("run", "retry-storm", "--check-determinism", "--out", directory)
        #expect(result.status == 0, "\(result.err)")
        let last = result.out.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("deterministic: two runs gave trace digest "))
        #expect(last.hasSuffix(" events and 10 identical report files"))
        #expect(FileManager.default.fileExists(atPath: directory + "/summary.md"))
    }
}
