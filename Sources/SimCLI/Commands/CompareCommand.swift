import Foundation
import Scenarios
import Sim

/// `faultsim compare`: a baseline and a candidate policy on the same seeds.
enum CompareCommand: Command {
    static let name = "compare"
    static let summary = "run a baseline and a candidate policy on the same seeds and report the differences"
    static let usage = """
        Usage: faultsim compare FILE|NAME (--candidate FILE | --set path=value ...) [--seeds N] [--seed N]
                                [--duration D] [--out DIR] [--quiet]

        Runs the scenario as written (the baseline) and the candidate on the same seeds (the
        scenario's seed, +1, +2...): with common random numbers both sides see the same
        arrivals, service times and faults, so a difference is the policy's. Writes
        compare.md (figures side by side, paired deltas with 95% intervals, expectations on
        both sides and which flip, overlaid charts), compare.csv and compare-seeds.csv to
        reports/<scenario>/compare/ (or --out DIR).

        Options:
          --candidate FILE  the candidate scenario (same services and clients, other policy)
          --set path=value  the candidate is the baseline with these overrides (with
                            --candidate: overrides applied to the candidate file)
          --seeds N         seeds per side (default 5)
          --seed N          first seed (default: the baseline's)
          --duration D      simulated time of both sides, e.g. 10m
          --out DIR         report directory
          --quiet           print nothing but errors

        Exit status: 0 compared, 2 invalid scenario or usage, 3 a run limit stopped a simulation.

        Examples:
          faultsim compare retry-storm --set services.api.policy.retryBudget.kind=ratio
          faultsim compare scenarios/checkout.json5 --candidate candidate.json5 --seeds 10
        """

    static let defaultSeeds = 5

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        let quiet = arguments.flag("--quiet")
        let candidateFile = try arguments.option("--candidate")
        let seedCount = try arguments.intOption("--seeds", in: 1...10_000) ?? defaultSeeds
        let out = try arguments.option("--out")
        let sets = try arguments.options("--set")
        var shared = Arguments(try [arguments.option("--seed").map { ["--seed", $0] } ?? [],
                                    arguments.option("--duration").map { ["--duration", $0] } ?? []].flatMap { $0 })
        let sharedOverrides = try ScenarioSource.overrides(&shared)
        var candidateArguments = Arguments(sets.flatMap { ["--set", $0] })
        let candidateOverrides = try ScenarioSource.overrides(&candidateArguments)
        let names = try arguments.finish(maxPositionals: 1)
        guard let name = names.first else { throw UsageError(message: "give the baseline scenario (a file or built-in name)") }
        guard candidateFile != nil || !sets.isEmpty else {
            throw UsageError(message: "give the candidate: --candidate FILE or at least one --set path=value")
        }

        let baseline: Scenario, candidate: Scenario
        do {
            baseline = try ScenarioSource.load(name, overrides: sharedOverrides).scenario
            candidate = try ScenarioSource.load(candidateFile ?? name, overrides: sharedOverrides + candidateOverrides).scenario
        } catch let error as ScenarioLoadError {
            console.err(error.description)
            return ExitCode.usage
        }
        let seeds = (0..<seedCount).map { baseline.seed &+ UInt64($0) }
        let comparison: PolicyComparison
        do {
            comparison = try PolicyComparison.run(baseline: baseline, candidate: candidate, seeds: seeds, version: FaultSimCLI.version)
        } catch {
            console.err("faultsim compare: \(error)")
            return ExitCode.usage
        }
        let label = candidateLabel(file: candidateFile, sets: sets)
        let directory = out ?? "reports/\(baseline.name)/compare"
        do {
            let files = ComparisonReport.files(comparison, candidateLabel: label, version: FaultSimCLI.version)
            try ReportDirectory.write(files.map { ($0.name, $0.bytes) }, to: directory)
        } catch {
            console.err("faultsim compare: \(error)")
            return ExitCode.usage
        }
        if !quiet { console.out(text(comparison, candidateLabel: label) + "report: \(directory)/compare.md") }
        for stop in comparison.limitStops { console.err("faultsim compare: \(stop): stopped early by a run limit") }
        return comparison.limitStops.isEmpty ? ExitCode.ok : ExitCode.limitHit
    }

    /// What the candidate is, for the report: `candidate.json5`, `--set a=b --set c=d`, or both.
    static func candidateLabel(file: String?, sets: [String]) -> String {
        let overrides = sets.map { "`--set \($0)`" }.joined(separator: " ")
        guard let file else { return "the baseline with " + overrides }
        return sets.isEmpty ? "`\(file)`" : "`\(file)` with " + overrides
    }

    /// The console summary: figures with a value on either side, then expectations that flip.
    static func text(_ c: PolicyComparison, candidateLabel: String) -> String {
        var rows: [[String]] = []
        for figure in c.figures where figure.hasValues {
            var row = [figure.name.rawValue] + ComparisonReport.cells(figure)
            if figure.paired.isSignificant { row[4] += " *" }
            rows.append(row)
        }
        var text = "\(c.baseline.name): baseline vs \(candidateLabel.replacingOccurrences(of: "`", with: "")), \(c.seeds.count) seeds\n"
        text += CheckCommand.table(header: ["figure", "baseline", "candidate", "delta", "95% interval"], rows: rows) + "\n"
        text += "(* the interval excludes 0)\n"
        for e in c.expectations where e.flips {
            text += "expectation \(e.expectation.label) \(e.expectation.boundText): \(e.flipText) "
                + "(held on \(e.baselineHeld) of \(e.baseline.count) baseline seeds, \(e.candidateHeld) of \(e.candidate.count) candidate seeds)\n"
        }
        return text
    }
}
