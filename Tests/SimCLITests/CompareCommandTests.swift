import Foundation
import Testing
@testable import SimCLI

@Suite struct CompareCommandTests {
    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("faultsim-compare-\(UUID().uuidString)").path
    }

    @Test func theBudgetCandidateFlipsTheMetastableExpectationAndTheReportIsWritten() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = faultsim("compare", "retry-storm", "--set", "services.api.policy.retryBudget.kind=ratio", "--seeds", "3", "--out", directory)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("\nmetastable               yes in 3 of 3  yes in 0 of 3  -100 pts"))
        #expect(result.out.contains("expectation metastable == true: holds -> fails (held on 3 of 3 baseline seeds, 0 of 3 candidate seeds)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["compare-amplification.svg", "compare-latency-p99.svg", "compare-seeds.csv", "compare-success-ratio.svg",
                          "compare.csv", "compare.md"])
        let markdown = try String(contentsOfFile: directory + "/compare.md", encoding: .utf8)
        #expect(markdown.contains("\n| metastable             | == true |        3 of 3 |         0 of 3 | holds -> fails |\n"))
        let csv = try String(contentsOfFile: directory + "/compare-seeds.csv", encoding: .utf8)
        #expect(csv.contains("\n1,metastable,bool,true,false,,\n"))
    }

    @Test func aCandidateIsRequiredAndBadInputIsExitTwo() {
        let none = faultsim("compare", "retry-storm")
        #expect(none.status == 2)
        #expect(none.err.hasPrefix("faultsim compare: give the candidate: --candidate FILE or at least one --set path=value\n"))
        let badSet = faultsim("compare", "retry-storm", "--set", "services.api.policy.retry.maxAttempts=zero")
        #expect(badSet.status == 2)
        #expect(badSet.out.isEmpty)
        let missing = faultsim("compare", "retry-storm", "--candidate", "/nonexistent/candidate.json5")
        #expect(missing.status == 2)
    }
}
