import Scenarios
import Sim

/// The files of a run report (interim: CSVs and a short summary).
enum ReportBuilder {
    static func files(for run: ScenarioRun, version: String) -> [(name: String, bytes: [UInt8])] {
        let recording = run.result.recording
        return [
            ("summary.md", Array(summary(for: run, version: version).utf8)),
            ("timeseries.csv", Array(RecordingCSV.timeseries(recording).utf8)),
            ("events.csv", Array(RecordingCSV.events(recording).utf8)),
        ]
    }

    static func summary(for run: ScenarioRun, version: String) -> String {
        """
        # \(run.scenario.name)

        \(run.scenario.description)

        seed \(run.seed), faultsim \(version), \(run.result.stopReason)

        \(headline(for: run))

        """
    }

    /// One line: requests, success ratio, p99.
    static func headline(for run: ScenarioRun) -> String {
        let recording = run.result.recording
        let offered = total(recording, "run", .offered)
        let successes = total(recording, "run", .successes)
        let failures = total(recording, "run", .failures)
        let ratio = successes + failures > 0 ? successes / (successes + failures) : .nan
        return "\(run.scenario.name) seed \(run.seed): \(Int(offered)) requests, success ratio \(NumberFormat.fixed(ratio, decimals: 4)), "
            + "\(run.result.eventsProcessed) events, \(run.result.stopReason)"
    }

    static func total(_ recording: Recording, _ entity: String, _ metric: Metric) -> Double {
        recording.series.first { $0.entity == entity && $0.metric == metric.rawValue }?.values.filter { !$0.isNaN }.reduce(0, +) ?? 0
    }
}
