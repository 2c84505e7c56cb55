/// The `faultsim` command line: dispatch, help, version and error handling.
enum FaultSimCLI {
    static let version = "0.1.0"

    /// Every subcommand, in the order `--help` lists them.
    static let commands: [any Command.Type] = [
        RunCommand.self,
        CheckCommand.self,
        ValidateCommand.self,
        ListCommand.self,
        ShowCommand.self,
        BenchCommand.self,
        SchemaCommand.self,
        CompareCommand.self,
    ]

    static var usage: String {
        let width = commands.map { $0.name.count }.max() ?? 0
        let lines = commands.map { "  " + $0.name.padding(toLength: width + 2) + $0.summary }
        return """
        faultsim \(version): deterministic simulation of service-resilience policy

        Usage: faultsim <command> [options]

        Commands:
        \(lines.joined(separator: "\n"))

        Options:
          --help       show this help (or `faultsim <command> --help`)
          --version    print the version

        Exit status: 0 ok, 1 expectation failed, 2 usage or input error, 3 a run limit stopped a simulation,
        4 run --check-determinism found a difference.
        """
    }

    /// Runs the CLI and returns the exit status. Never traps on user input.
    static func main(arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.err(usage)
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h", "help":
            console.out(usage)
            return ExitCode.ok
        case "--version":
            console.out("faultsim \(version)")
            return ExitCode.ok
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            console.err("faultsim: unknown command \"\(first)\"")
            console.err(usage)
            return ExitCode.usage
        }
        var rest = Arguments(Array(arguments.dropFirst()))
        if rest.flag("--help") || rest.flag("-h") {
            console.out(command.usage)
            return ExitCode.ok
        }
        do {
            return try command.run(&rest, console: console)
        } catch let error as UsageError {
            console.err("faultsim \(command.name): \(error.message)")
            console.err(command.usage)
            return ExitCode.usage
        } catch {
            console.err("faultsim \(command.name): \(error)")
            return ExitCode.usage
        }
    }
}

extension String {
    /// Pads with spaces on the right to `length` characters (never truncates).
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
