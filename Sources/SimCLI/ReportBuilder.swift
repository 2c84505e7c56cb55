import Scenarios
import Sim

/// A run's report files and its one-line console summary.
enum ReportBuilder {
    /// A run's analysis, its expectation verdicts and its report files.
    struct Built {
        var analysis: RunAnalysis
        var verdicts: [ExpectationVerdict]
        var files: [(name: String, bytes: [UInt8])]
    }

    /// Analyses `run` and lays out its report.
    static func build(_ run: ScenarioRun) -> Built {
        let analysis = run.analysis(version: FaultSimCLI.version)
        let verdicts = run.verdicts(in: analysis)
        return Built(analysis: analysis, verdicts: verdicts,
                     files: files(for: run, analysis: analysis, verdicts: verdicts, version: FaultSimCLI.version))
    }

    /// Every report file, with the expectation verdicts laid out in summary.md.
    static func files(for run: ScenarioRun, analysis: RunAnalysis, verdicts: [ExpectationVerdict],
                      version: String) -> [(name: String, bytes: [UInt8])] {
        let lines = verdicts.map { verdict in
            ExpectationLine(name: verdict.expectation.metric, entity: verdict.expectation.entity,
                            bound: verdict.expectation.boundText, measured: verdict.measuredText, passed: verdict.passed)
        }
        return RunReport.files(run.reportInput(version: version), analysis: analysis, expectations: lines.isEmpty ? nil : lines)
            .map { ($0.name, $0.bytes) }
    }

    /// One line: requests, success ratio, MTTR, metastable, peak amplification.
    static func headline(for run: ScenarioRun, analysis: RunAnalysis) -> String {
        var parts = ["\(run.scenario.name) seed \(run.seed):"]
        for name in [FigureName.offeredRequests, .successRatio, .mttr, .metastable, .retryAmplificationPeak, .goodputRatio] {
            parts.append("\(name.rawValue) \(Expectation.text(analysis.runValue(name)))")
        }
        parts.append("(\(run.result.eventsProcessed) events, \(run.result.stopReason))")
        return parts.joined(separator: " ")
    }
}
