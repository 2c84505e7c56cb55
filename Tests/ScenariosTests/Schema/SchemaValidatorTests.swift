import Testing
@testable import Scenarios

/// The validator on small hand-written schemas: each keyword it supports, and
/// the schemas it refuses to load.
@Suite struct SchemaValidatorTests {
    func violations(_ schema: String, _ document: String) throws -> [String] {
        try SchemaValidator(schema: JSON5Parser.parse(schema)).validate(JSON5Parser.parse(document)).map(\.description)
    }

    func loadError(_ schema: String) throws -> String? {
        do {
            _ = try SchemaValidator(schema: JSON5Parser.parse(schema))
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func typeListsAndIntegers() throws {
        let schema = #"{type: ["integer", "null"]}"#
        #expect(try violations(schema, "3") == [])
        #expect(try violations(schema, "3.0") == [])  // integer means no fraction, as in JSON Schema
        #expect(try violations(schema, "null") == [])
        #expect(try violations(schema, "3.5") == ["(root): expected an integer or null, got 3.5"])
        #expect(try violations(#"{type: "number"}"#, "NaN") == ["(root): expected a number, got NaN"])
        #expect(try violations(#"{type: "boolean"}"#, "[]") == ["(root): expected a boolean, got an array"])
    }

    @Test func minimumMaximumConstAndEnum() throws {
        #expect(try violations("{minimum: 1, maximum: 10}", "11") == ["(root): expected a number <= 10, got 11"])
        #expect(try violations("{minimum: 1, maximum: 10}", "0.5") == ["(root): expected a number >= 1, got 0.5"])
        #expect(try violations("{minimum: 1}", #""text""#) == [])  // only numbers are bounded
        #expect(try violations(#"{const: "a"}"#, #""b""#) == [#"(root): expected "a", got "b""#])
        #expect(try violations(#"{enum: ["red", "green"]}"#, #""gren""#) == [#"(root): expected one of red, green, got "gren" (did you mean "green"?)"#])
    }

    @Test func propertiesRequiredAndAdditionalProperties() throws {
        let closed = #"{type: "object", properties: {a: {type: "string"}}, required: ["a", "b"], additionalProperties: false}"#
        #expect(try violations(closed, "{a: 1, colour: 2}") == [
            "a: expected a string, got 1",
            #"colour: unknown field "colour""#,
            #"(root): missing required field "b""#,
        ])
        let typed = #"{properties: {a: true}, additionalProperties: {type: "integer"}}"#
        #expect(try violations(typed, "{a: 'x', b: 'y'}") == [#"b: expected an integer, got "y""#])
        #expect(try violations(#"{properties: {a: false}}"#, "{a: 1}") == ["a: not allowed here"])
    }

    @Test func itemsAndReferencesReportPathsAndDefinitionNames() throws {
        let schema = ##"{type: "array", items: {$ref: "#/$defs/Id"}, $defs: {Id: {type: "string", pattern: "^[a-z]+$"}}}"##
        #expect(try violations(schema, #"["ok", "Bad", 3]"#) == [
            #"[1]: expected a string matching ^[a-z]+$ (Id), got "Bad""#,
            "[2]: expected a string (Id), got 3",
        ])
        let recursive = ##"{type: "object", properties: {next: {$ref: "#"}}, additionalProperties: false}"##
        #expect(try violations(recursive, "{next: {next: {nxt: 1}}}") == [#"next.next.nxt: unknown field "nxt" (did you mean "next"?)"#])
    }

    @Test func oneOfNeedsExactlyOneAndAnyOfAtLeastOne() throws {
        let overlapping = #"{oneOf: [{type: "number"}, {type: "integer"}]}"#
        #expect(try violations(overlapping, "2.5") == [])
        #expect(try violations(overlapping, "2") == ["(root): matches 2 of the oneOf alternatives (#1, #2); expected exactly one"])
        #expect(try violations(#"{anyOf: [{type: "number"}, {type: "integer"}]}"#, "2") == [])
        #expect(try violations(#"{anyOf: [{type: "number"}, {type: "string"}]}"#, "true") == ["(root): expected a number or a string, got true"])
    }

    @Test func aFailedOneOfReportsTheBranchTheValueWasMeantFor() throws {
        let shapes = #"""
            {oneOf: [
              {type: "string"},
              {type: "object", properties: {kind: {const: "circle"}, radius: {type: "number"}}, required: ["kind", "radius"], additionalProperties: false},
              {type: "object", properties: {kind: {const: "square"}, side: {type: "number"}}, required: ["kind", "side"], additionalProperties: false},
            ]}
            """#
        #expect(try violations(shapes, "{kind: 'square', side: 'big'}") == [#"side: expected a number, got "big""#])
        #expect(try violations(shapes, "{kind: 'squre', side: 1}") == [#"kind: expected one of circle, square, got "squre" (did you mean "square"?)"#])
        #expect(try violations(shapes, "{kind: 'circle'}") == [#"(root): missing required field "radius""#])
        #expect(try violations(shapes, "7") == ["(root): expected a string or an object, got 7"])
    }

    @Test func schemasTheValidatorCannotHonourAreRefusedWhenLoaded() throws {
        #expect(try loadError(#"{type: "object", minProperties: 1}"#) == #"schema minProperties: unsupported keyword "minProperties""#)
        #expect(try loadError(##"{items: {$ref: "#/$defs/Missing"}}"##) == "schema items.$ref: cannot resolve #/$defs/Missing (only # and #/$defs/NAME are supported)")
        #expect(try loadError(#"{pattern: "\\w+"}"#) == #"schema pattern: unsupported escape \w at offset 2 in \w+"#)
        #expect(try loadError(#"{type: "float"}"#) == "schema type: expected a type name or a list of them")
        #expect(try loadError(#"{oneOf: []}"#) == "schema oneOf: expected a non-empty array of schemas")
        #expect(try loadError("3") == "schema (root): a schema is an object or a boolean")
        #expect(try loadError(#"{required: [1]}"#) == "schema required: expected an array of strings")
    }
}
