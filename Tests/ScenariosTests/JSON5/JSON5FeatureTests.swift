import Testing
@testable import Scenarios

/// Every JSON5 feature of https://spec.json5.org (1.0.0), each pinned to the
/// exact value it parses to. Spec sections checked: Objects, Arrays, Strings,
/// Escapes, Numbers, Comments, White Space, and the spec's "Short Example".
@Suite struct JSON5FeatureTests {
    static let documents: [(source: String, expected: JSONValue)] = [
        // Plain JSON stays JSON.
        (#"{"a": [1, "x", true, false, null]}"#, ["a": [1, "x", true, false, .null()]]),
        ("[]", []),
        ("{}", [:]),
        // Objects: unquoted keys (ECMAScript IdentifierName), quoted keys, trailing comma.
        ("{a: 1, $b: 2, _c: 3, d4: 4}", ["a": 1, "$b": 2, "_c": 3, "d4": 4]),
        ("{'single': 1, \"double\": 2,}", ["single": 1, "double": 2]),
        ("{null: 1, true: 2, Infinity: 3, NaN: 4}", ["null": 1, "true": 2, "Infinity": 3, "NaN": 4]),
        ("{é: 1, 名前: 2, 𝒜: 3}", ["é": 1, "名前": 2, "𝒜": 3]),
        ("{a\u{0301}b: 1, x\u{200C}y: 2, a_1: 3}", ["a\u{0301}b": 1, "x\u{200C}y": 2, "a_1": 3]),
        ("{\\u0061b: 1, a\\u0062c: 2}", ["ab": 1, "abc": 2]),
        ("{'': 1, 'a b': 2}", ["": 1, "a b": 2]),
        // Arrays: trailing comma, nesting, mixed kinds.
        ("[1, true, 'three',]", [1, true, "three"]),
        ("[[1, true, 'three'], [4, \"five\", 0x6]]", [[1, true, "three"], [4, "five", 6]]),
        ("[{}, [], [[]]]", [[:], [], [[]]]),
        // Strings: single quotes, the other quote unescaped inside.
        ("'I can use \"double quotes\" here'", "I can use \"double quotes\" here"),
        ("\"it's\"", "it's"),
        // Escapes: the single-character table.
        (#"'\' \" \\ \b \f \n \r \t \v \0'"#, "' \" \\ \u{08} \u{0C} \n \r \t \u{0B} \u{00}"),
        // Any other character escapes to itself (spec: '\A\C\/\D\C' is 'AC/DC').
        (#"'\A\C\/\D\C'"#, "AC/DC"),
        (#"'\é'"#, "é"),
        // Hex and Unicode escapes, including a surrogate pair (spec example U+1F3BC).
        (#"'\x5C \u005C \x41\u0042'"#, "\\ \\ AB"),
        (#"'\uD83C\uDFBC'"#, "🎼"),
        (#"'\u00e9 \u00E9'"#, "é é"),
        (#"'\0x'"#, "\u{00}x"),
        // Line continuations: backslash + LF, CR, CR LF, U+2028, U+2029 all vanish.
        ("'Look, Mom!\\\nNo \\\\n\\'s!'", "Look, Mom!No \\n's!"),
        ("'a\\\rb\\\r\nc\\\u{2028}d\\\u{2029}e'", "abcde"),
        // U+2028 and U+2029 may appear raw in strings.
        ("'a\u{2028}b\u{2029}c'", "a\u{2028}b\u{2029}c"),
        // Other non-control characters, DEL included, are fine raw.
        ("'\u{7F}é🎼'", "\u{7F}é🎼"),
        // Comments anywhere between tokens.
        ("// line comment\n{/* a */ a /* b */: /* c */ 1 /* d */, // e\n b: 2 /* f */} // end", ["a": 1, "b": 2]),
        ("/* multi-\n   line */ [1]", [1]),
        ("[1 /* not /* nested */]", [1]),
        ("1 // comment at end with no newline", 1),
        ("[1, /* before the trailing comma's closer */]", [1]),
        // White space: all of the spec table.
        ("\t\n\u{0B}\u{0C}\r \u{00A0}\u{2028}\u{2029}\u{FEFF}\u{1680}\u{2000}\u{3000}[\u{202F}1\u{205F}]\r\n", [1]),
        // Top-level scalars are documents too.
        ("null", .null()),
        ("true", true),
        ("'top'", "top"),
    ]

    @Test(arguments: 0 ..< documents.count)
    func parsesFeatureToExactValue(_ index: Int) throws {
        let (source, expected) = Self.documents[index]
        let parsed = try JSON5Parser.parse(source)
        #expect(parsed == expected, "\(source.debugDescription)")
    }

    @Test func parsesTheSpecShortExample() throws {
        let source = """
        {
          // comments
          unquoted: 'and you can quote me on that',
          singleQuotes: 'I can use "double quotes" here',
          lineBreaks: "Look, Mom! \\
        No \\\\n's!",
          hexadecimal: 0xdecaf,
          leadingDecimalPoint: .8675309, andTrailing: 8675309.,
          positiveSign: +1,
          trailingComma: 'in objects', andIn: ['arrays',],
          "backwardsCompatible": "with JSON",
        }
        """
        let expected: JSONValue = [
            "unquoted": "and you can quote me on that",
            "singleQuotes": "I can use \"double quotes\" here",
            "lineBreaks": "Look, Mom! No \\n's!",
            "hexadecimal": 912_559,
            "leadingDecimalPoint": 0.8675309, "andTrailing": 8_675_309,
            "positiveSign": 1,
            "trailingComma": "in objects", "andIn": ["arrays"],
            "backwardsCompatible": "with JSON",
        ]
        #expect(try JSON5Parser.parse(source) == expected)
    }
}
