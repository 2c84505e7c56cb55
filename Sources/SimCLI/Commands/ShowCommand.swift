import Scenarios
import Sim

/// `faultsim show NAME [--resolved]`: prints a built-in scenario.
enum ShowCommand: Command {
    static let name = "show"
    static let summary = "print a built-in scenario (with --resolved: every default filled in)"
    static let usage = """
        Usage: faultsim show NAME|FILE [--resolved] [--set path=value ...]

        Prints the scenario as written. With --resolved, prints it after defaults,
        presets and overrides are applied: every field the simulator will use, so
        nothing is magic.

        Examples:
          faultsim show retry-storm > my-scenario.json5
          faultsim show retry-storm --resolved
        """

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        let resolved = arguments.flag("--resolved")
        let overrides = try ScenarioSource.overrides(&arguments)
        let names = try arguments.finish(maxPositionals: 1)
        guard let name = names.first else { throw UsageError(message: "give a built-in scenario name or a file") }
        if !resolved && overrides.isEmpty, let entry = Catalog.entry(named: name) {
            console.out(entry.text)
            return ExitCode.ok
        }
        do {
            let (scenario, _) = try ScenarioSource.load(name, overrides: overrides)
            console.out(try JSONValueEncoder.encode(scenario).json5())
            return ExitCode.ok
        } catch let error as ScenarioLoadError {
            console.err(error.description)
            return ExitCode.usage
        }
    }
}
