import Scenarios

/// `faultsim validate FILE...`: checks scenario files without running them.
enum ValidateCommand: Command {
    static let name = "validate"
    static let summary = "check scenario files (all errors, with file:line:column and the field path)"
    static let usage = """
        Usage: faultsim validate FILE|NAME... [--set path=value ...]

        Checks each scenario and prints every problem as file:line:column: path: message.
        Exits 0 when all are valid, 2 otherwise. Nothing is run.

        Examples:
          faultsim validate scenarios/*.json5
          faultsim validate my.json5 --set services.api.instances=3
        """

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        let overrides = try ScenarioSource.overrides(&arguments)
        let files = try arguments.finish(maxPositionals: Int.max)
        guard !files.isEmpty else { throw UsageError(message: "give at least one scenario file or built-in name") }
        var status = ExitCode.ok
        for file in files {
            do {
                let (scenario, source) = try ScenarioSource.load(file, overrides: overrides)
                console.out("ok: \(source) (\(scenario.name))")
            } catch let error as ScenarioLoadError {
                console.err(error.description)
                status = ExitCode.usage
            }
        }
        return status
    }
}
