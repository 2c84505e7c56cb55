import Foundation
import Testing
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
