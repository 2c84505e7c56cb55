import Foundation
import Scenarios
import Sim

/// `faultsim check`: runs scenarios and fails when an expectation does not hold (for CI).
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "run scenarios and check their expectations (exit 1 on a failure; JUnit XML for CI)"
    static let usage = """
        Usage: faultsim check FILE|NAME... [--seeds N] [--junit PATH] [--set path=value ...] [--quiet]

        Runs each scenario (on N seeds: the scenario's seed, +1, +2...), evaluates its
        `expect` block, prints a verdict table, and optionally writes JUnit XML with one
        test case per scenario and expectation (and seed).

        Options:
          --seeds N       seeds per scenario (default 1)
          --junit PATH    write JUnit XML here
          --set p=v       override a field in every scenario
          --quiet         print only failures

        Exit status: 0 every expectation held, 1 an expectation failed,
        2 invalid input, 3 a run limit stopped a simulation.

        Examples:
          faultsim check scenarios/*.json5 --junit reports/junit.xml
          faultsim check retry-storm --seeds 5
        """

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        let quiet = arguments.flag("--quiet")
        let seeds = try arguments.intOption("--seeds", in: 1...10_000) ?? 1
        let junitPath = try arguments.option("--junit")
        let overrides = try ScenarioSource.overrides(&arguments)
        let names = try arguments.finish(maxPositionals: Int.max)
        guard !names.isEmpty else { throw UsageError(message: "give at least one scenario file or built-in name") }

        // Load everything first: an invalid file stops the check before anything runs.
        var scenarios: [Scenario] = []
        var invalid = false
        for name in names {
            do {
                scenarios.append(try ScenarioSource.load(name, overrides: overrides).scenario)
            } catch let error as ScenarioLoadError {
                console.err(error.description)
                invalid = true
            }
        }
        if invalid { return ExitCode.usage }

        var cases: [JUnitReport.Case] = []
        var limitHit = false
        var rows: [[String]] = []
        for scenario in scenarios {
            if scenario.expect.isEmpty && !quiet { console.out("\(scenario.name): no expectations") }
            for offset in 0..<seeds {
                let seed = scenario.seed &+ UInt64(offset)
                let run = try ScenarioRun.run(scenario, seed: seed)
                if case .limit(let limit) = run.result.stopReason {
                    console.err("\(scenario.name) seed \(seed): stopped early by limit \(limit)")
                    limitHit = true
                }
                let analysis = run.analysis(version: FaultSimCLI.version)
                for verdict in run.verdicts(in: analysis) {
                    cases.append(JUnitReport.Case(scenario: scenario.name, seed: seed, verdict: verdict))
                    if !quiet || !verdict.passed {
                        rows.append([verdict.passed ? "ok" : "FAIL", scenario.name, "\(seed)", verdict.expectation.label,
                                     verdict.expectation.boundText, verdict.measuredText])
                    }
                }
            }
        }
        if !rows.isEmpty { console.out(table(header: ["", "scenario", "seed", "figure", "bound", "measured"], rows: rows)) }
        let failed = cases.filter { !$0.verdict.passed }.count
        console.out("\(cases.count - failed) of \(cases.count) expectations held")
        if let junitPath {
            do {
                try Data(JUnitReport.xml(cases, seedsPerScenario: seeds).utf8).write(to: URL(fileURLWithPath: junitPath))
            } catch {
                console.err("faultsim check: cannot write \(junitPath): \((error as NSError).localizedDescription)")
                return ExitCode.usage
            }
        }
        if limitHit { return ExitCode.limitHit }
        return failed > 0 ? ExitCode.expectationFailed : ExitCode.ok
    }

    /// A plain aligned text table.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset] + 2) }.joined().trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
