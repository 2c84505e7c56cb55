import Testing
@testable import Sim

/// The report files as a set: determinism, structure of `summary.md`, the
/// CSV rows, chart selection and the expectation section.
@Suite struct RunReportFilesTests {
    typealias F = RunReportFixtures

    static func crashFiles(seed: UInt64 = 1, maxAttempts: Int = 3, expectations: [ExpectationLine]? = nil) throws -> [ReportFile] {
        RunReport.files(try F.input(F.crashSpec(maxAttempts: maxAttempts), seed: seed), expectations: expectations)
    }

    func file(_ files: [ReportFile], _ name: String) -> String {
        files.first { $0.name == name }?.text ?? ""
    }

    @Test func sameScenarioAndSeedGiveIdenticalBytesAndAnotherSeedDoesNot() throws {
        let a = try Self.crashFiles(seed: 3), b = try Self.crashFiles(seed: 3), c = try Self.crashFiles(seed: 4)
        #expect(a == b)
        #expect(file(a, "timeseries.csv") != file(c, "timeseries.csv"))
    }

    @Test func filesComeInReportOrder() throws {
        let names = try Self.crashFiles().map(\.name)
        #expect(names == ["summary.md", "summary.csv", "timeseries.csv", "events.csv", "client-success-ratio.svg",
                          "client-latency-p99.svg", "edge-amplification.svg", "service-in-flight.svg", "version-weights.svg",
                          "instances-up.svg"])
    }

    @Test func summaryHasEverySectionInOrder() throws {
        let summary = file(try Self.crashFiles(), "summary.md")
        let headings = summary.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
        #expect(headings == ["# crash-demo", "## Topology", "## Faults", "## Headline figures", "## Expectations", "## Charts",
                             "## Retry storms", "## Oscillation", "## Edges", "## Services", "## Versions"])
        #expect(summary.hasSuffix("|\n"))
    }

    @Test func topologyIsAFencedMermaidFlowchart() throws {
        let summary = file(try Self.crashFiles(), "summary.md")
        #expect(summary.contains("""
            ```mermaid
            flowchart LR
                n1(["web: open, 40 rps"])
                n2["api: 2 versions x 1 x 8 slots"]
                n1 -->|"timeout 500ms, 3 attempts, breaker"| n2
            ```
            """))
    }

    @Test func imageLinksNameExactlyTheChartFiles() throws {
        let files = try Self.crashFiles()
        let summary = file(files, "summary.md")
        let links = summary.split(separator: "\n").filter { $0.hasPrefix("![") }.map { line in
            String(line[line.index(after: line.firstIndex(of: "(")!)..<line.lastIndex(of: ")")!])
        }
        let charts = files.map(\.name).filter { $0.hasSuffix(".svg") }
        #expect(links == charts)
        #expect(files.filter { $0.name.hasSuffix(".svg") }.allSatisfy { $0.text.hasPrefix("<svg ") && $0.text.hasSuffix("</svg>\n") })
        #expect(summary.contains("Not drawn (nothing to show): Breaker states, Queue length per service.\n"))
    }

    @Test func breakerChartIsDrawnWhenABreakerChangedState() throws {
        let files = try Self.crashFiles(maxAttempts: 1)
        #expect(files.contains { $0.name == "breaker-states.svg" })
        #expect(file(files, "breaker-states.svg").contains(">half-open</text>"))
        #expect(file(files, "summary.md").contains("Not drawn (nothing to show): Queue length per service.\n"))
    }

    @Test func summaryCSVHasOneRowPerFigure() throws {
        let input = try F.input(F.crashSpec(), seed: 1)
        let analysis = RunAnalysis(input)
        let rows = file(RunReport.files(input, analysis: analysis), "summary.csv").split(separator: "\n").map(String.init)
        #expect(rows.count == analysis.figures.count + 1)
        #expect(rows[0] == "name,entity,value,unit,note")
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 5 })
        #expect(rows.contains("mttr,,16,s,"))
        #expect(rows.contains("oscillationPeriod,,,,no oscillation"))
        #expect(rows.contains("retryStormEpisodes,edge:web->api,1,count,"))
        #expect(rows.contains("metastable,fault:api/0 crash,false,bool,"))
    }

    @Test func tidyCSVFilesAreTheRecordingsOwn() throws {
        let input = try F.input(F.crashSpec(), seed: 1)
        let files = RunReport.files(input)
        #expect(file(files, "timeseries.csv") == RecordingCSV.timeseries(input.recording))
        #expect(file(files, "events.csv") == RecordingCSV.events(input.recording))
    }

    @Test func expectationSectionShowsVerdictsOrSaysNoneWereChecked() throws {
        let lines = [ExpectationLine(name: "mttr", bound: "<= 20s", measured: "16s", passed: true),
                     ExpectationLine(name: "retryStormEpisodes", entity: "edge:web->api", bound: "<= 0", measured: "1", passed: false)]
        let checked = file(try Self.crashFiles(expectations: lines), "summary.md")
        #expect(checked.contains("""
            | Result   | Figure               | Entity        | Bound  | Measured |
            | -------- | -------------------- | ------------- | ------ | -------- |
            | pass     | `mttr`               | run           | <= 20s | 16s      |
            | **FAIL** | `retryStormEpisodes` | edge:web->api | <= 0   | 1        |

            1 of 2 expectations held.

            """))
        #expect(file(try Self.crashFiles(), "summary.md").contains("## Expectations\n\nNo expectations were checked in this run.\n"))
        #expect(file(try Self.crashFiles(expectations: []), "summary.md").contains("## Expectations\n\nThe scenario sets no expectations.\n"))
    }

    @Test func runStoppedByALimitSaysItsResultsArePartial() {
        var input = F.input(F.recording(F.runSeries("HHHH")), faults: [])
        input.stopReason = .limit(.maxEvents(1_000))
        input.duration = .seconds(10)
        let summary = SummaryMarkdown.header(input)
        #expect(summary.contains("| Simulated time   | 4s of 10s planned"))
        #expect(summary.contains("> **Partial results:** the run was stopped by limit maxEvents (1000 events processed); "))
    }

    @Test func recordingWithoutClientsOrServicesDrawsNoChart() {
        let files = RunReport.files(F.input(F.recording(F.runSeries("HHHH")), faults: []))
        #expect(files.map(\.name) == ["summary.md", "summary.csv", "timeseries.csv", "events.csv"])
        let summary = file(files, "summary.md")
        #expect(summary.contains("## Charts\n\nNo chart has data.\n\nNot drawn (nothing to show): Client success ratio, "))
        #expect(summary.contains("## Faults\n\nNo faults were injected.\n"))
    }

    @Test func runStoppedBeforeItsFirstWindowClosedStillGetsAReport() {
        var input = F.input(F.recording(F.runSeries("")), faults: [FaultSpan(name: "late", target: "service:api", start: .seconds(5), end: .seconds(9))])
        input.stopReason = .limit(.maxEvents(10))
        let files = RunReport.files(input)
        #expect(files.map(\.name) == ["summary.md", "summary.csv", "timeseries.csv", "events.csv"])
        let analysis = RunAnalysis(input)
        #expect(analysis.runValue(.sloAttainment) == .notApplicable(.noData))
        #expect(analysis.runValue(.metastable) == .notApplicable(.faultNotRemoved))
        #expect(analysis.runValue(.stateFlipsPerMinute) == .number(0, .perMinute))
    }

    @Test func callerSuppliedAnalysisCriteriaReachTheReport() throws {
        let input = try F.input(F.crashSpec(), seed: 1)
        let strict = RunAnalysis(input, criteria: RunAnalysisCriteria(storms: RetryStormCriteria(amplificationThreshold: 3)))
        let files = RunReport.files(input, analysis: strict)
        #expect(file(files, "summary.md").contains("No retry storms. A storm is 2 or more windows in a row with attempts / offered ≥ 3x"))
        #expect(file(files, "edge-amplification.svg").contains(">storm 3x</text>"))
    }
}
