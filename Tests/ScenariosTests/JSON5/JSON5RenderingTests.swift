import Testing
@testable import Scenarios

/// Rendering is exact bytes: members in stored order, 2-space indent by
/// default, number source text kept (JSON5) or normalised (JSON).
@Suite struct JSON5RenderingTests {
    static let source = """
    // a scenario fragment
    {
      name: 'api',
      "odd key": [1, +2, 0x1F, .5, 5., 1e3, -Infinity, NaN],
      nested: {empty: {}, list: [], deep: [[true, null]]},
      text: 'tab\\there "quoted" \\\\ \\u2028 \\x01 é🎼',
    }
    """

    @Test func json5KeepsSourceNumbersAndUnquotesIdentifierKeys() throws {
        let value = try JSON5Parser.parse(Self.source)
        #expect(value.json5() == #"""
        {
          name: "api",
          "odd key": [
            1,
            +2,
            0x1F,
            .5,
            5.,
            1e3,
            -Infinity,
            NaN
          ],
          nested: {
            empty: {},
            list: [],
            deep: [
              [
                true,
                null
              ]
            ]
          },
          text: "tab\there \"quoted\" \\ \u2028 \u0001 é🎼"
        }
        """#)
    }

    @Test func jsonQuotesEveryKeyAndNormalisesNumbers() throws {
        let value = try JSON5Parser.parse(Self.source)
        #expect(value.json(indent: 0) == #"{"name":"api","odd key":[1,2,31,0.5,5,1e3,null,null],"nested":{"empty":{},"list":[],"deep":[[true,null]]},"text":"tab\there \"quoted\" \\ \u2028 \u0001 é🎼"}"#)
        #expect(value.json5(indent: 0) == #"{name:"api","odd key":[1,+2,0x1F,.5,5.,1e3,-Infinity,NaN],nested:{empty:{},list:[],deep:[[true,null]]},text:"tab\there \"quoted\" \\ \u2028 \u0001 é🎼"}"#)
    }

    @Test func indentWidthIsConfigurable() {
        let value: JSONValue = ["a": [1]]
        #expect(value.json5(indent: 4) == "{\n    a: [\n        1\n    ]\n}")
        #expect(value.json(indent: 1) == "{\n \"a\": [\n  1\n ]\n}")
    }

    static let jsonNumbers: [(json5: String, json: String)] = [
        ("0", "0"), ("-0", "-0"), ("+1", "1"), ("1.5", "1.5"), (".5", "0.5"), ("-.5", "-0.5"), ("+.5", "0.5"),
        ("5.", "5"), ("-5.", "-5"), ("5.e3", "5e3"), ("5.E-3", "5E-3"), ("1E+3", "1E+3"), ("0x1F", "31"),
        ("-0x10", "-16"), ("-0x0", "-0"), ("+0XfF", "255"), ("-0x8000000000000000", "-9223372036854775808"),
        ("0xFFFFFFFFFFFFFFFFFFFF", "1.2089258196146292e+24"), ("1e400", "null"), ("Infinity", "null"), ("-NaN", "null"),
    ]

    @Test(arguments: jsonNumbers)
    func jsonNumberSpelling(_ json5: String, _ json: String) throws {
        let number = try #require(try JSON5Parser.parse(json5).numberValue)
        #expect(JSONRenderer.jsonText(for: number) == json)
        #expect(JSONValue.number(number).json5() == json5)
    }

    @Test func stringsEscapeQuotesBackslashesControlsAndSeparators() {
        let value: JSONValue = "\"\\\u{08}\u{0C}\n\r\t\u{00}\u{0B}\u{1F}\u{2028}\u{2029}\u{7F}'/é"
        #expect(value.json5() == #""\"\\\b\f\n\r\t\u0000\u000b\u001f\u2028\u2029"# + "\u{7F}'/é\"")
    }

    @Test func keysThatAreNotPlainIdentifiersAreQuotedInJSON5() {
        let value: JSONValue = ["a": 1, "$_9": 2, "9a": 3, "a-b": 4, "": 5, "é": 6, "null": 7]
        #expect(value.json5(indent: 0) == #"{a:1,$_9:2,"9a":3,"a-b":4,"":5,"é":6,null:7}"#)
    }

    @Test func renderingIsDeterministicAcrossCalls() throws {
        let value = try JSON5Parser.parse(Self.source)
        let first = value.json5()
        for _ in 0 ..< 10 {
            #expect(value.json5() == first)
        }
    }
}
