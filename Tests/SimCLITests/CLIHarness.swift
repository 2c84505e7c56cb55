@testable import SimCLI

/// Runs `faultsim` in-process and captures what it printed.
struct CLIResult {
    var status: Int32
    var out: String
    var err: String
}

func faultsim(_ arguments: String...) -> CLIResult {
    faultsim(arguments)
}

func faultsim(_ arguments: [String]) -> CLIResult {
    let (console, captured) = Console.capturing()
    let status = FaultSimCLI.main(arguments: arguments, console: console)
    return CLIResult(status: status, out: captured.out, err: captured.err)
}
