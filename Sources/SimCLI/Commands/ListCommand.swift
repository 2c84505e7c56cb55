import Scenarios

/// `faultsim list`: the built-in scenarios, one per line.
enum ListCommand: Command {
    static let name = "list"
    static let summary = "list the built-in scenarios"
    static let usage = """
        Usage: faultsim list

        Prints each built-in scenario's name and the first sentence of its description.
        Run one with `faultsim run NAME`; copy one with `faultsim show NAME > mine.json5`.
        """

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        _ = try arguments.finish(maxPositionals: 0)
        let entries = Catalog.entries
        let width = entries.map(\.name.count).max() ?? 0
        for entry in entries {
            let description = Catalog.description(of: entry)
            let firstSentence = description.split(separator: ".", maxSplits: 1).first.map(String.init) ?? description
            console.out(entry.name.padding(toLength: width + 2) + firstSentence.trimmingCharacters(in: .whitespaces))
        }
        return ExitCode.ok
    }
}
