import Foundation
import Scenarios
import Testing
@testable import SimCLI

/// `faultsim schema`: prints (or writes) the generated schema; every built-in,
/// as `faultsim show --resolved` prints it, conforms to it.
@Suite struct SchemaCommandTests {
    @Test func printsTheSchemaAsStrictJSONAndExitsZero() throws {
        let result = faultsim("schema")
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(result.out == (try ScenarioSchema.text()) + "\n")
        let parsed = try JSON5Parser.parse(result.out)
        #expect(parsed["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(parsed["properties"]?["services"]?["items"] == ["$ref": "#/$defs/ServiceSpec"])
        // Strict JSON: every key quoted, so tools other than ours read it.
        #expect(result.out.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": \"FaultSim scenario\",\n"))
    }

    @Test func outWritesTheSameBytesToAFileAndPrintsNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faultsim-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("faultsim.schema.json").path
        let result = faultsim("schema", "--out", file)
        #expect(result.status == 0)
        #expect(result.out.isEmpty && result.err.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == faultsim("schema").out)
        let again = faultsim("schema", "--out=\(file)")
        #expect(again.status == 0)
    }

    @Test func anUnwritableOutIsOneLineAndExitTwo() {
        let result = faultsim("schema", "--out", "/nonexistent-faultsim-dir/x/schema.json")
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("faultsim schema: cannot write /nonexistent-faultsim-dir/x/schema.json: "))
        #expect(result.err.filter { $0 == "\n" }.count == 1)
    }

    @Test func badOptionsAreAOneLineUsageErrorWithExitTwo() {
        let unknown = faultsim("schema", "--pretty")
        #expect(unknown.status == 2)
        #expect(unknown.out.isEmpty)
        #expect(unknown.err.hasPrefix("faultsim schema: unknown option --pretty\nUsage: faultsim schema [--out FILE]\n"))
        #expect(faultsim("schema", "extra").err.hasPrefix("faultsim schema: unexpected argument \"extra\"\n"))
        #expect(faultsim("schema", "--out").err.hasPrefix("faultsim schema: --out needs a value\n"))
        #expect(faultsim("schema", "--out", "a", "--out", "b").err.hasPrefix("faultsim schema: --out given more than once\n"))
    }

    @Test func helpShowsUsageAndExamplesAndTheCommandIsListed() {
        let help = faultsim("schema", "--help")
        #expect(help.status == 0)
        #expect(help.out.hasPrefix("Usage: faultsim schema [--out FILE]\n"))
        #expect(help.out.contains("Examples:\n  faultsim schema > faultsim.schema.json\n  faultsim schema --out .vscode/faultsim.schema.json"))
        #expect(faultsim("--help").out.contains("  schema    print the JSON Schema of scenario files (for editors)\n"))
    }

    @Test func everyBuiltinAsShowPrintsItConformsToTheSchema() throws {
        let validator = try SchemaValidator(schema: JSON5Parser.parse(faultsim("schema").out))
        for entry in Catalog.entries {
            for arguments in [["show", entry.name], ["show", entry.name, "--resolved"]] {
                let shown = faultsim(arguments)
                #expect(shown.status == 0)
                let violations = validator.validate(try JSON5Parser.parse(shown.out)).map(\.description)
                #expect(violations == [], "\(arguments.joined(separator: " "))")
            }
        }
    }
}
