import Testing
@testable import Scenarios

/// Where Foundation's JSON5 reader (`JSONDecoder.allowsJSON5`, Swift 6.3.1 on
/// Linux) departs from https://spec.json5.org, each case with what the spec
/// (and this parser) says and what Foundation does. We follow the spec. Not
/// run here: Foundation traps on an exponent sign without digits (`1e+`);
/// see `FoundationMirror.trapsFoundation`.
@Suite struct JSON5FoundationDifferenceTests {
    enum Outcome: Sendable {
        case value(JSONValue)
        case error(JSON5Error.Kind)
    }

    static let rows: [(what: String, source: String, ours: Outcome, foundation: JSONValue?)] = [
        ("spec: unquoted keys may contain \\u escapes; Foundation keeps the backslash text",
         "{\\u0061b: 1}", .value(["ab": 1]), ["\\u0061b": 1]),
        ("spec: a backslash in an unquoted key must start \\u; Foundation keeps it as a character",
         "{a\\x41: 1}", .error(.invalidEscape), ["a\\x41": 1]),
        ("spec: \\v is vertical tab; Foundation rejects it",
         "'\\v'", .value("\u{0B}"), nil),
        ("spec: \\0 is NUL; Foundation rejects it",
         "'\\0'", .value("\u{00}"), nil),
        ("spec: any other escaped character stands for itself; Foundation rejects it",
         "'\\A'", .value("A"), nil),
        ("spec: \\u0000 is NUL; Foundation rejects it",
         "'\\u0000'", .value("\u{00}"), nil),
        ("spec: a line continuation (backslash LF) vanishes; Foundation keeps the LF",
         "'a\\\nb'", .value("ab"), "a\nb"),
        ("spec: a line continuation (backslash CR LF) vanishes; Foundation keeps the CR LF",
         "'a\\\r\nb'", .value("ab"), "a\r\nb"),
        ("spec: backslash U+2028 is a line continuation; Foundation rejects it",
         "'a\\\u{2028}b'", .value("ab"), nil),
        ("spec: U+00A0 is white space; Foundation rejects it",
         "\u{00A0}1", .value(1), nil),
        ("spec: U+2028 is white space; Foundation rejects it",
         "[1,\u{2028}2]", .value([1, 2]), nil),
        ("spec: Unicode Zs (U+3000) is white space; Foundation rejects it",
         "\u{3000}1", .value(1), nil),
        ("spec allows rejecting duplicate keys (we do); Foundation silently keeps the first",
         "{a: 1, a: 2}", .error(.duplicateKey), ["a": 1]),
        ("canonically equivalent keys are different keys in ECMAScript; Foundation merges them, keeping the first",
         "{'\\u00e9': 1, 'e\\u0301': 2}", .value(["\u{00E9}": 1, "e\u{0301}": 2]), ["\u{00E9}": 1]),
        ("ECMAScript: 1e400 is Infinity; Foundation rejects it",
         "1e400", .value(.number(JSONNumber(Double.infinity))), nil),
        // Not exactly zero, so no int64Value: only its double rounds to 0.
        ("ECMAScript: 1e-400 is 0; Foundation rejects it",
         "1e-400", .value(.number(JSONNumber(text: "", doubleValue: 0, int64Value: nil))), nil),
        ("ECMAScript: a hex integer above 2^53 rounds to the nearest double; Foundation rejects it",
         "0x20000000000001", .value(.number(JSONNumber(text: "", doubleValue: 0x1p53, int64Value: 0x20000000000001))), nil),
    ]

    @Test(arguments: 0 ..< rows.count)
    func foundationDepartsFromTheSpec(_ index: Int) throws {
        let row = Self.rows[index]
        switch row.ours {
        case .value(let expected):
            let ours = try JSON5Parser.parse(row.source)
            #expect(ours == expected, "\(row.what)")
            #expect(Canonical.of(ours) == Canonical.of(expected), "\(row.what)")
        case .error(let kind):
            #expect(throws: JSON5Error.self) { try JSON5Parser.parse(row.source) }
            do { _ = try JSON5Parser.parse(row.source) } catch { #expect(error.kind == kind, "\(row.what)") }
        }
        let theirs = FoundationMirror.decode(row.source)
        #expect(theirs.map(Canonical.of) == row.foundation.map(Canonical.of), "\(row.what)")
    }
}
