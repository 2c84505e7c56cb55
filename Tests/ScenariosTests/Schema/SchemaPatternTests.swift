import Testing
@testable import Scenarios

/// The tiny regex engine behind `pattern`: ECMA-262 meaning for the syntax it accepts.
@Suite struct SchemaPatternTests {
    static let table: [(pattern: String, text: String, matches: Bool)] = [
        // The duration pattern the schema emits, against Nanoseconds(parsing:)'s accepted forms.
        (SchemaBuilder.durationPattern, "250ms", true),
        (SchemaBuilder.durationPattern, "1.5s", true),
        (SchemaBuilder.durationPattern, "-2m", true),
        (SchemaBuilder.durationPattern, "never", true),
        (SchemaBuilder.durationPattern, "3h", true),
        (SchemaBuilder.durationPattern, "250", false),
        (SchemaBuilder.durationPattern, "250 ms", false),
        (SchemaBuilder.durationPattern, "1.s", false),
        (SchemaBuilder.durationPattern, ".5s", false),
        (SchemaBuilder.durationPattern, "5ms ", false),
        (SchemaBuilder.durationPattern, "nevers", false),
        (SchemaBuilder.durationPattern, "5d", false),
        (SchemaBuilder.numberPattern(suffix: "rps"), "1200rps", true),
        (SchemaBuilder.numberPattern(suffix: "rps"), "+.5rps", true),
        (SchemaBuilder.numberPattern(suffix: "rps"), "5.rps", true),
        (SchemaBuilder.numberPattern(suffix: "rps"), "1e3rps", true),
        (SchemaBuilder.numberPattern(suffix: "rps"), "1e+3rps", true),
        (SchemaBuilder.numberPattern(suffix: "rps"), "rps", false),
        (SchemaBuilder.numberPattern(suffix: "rps"), "1e3", false),
        (SchemaBuilder.numberPattern(suffix: "%"), "50%", true),
        (SchemaBuilder.numberPattern(suffix: "%"), "50 %", false),
        // Unanchored patterns match anywhere; quantifier bounds; classes; alternation.
        ("b+", "abbbc", true),
        ("^b+", "abbbc", false),
        ("^a{2,3}$", "aaa", true),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2,}$", "aaaaa", true),
        ("^a{2}$", "a", false),
        ("^[^0-9]+$", "abc", true),
        ("^[^0-9]+$", "ab1", false),
        (#"^[a-c\-]+$"#, "a-b", true),
        ("^(ab|a)c$", "ac", true),
        ("^(a*)*b$", "aaaac", false),
        (#"^\d+\.\d$"#, "12.5", true),
        ("^.$", "é", true),
        ("^$", "", true),
    ]

    @Test(arguments: table.indices)
    func patternMatchesAsECMAScriptWould(index: Int) throws {
        let row = Self.table[index]
        #expect(try SchemaPattern(row.pattern).matches(row.text) == row.matches, "\(row.pattern) ~ \(row.text)")
    }

    @Test func unsupportedSyntaxIsRejectedWithItsOffset() {
        #expect(throws: SchemaPattern.SyntaxError(pattern: "(?:a)", offset: 1, message: "group modifiers (?...) are not supported")) {
            try SchemaPattern("(?:a)")
        }
        #expect(throws: SchemaPattern.SyntaxError(pattern: #"\w"#, offset: 2, message: #"unsupported escape \w"#)) { try SchemaPattern(#"\w"#) }
        #expect(throws: SchemaPattern.SyntaxError(pattern: "a+?", offset: 2, message: "lazy quantifiers are not supported")) { try SchemaPattern("a+?") }
        #expect(throws: SchemaPattern.SyntaxError(pattern: "(a", offset: 2, message: "missing )")) { try SchemaPattern("(a") }
        #expect(throws: SchemaPattern.SyntaxError(pattern: "a)", offset: 1, message: "unbalanced )")) { try SchemaPattern("a)") }
        #expect(throws: SchemaPattern.SyntaxError(pattern: "[a", offset: 2, message: "missing ]")) { try SchemaPattern("[a") }
        #expect(throws: SchemaPattern.SyntaxError(pattern: "*a", offset: 1, message: "nothing to repeat")) { try SchemaPattern("*a") }
        #expect(throws: SchemaPattern.SyntaxError(pattern: "a{3,2}", offset: 5, message: "bad {n,m} quantifier")) { try SchemaPattern("a{3,2}") }
    }
}
