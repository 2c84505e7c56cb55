import Policy
import Sim
import Testing
@testable import Scenarios

/// The generated schema: stable bytes, every field of the format, enums and
/// presets as the types list them, and only keywords our validator checks.
@Suite struct ScenarioSchemaTests {
    static let text = try! ScenarioSchema.text()

    @Test func theFirstLinesAreExactlyTheRootOfTheScenarioObject() {
        let head = Self.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).joined(separator: "\n")
        #expect(head == #"""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "FaultSim scenario",
              "description": "A FaultSim scenario file (JSON5, schemaVersion 1). Fields left out take their defaults: `faultsim show NAME --resolved` prints them. Durations are strings with units (\"250ms\") or numbers in `<field>Ms`, `<field>Seconds`...; `preset` starts a policy from a library's defaults.",
              "type": "object",
              "properties": {
                "schemaVersion": {
                  "description": "The format version this file was written for (this faultsim reads 1).",
            """#)
    }

    /// The bytes are pinned: a change to any scenario type changes them. If the
    /// format changed on purpose, update both numbers (the test prints the new ones).
    @Test func theBytesAreGolden() {
        #expect(Self.text.utf8.count == 126_920)
        #expect(StableHash.fnv1a(Self.text) == 16_124_674_651_884_358_113)
    }

    @Test func generatingAgainGivesTheSameBytesAndTheTextRoundTrips() throws {
        #expect(try ScenarioSchema.text() == Self.text)
        #expect(try JSON5Parser.parse(Self.text).json(indent: 2) == Self.text)
        #expect(!Self.text.hasSuffix("\n"))
    }

    @Test func everyTopLevelScenarioFieldIsAPropertyInDeclarationOrder() throws {
        let fields = try #require(try JSONValueEncoder.encode(Scenario.defaultValue).objectMembers).map(\.key)
        #expect(fields == ["schemaVersion", "name", "description", "seed", "duration", "window", "services", "clients",
                           "edges", "network", "faults", "limits", "controllers", "slo", "expect"])
        let properties = try #require(SchemaFixture.document["properties"]?.objectMembers).map(\.key)
        #expect(Array(properties.prefix(fields.count)) == fields)
        // Then the unit aliases of the two durations, and nothing else.
        #expect(properties.dropFirst(fields.count).joined(separator: " ") ==
                "durationNs durationUs durationMs durationSeconds durationMinutes windowNs windowUs windowMs windowSeconds windowMinutes")
        #expect(SchemaFixture.document["additionalProperties"] == false)
    }

    @Test func everyFieldTheEncoderWritesIsAPropertyOfItsDefinition() throws {
        let types: [(String, any SpecDefaults.Type)] = [
            ("ServiceSpec", ServiceSpec.self), ("ClientSpec", ClientSpec.self), ("EdgeSpec", EdgeSpec.self),
            ("FaultSpec", FaultSpec.self), ("NetworkSpec", NetworkSpec.self), ("LimitsSpec", LimitsSpec.self),
            ("RateSchedule", RateSchedule.self), ("ClientPipelineConfig", ClientPipelineConfig.self),
            ("RetryConfig", RetryConfig.self), ("CircuitBreakerConfig", CircuitBreakerConfig.self),
            ("OutlierDetectionConfig", OutlierDetectionConfig.self), ("LoadShedderConfig", LoadShedderConfig.self),
        ]
        for (name, type) in types {
            let encoded = try #require(try JSONValueEncoder.encode(type.defaultValueForDecoding).objectMembers).map(\.key)
            let properties = try #require(definition(name)["properties"]?.objectMembers).map(\.key)
            #expect(encoded.allSatisfy(properties.contains), "\(name)")
        }
        // Optionals the default leaves out are there too.
        let service = try #require(definition("ServiceSpec")["properties"]?.objectMembers).map(\.key)
        #expect(["split", "cache", "queue"].allSatisfy(service.contains))
    }

    @Test func enumsListTheirCaseNamesAndPresetsTheLibrariesThatHaveOne() throws {
        #expect(definition("QueueDiscipline") == ["type": "string", "enum": ["fifo", "lifo"]])
        #expect(definition("FaultSpec.Kind")["enum"]?.arrayValue?.compactMap(\.stringValue) == FaultSpec.Kind.caseNames)
        #expect(definition("OutcomeClassSet") == ["type": "array", "items": ["$ref": "#/$defs/OutcomeClass"]])
        let retryPresets = definition("RetryConfig")["properties"]?["preset"]?["enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(retryPresets == RetryConfig.presetNames)
        #expect(retryPresets == ["resilience4j", "polly-v8", "envoy", "grpc", "aws-standard", "aws-2026", "google-sre"])
        // Not a preset-capable type: no `preset`.
        #expect(definition("ServiceSpec")["properties"]?["preset"] == nil)
    }

    @Test func durationsGetUnitAliasesWhereTheDefaultIsAString() throws {
        let client = try #require(definition("ClientSpec")["properties"])
        #expect(client["deadlineMs"] == ["description": "`deadline` as a number of milliseconds (`deadlineMs: 5` is `deadline: \"5ms\"`)", "type": "number"])
        #expect(client["thinkTimeSeconds"]?["type"] == "number")  // a constant distribution by default
        let service = try #require(definition("ServiceSpec")["properties"])
        #expect(service["startupTimeMinutes"]?["type"] == "number")
        #expect(service["serviceTimeMs"] == nil)  // lognormal by default: the decoder takes no alias
        // Elements without a default of their own take none either.
        #expect(definition("RateSchedule.Point")["properties"]?["atMs"] == nil)
    }

    @Test func distributionsAreABareDurationOrOneObjectPerKind() throws {
        let branches = try #require(definition("DurationDistributionSpec")["oneOf"]?.arrayValue)
        #expect(branches.count == 1 + DurationDistributionSpec.Kind.allCases.count)
        #expect(branches[0] == ["$ref": "#/$defs/Duration"])
        #expect(branches[5].json(indent: 0) == ##"{"description":"kind \"lognormal\"","type":"object","properties":{"kind":{"const":"lognormal"},"median":{"$ref":"#/$defs/Duration"},"p99":{"$ref":"#/$defs/Duration"}},"required":["kind","median","p99"],"additionalProperties":false}"##)
        let steps = try #require(definition("CallStepSpec")["oneOf"]?.arrayValue)
        #expect(steps.map { $0.json(indent: 0) } == [
            ##"{"$ref":"#/$defs/CallSpec"}"##,
            ##"{"type":"object","properties":{"parallel":{"type":"array","items":{"$ref":"#/$defs/CallSpec"}}},"required":["parallel"],"additionalProperties":false}"##,
        ])
    }

    @Test func everyObjectDefinitionRejectsUnknownFields() throws {
        let definitions = try #require(SchemaFixture.document["$defs"]?.objectMembers)
        let names = definitions.map(\.key)
        #expect(names == names.sorted())
        for definition in definitions where definition.value["type"] == "object" {
            #expect(definition.value["additionalProperties"] == false, "\(definition.key)")
        }
    }

    @Test func everyDescriptionInTheTableIsUsed() {
        let text = Self.text
        for entry in SchemaDescriptions.entries {
            #expect(text.contains("\"description\": \(JSONValue.string(entry.text).json())"), "\(entry.name)")
        }
        #expect(SchemaDescriptions.byName.count == SchemaDescriptions.entries.count)
    }

    func definition(_ name: String) -> JSONValue {
        SchemaFixture.document["$defs"]?[name] ?? .null()
    }
}
