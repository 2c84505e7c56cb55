import Foundation
import Testing
@testable import Scenarios

/// Every scenario we ship conforms to the schema `faultsim schema` prints,
/// as written and fully resolved (what `faultsim show NAME --resolved` prints).
@Suite struct BuiltinSchemaTests {
    @Test func everyCatalogEntryValidatesWithZeroViolations() throws {
        let entries = Catalog.entries
        #expect(!entries.isEmpty)
        for entry in entries {
            #expect(try SchemaFixture.violations(entry.text) == [], "\(entry.name)")
        }
    }

    @Test func everyFileInScenariosValidatesWithZeroViolations() throws {
        let files = try SchemaFixture.scenarioFiles()
        // The catalog embeds exactly these files.
        #expect(files.map { $0.deletingPathExtension().lastPathComponent } == Catalog.entries.map(\.name))
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(try SchemaFixture.violations(text) == [], "\(file.lastPathComponent)")
        }
    }

    @Test func everyResolvedBuiltinValidatesWithZeroViolations() throws {
        for entry in Catalog.entries {
            let scenario = try #require(try Catalog.load(named: entry.name))
            let resolved = try JSONValueEncoder.encode(scenario)
            #expect(SchemaFixture.validator.validate(resolved).map(\.description) == [], "\(entry.name)")
        }
    }

    @Test func theResolvedDefaultScenarioValidates() throws {
        // Every default of every type, including the ones no built-in changes.
        let resolved = try JSONValueEncoder.encode(Scenario.defaultValue)
        #expect(SchemaFixture.validator.validate(resolved).map(\.description) == [])
    }
}
