/// The JSON Schema (draft 2020-12) of scenario files, derived from the Swift
/// types the decoder reads (see `SchemaBuilder`), for editors to complete and
/// check files and for `faultsim schema` to print.
///
/// The root is the `Scenario` object; every other named type is in `$defs`,
/// sorted by name, so the output is the same bytes on every run.
///
/// What the schema cannot say (the decoder and `ScenarioValidator` still
/// check it): references between fields (call targets, fault targets, edge
/// ends), dependency cycles, split weights summing to 100, a duration's range
/// and whole-nanosecond precision, giving both `timeout` and `timeoutMs`,
/// partial distribution objects merged over the default (the schema asks for
/// `kind` and all its fields), and the fields a given `kind` actually uses.
public enum ScenarioSchema {
    /// The dialect the document declares.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema as a document.
    public static func document() throws -> JSONValue {
        let builder = SchemaBuilder()
        let (root, _) = try builder.describe(Scenario.self, sample: nil, key: nil)
        let rootName = SchemaBuilder.name(of: Scenario.self)
        guard root == SchemaBuilder.reference(rootName), let scenario = builder.definitions[rootName]?.objectMembers else {
            throw SchemaBuilder.Failure(message: "Scenario did not record as an object")
        }
        var members: [JSONMember] = [
            JSONMember(key: "$schema", value: .string(dialect)),
            JSONMember(key: "title", value: "FaultSim scenario"),
        ]
        if scenario.first?.key != "description" {
            members.append(JSONMember(key: "description", value: .string(
                "A FaultSim scenario file (JSON5, schemaVersion \(ScenarioFormat.schemaVersion)). Fields left out take their defaults: "
                + "`faultsim show NAME --resolved` prints them. Durations are strings with units (\"250ms\") "
                + "or numbers in `<field>Ms`, `<field>Seconds`...; `preset` starts a policy from a library's defaults.")))
        }
        members += scenario
        let names = builder.definitions.keys.filter { $0 != rootName }.sorted()
        let definitions = names.compactMap { name in builder.definitions[name].map { JSONMember(key: name, value: $0) } }
        members.append(JSONMember(key: "$defs", value: .object(definitions)))
        return .object(members)
    }

    /// The schema as strict JSON text: 2-space indent, no final newline.
    public static func text() throws -> String {
        try document().json(indent: 2)
    }
}
