import Testing
@testable import Scenarios

/// Typed accessors return the value for the right kind and `nil` otherwise.
@Suite struct JSON5AccessorTests {
    static let document = """
    {n: null, b: true, i: 42, d: 2.5, s: 'x', a: [1, 2], o: {k: 'v'}}
    """

    @Test func accessorsMatchTheirKind() throws {
        let value = try JSON5Parser.parse(Self.document)
        #expect(value.kind == .object)
        #expect(value["n"]?.isNull == true)
        #expect(value["b"]?.boolValue == true)
        #expect(value["i"]?.int64Value == 42)
        #expect(value["i"]?.doubleValue == 42)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["d"]?.int64Value == nil)
        #expect(value["d"]?.numberValue?.text == "2.5")
        #expect(value["s"]?.stringValue == "x")
        #expect(value["a"]?.arrayValue?.count == 2)
        #expect(value["a"]?[1] == 2)
        #expect(value["a"]?[2] == nil)
        #expect(value["a"]?[-1] == nil)
        #expect(value["o"]?.objectMembers?.map(\.key) == ["k"])
        #expect(value.member(named: "o")?.keyPosition == SourcePosition(line: 1, column: 54, offset: 53))
    }

    @Test func accessorsOfTheWrongKindAreNil() throws {
        let value = try JSON5Parser.parse(Self.document)
        #expect(value["s"]?.boolValue == nil)
        #expect(value["s"]?.numberValue == nil)
        #expect(value["s"]?.arrayValue == nil)
        #expect(value["s"]?.objectMembers == nil)
        #expect(value["b"]?.stringValue == nil)
        #expect(value["n"]?.isNull == true && value["b"]?.isNull == false)
        #expect(value["s"]?["k"] == nil)
        #expect(value[0] == nil)
        #expect(value.member(named: "missing") == nil)
    }

    @Test func kindsNameThemselvesWithArticles() throws {
        let value = try JSON5Parser.parse(Self.document)
        let kinds = try #require(value.objectMembers).map(\.value.kind)
        #expect(kinds == [.null, .boolean, .number, .number, .string, .array, .object])
        #expect(kinds.map(\.withArticle) == ["null", "a boolean", "a number", "a number", "a string", "an array", "an object"])
    }

    @Test func memberLookupIsByExactScalars() throws {
        let value = try JSON5Parser.parse("{'\\u00e9': 1, 'e\\u0301': 2}")
        #expect(value["\u{00E9}"] == 1)
        #expect(value["e\u{0301}"] == 2)
        // Swift's String == says these are equal; JSON says they are different.
        #expect("\u{00E9}" == "e\u{0301}")
        #expect(JSONValue.string("\u{00E9}") != JSONValue.string("e\u{0301}"))
    }

    @Test func literalsBuildValuesInWrittenOrder() {
        let value: JSONValue = ["z": 1, "a": [true, 2.5, "s"], "m": .null()]
        #expect(value.objectMembers?.map(\.key) == ["z", "a", "m"])
        #expect(value.json5(indent: 0) == #"{z:1,a:[true,2.5,"s"],m:null}"#)
    }
}
