import Sim
import Testing
@testable import Scenarios

/// Small types for the recorder; internal in a namespace so their `$defs` names are plain.
enum SchemaBuilderFixtures {
    enum Shade: String, Codable, CaseIterable, SpecEnum { case light, dark }
    enum Colour: String, Codable { case red }

    struct Swatch: PresetSpec, Equatable {
        var name = "x"
        var shade = Shade.light
        var fade: Nanoseconds = .seconds(1)
        var rateRps = 10.0
        var tags: [String] = []
        var count: Int? = nil
        var seed: UInt64 = 1
        static let defaultValue = Swatch()
        static func preset(named name: String) -> Swatch? { name == "bold" ? Swatch(shade: .dark) : nil }
        static let presetNames = ["bold"]
    }

    struct Tile: Codable { var swatch: Swatch; var at: Nanoseconds }
    struct Painted: SpecDefaults { var colour = Colour.red; static let defaultValue = Painted() }
    // Not SpecDefaults: JSONValueEncoder recurses without end on a Float (reported to the lead).
    struct Floaty: Codable { var level: Float }
}

/// The recorder on small types, where the whole output can be pinned.
@Suite struct SchemaBuilderTests {
    typealias Swatch = SchemaBuilderFixtures.Swatch
    typealias Shade = SchemaBuilderFixtures.Shade
    typealias Tile = SchemaBuilderFixtures.Tile
    typealias Painted = SchemaBuilderFixtures.Painted
    typealias Floaty = SchemaBuilderFixtures.Floaty

    @Test func aSpecDefaultsTypeRecordsEveryFieldOptionalWithPresetAndAliases() throws {
        let builder = SchemaBuilder()
        let (schema, _) = try builder.describe(Swatch.self, sample: nil, key: nil)
        #expect(schema == ["$ref": "#/$defs/SchemaBuilderFixtures.Swatch"])
        let swatch = try #require(builder.definitions["SchemaBuilderFixtures.Swatch"])
        let properties = try #require(swatch["properties"]?.objectMembers)
        #expect(properties.map(\.key) == ["preset", "name", "shade", "fade", "rateRps", "tags", "count", "seed",
                                          "fadeNs", "fadeUs", "fadeMs", "fadeSeconds", "fadeMinutes"])
        #expect(swatch["properties"]?["preset"]?["enum"] == ["bold"])
        #expect(swatch["properties"]?["shade"] == ["$ref": "#/$defs/SchemaBuilderFixtures.Shade"])
        #expect(swatch["properties"]?["rateRps"] == ["$ref": "#/$defs/Rate"])
        #expect(swatch["properties"]?["tags"] == ["type": "array", "items": ["type": "string"]])
        #expect(swatch["properties"]?["count"] == ["anyOf": [["type": "integer"], ["type": "null"]]])
        #expect(swatch["properties"]?["seed"] == ["type": "integer", "minimum": 0])
        #expect(swatch["required"] == nil)
        #expect(swatch["additionalProperties"] == false)
        #expect(builder.definitions["SchemaBuilderFixtures.Shade"] == ["type": "string", "enum": ["light", "dark"]])
    }

    @Test func aPlainCodableTypeRequiresWhatItDecodes() throws {
        let builder = SchemaBuilder()
        _ = try builder.describe(Tile.self, sample: nil, key: nil)
        let tile = try #require(builder.definitions["SchemaBuilderFixtures.Tile"])
        #expect(tile["required"] == ["swatch", "at"])
        // No default beneath: no unit aliases.
        #expect(tile["properties"]?.objectMembers?.map(\.key) == ["swatch", "at"])
    }

    @Test func aStringEnumWithoutSpecEnumIsAGeneratorFailureNotAPlainString() {
        #expect(throws: SchemaBuilder.Failure.self) { try SchemaBuilder().describe(Painted.self, sample: nil, key: nil) }
        do {
            _ = try SchemaBuilder().describe(Painted.self, sample: nil, key: nil)
        } catch {
            #expect("\(error)".contains("needs SpecEnum conformance"))
        }
    }

    @Test func aPrimitiveTheDecoderCannotReadIsAGeneratorFailure() {
        #expect(throws: SchemaBuilder.Failure(message: "Float is not read by the scenario decoder (Primitive.swift)")) {
            try SchemaBuilder().describe(Floaty.self, sample: nil, key: nil)
        }
    }
}
