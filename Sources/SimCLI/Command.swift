/// One `faultsim` subcommand.
protocol Command: Sendable {
    /// The word after `faultsim`.
    static var name: String { get }
    /// One line for `faultsim --help`.
    static var summary: String { get }
    /// The full `faultsim NAME --help` text: synopsis, options, examples.
    static var usage: String { get }
    /// Runs with the arguments after the subcommand; returns the exit status.
    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32
}
