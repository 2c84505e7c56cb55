import Foundation
import Scenarios
import Sim

/// `faultsim run`: runs one scenario and writes its report.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "run a scenario (file or built-in name) and write its report"
    static let usage = """
        Usage: faultsim run FILE|NAME [--seed N] [--out DIR] [--duration D] [--set path=value ...] [--quiet]
                            [--check-determinism]

        Runs the scenario and writes its report to reports/<scenario>/seed-<n>/
        (or --out DIR): summary.md, summary.csv, timeseries.csv, events.csv and charts.

        Options:
          --seed N          root seed (default: the scenario's)
          --out DIR         report directory
          --duration D      simulated time to run, e.g. 10m
          --set path=value  override any field, e.g. --set services.api.policy.retry.maxAttempts=2
          --quiet           print nothing but errors
          --check-determinism
                            run twice with the same seed; report the first differing
                            event (time, sequence, event) or report byte; exit 4 if any

        Exit status: 0 ran, 1 an expectation failed, 2 invalid scenario or usage,
        3 a run limit stopped the simulation, 4 --check-determinism found a difference.

        Examples:
          faultsim run retry-storm
          faultsim run retry-storm --check-determinism
          faultsim run scenarios/retry-storm.json5 --seed 7 --set services.api.policy.retryBudget.kind=ratio
        """

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        let quiet = arguments.flag("--quiet")
        let checkDeterminism = arguments.flag("--check-determinism")
        let out = try arguments.option("--out")
        let overrides = try ScenarioSource.overrides(&arguments)
        let names = try arguments.finish(maxPositionals: 1)
        guard let name = names.first else { throw UsageError(message: "give a scenario file or built-in name") }

        let scenario: Scenario
        do {
            scenario = try ScenarioSource.load(name, overrides: overrides).scenario
        } catch let error as ScenarioLoadError {
            console.err(error.description)
            return ExitCode.usage
        }
        let progress = Progress(console: console, duration: scenario.duration, enabled: !quiet && console.stderrIsTerminal)
        let run: ScenarioRun
        var determinism: DeterminismCheck.Outcome?
        var built: ReportBuilder.Built?
        do {
            if checkDeterminism {
                // The first run's report is the one written: keep it rather than build it again.
                (run, determinism) = try DeterminismCheck.check(scenario) { run in
                    let report = ReportBuilder.build(run)
                    if built == nil { built = report }
                    return report.files
                }
            } else {
                run = try ScenarioRun.run(scenario, progress: progress.enabled ? { progress.update(now: $0, events: $1) } : nil)
            }
        } catch {
            console.err("faultsim run: \(error)")
            return ExitCode.usage
        }
        progress.finish()
        let directory = out ?? "reports/\(scenario.name)/seed-\(run.seed)"
        let report = built ?? ReportBuilder.build(run)
        let (analysis, verdicts) = (report.analysis, report.verdicts)
        do {
            try ReportDirectory.write(report.files, to: directory)
        } catch {
            console.err("faultsim run: \(error)")
            return ExitCode.usage
        }
        if !quiet {
            console.out(ReportBuilder.headline(for: run, analysis: analysis))
            for verdict in verdicts {
                console.out("  \(verdict.passed ? "ok  " : "FAIL") \(verdict.expectation.label) \(verdict.expectation.boundText): \(verdict.measuredText)")
            }
            console.out("report: \(directory)/summary.md")
        }
        if let determinism {
            if determinism.isIdentical {
                if !quiet { console.out(determinism.text) }
            } else {
                console.err("faultsim run: \(determinism.text)")
                return ExitCode.nondeterministic
            }
        }
        if case .limit(let limit) = run.result.stopReason {
            console.err("faultsim run: stopped early by limit \(limit); the report covers the simulated time before it")
            return ExitCode.limitHit
        }
        return verdicts.allSatisfy(\.passed) ? ExitCode.ok : ExitCode.expectationFailed
    }
}

/// A progress line on stderr (terminals only, runs longer than a second).
final class Progress {
    let console: Console
    let duration: SimTime
    let enabled: Bool
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var shown = false

    init(console: Console, duration: SimTime, enabled: Bool) {
        self.console = console
        self.duration = duration
        self.enabled = enabled
        start = clock.now
    }

    func update(now: SimTime, events: UInt64) {
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard seconds >= 1 else { return }
        let fraction = max(1e-9, now.seconds / max(1e-9, duration.seconds))
        let eta = seconds / fraction - seconds
        console.errRaw(String(format: "\r  simulated %@ of %@  %.1fM events/s  ETA %.0fs   ", now.description, duration.description,
                              Double(events) / seconds / 1e6, max(0, eta)))
        shown = true
    }

    func finish() {
        if shown { console.errRaw("\n") }
    }
}
