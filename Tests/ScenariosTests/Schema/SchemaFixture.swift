import Foundation
@testable import Scenarios

/// The generated schema and a validator for it, built once for all schema tests.
enum SchemaFixture {
    static let document: JSONValue = try! ScenarioSchema.document()
    static let validator: SchemaValidator = try! SchemaValidator(schema: document)

    /// `path: message` lines for a JSON5 text checked against the schema.
    static func violations(_ text: String) throws -> [String] {
        validator.validate(try JSON5Parser.parse(text)).map(\.description)
    }

    /// The `scenarios/` directory of the repository, found from this file.
    static let scenariosDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    /// Every `.json5` file in `scenarios/`, sorted by name.
    static func scenarioFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: scenariosDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json5" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
