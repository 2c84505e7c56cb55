import Foundation
import Scenarios

/// `faultsim schema [--out FILE]`: the JSON Schema of scenario files.
enum SchemaCommand: Command {
    static let name = "schema"
    static let summary = "print the JSON Schema of scenario files (for editors)"
    static let usage = """
        Usage: faultsim schema [--out FILE]

        Prints the JSON Schema (draft 2020-12) of scenario files. It is derived
        from the types the simulator decodes, so it always matches this faultsim:
        point your editor's JSON-schema setting at it for *.json5 scenario files
        to complete field names and check types, units and names as you type.
        With --out, writes it to FILE (replaced whole) instead of printing it.

        The schema checks each field on its own; `faultsim validate` also checks
        what a schema cannot: references between fields, cycles, split weights,
        limits and value ranges.

        Examples:
          faultsim schema > faultsim.schema.json
          faultsim schema --out .vscode/faultsim.schema.json
        """

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        let out = try arguments.option("--out")
        _ = try arguments.finish(maxPositionals: 0)
        let text: String
        do {
            text = try ScenarioSchema.text()
        } catch {
            console.err("faultsim schema: \(error)")
            return ExitCode.usage
        }
        guard let out else {
            console.out(text)
            return ExitCode.ok
        }
        do {
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            console.err("faultsim schema: cannot write \(out): \((error as NSError).localizedDescription)")
            return ExitCode.usage
        }
        return ExitCode.ok
    }
}
