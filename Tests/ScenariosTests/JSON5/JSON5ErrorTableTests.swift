import Testing
@testable import Scenarios

/// Every way a document can be wrong, each pinned to its error kind, line,
/// column and exact message. Messages say what was expected and what was
/// found; end of input inside a container names the unclosed container.
@Suite struct JSON5ErrorTableTests {
    static let rows: [(source: String, kind: JSON5Error.Kind, line: Int, column: Int, message: String)] = [
        // Nothing, or a container left open.
        ("", .unexpectedEndOfInput, 1, 1, "expected a value, found end of input"),
        ("   ", .unexpectedEndOfInput, 1, 4, "expected a value, found end of input"),
        ("// only a comment", .unexpectedEndOfInput, 1, 18, "expected a value, found end of input"),
        ("{", .unexpectedEndOfInput, 1, 2, "expected a key or '}', found end of input (the object at line 1, column 1 is not closed)"),
        ("[", .unexpectedEndOfInput, 1, 2, "expected a value or ']', found end of input (the array at line 1, column 1 is not closed)"),
        ("{a", .unexpectedEndOfInput, 1, 3, "expected ':' after key \"a\", found end of input (the object at line 1, column 1 is not closed)"),
        ("{a:", .unexpectedEndOfInput, 1, 4, "expected a value, found end of input"),
        ("{a:1", .unexpectedEndOfInput, 1, 5, "expected ',' or '}' after object member, found end of input (the object at line 1, column 1 is not closed)"),
        ("{a:1,", .unexpectedEndOfInput, 1, 6, "expected a key or '}', found end of input (the object at line 1, column 1 is not closed)"),
        ("[1", .unexpectedEndOfInput, 1, 3, "expected ',' or ']' after array element, found end of input (the array at line 1, column 1 is not closed)"),
        ("[1,", .unexpectedEndOfInput, 1, 4, "expected a value or ']', found end of input (the array at line 1, column 1 is not closed)"),
        // Missing or stray punctuation; keys must be identifiers or strings.
        ("[1 2]", .unexpectedCharacter, 1, 4, "expected ',' or ']' after array element, found '2'"),
        ("{a:1 b:2}", .unexpectedCharacter, 1, 6, "expected ',' or '}' after object member, found 'b'"),
        ("{a 1}", .unexpectedCharacter, 1, 4, "expected ':' after key \"a\", found '1'"),
        ("{,}", .unexpectedCharacter, 1, 2, "expected a key or '}', found ','"),
        ("[,]", .unexpectedCharacter, 1, 2, "expected a value or ']', found ','"),
        ("[1,,2]", .unexpectedCharacter, 1, 4, "expected a value or ']', found ','"),
        ("{1: 2}", .unexpectedCharacter, 1, 2, "expected a key or '}', found '1'"),
        ("{a-b: 1}", .unexpectedCharacter, 1, 3, "expected ':' after key \"a\", found '-'"),
        // Duplicate keys, compared after decoding escapes.
        ("{a:1,a:2}", .duplicateKey, 1, 6, "duplicate key \"a\" in object: it is already defined at line 1, column 2"),
        ("{\n  'key': 1,\n  key: 2\n}", .duplicateKey, 3, 3, "duplicate key \"key\" in object: it is already defined at line 2, column 3"),
        ("{a:1, \"\\u0061\": 2}", .duplicateKey, 1, 7, "duplicate key \"a\" in object: it is already defined at line 1, column 2"),
        // Trailing content after the one value.
        ("1 2", .trailingContent, 1, 3, "expected the end of the document after its value, found '2'"),
        ("{} x", .trailingContent, 1, 4, "expected the end of the document after its value, found 'x'"),
        ("[] ]", .trailingContent, 1, 4, "expected the end of the document after its value, found ']'"),
        // Bare words: only true, false, null, Infinity and NaN are literals.
        ("yes", .unexpectedCharacter, 1, 1, "expected a value, found 'yes' (strings must be quoted)"),
        ("{mode: fast}", .unexpectedCharacter, 1, 8, "expected a value, found 'fast' (strings must be quoted)"),
        ("[True]", .unexpectedCharacter, 1, 2, "expected a value, found 'True' (strings must be quoted)"),
        ("[undefined]", .unexpectedCharacter, 1, 2, "expected a value, found 'undefined' (strings must be quoted)"),
        ("@", .unexpectedCharacter, 1, 1, "expected a value, found '@'"),
        ("[1}", .unexpectedCharacter, 1, 3, "expected ',' or ']' after array element, found '}'"),
        ("{a:1]", .unexpectedCharacter, 1, 5, "expected ',' or '}' after object member, found ']'"),
        ("\0", .unexpectedCharacter, 1, 1, "expected a value, found U+0000"),
        // Strings: unterminated, raw control characters, bad escapes.
        ("\"abc", .unterminatedString, 1, 1, "unterminated string: expected a closing '\"' for this string, found end of input"),
        ("'abc\ndef'", .unterminatedString, 1, 1, "unterminated string: expected a closing \"'\" before the end of the line (write a line break as \\n, or end the line with \\ to continue the string)"),
        ("\"a\tb\"", .controlCharacterInString, 1, 3, "expected a string character, found control character U+0009 (tab) (escape it as \\t)"),
        ("\"\u{01}\"", .controlCharacterInString, 1, 2, "expected a string character, found control character U+0001 (escape it as \\u0001)"),
        ("\"\\x4g\"", .invalidEscape, 1, 5, "expected 2 hex digits after '\\x', found 'g'"),
        ("\"\\x\"", .invalidEscape, 1, 4, "expected 2 hex digits after '\\x', found '\"'"),
        ("\"\\u12\"", .invalidEscape, 1, 6, "expected 4 hex digits after '\\u', found '\"'"),
        ("\"\\1\"", .invalidEscape, 1, 2, "invalid escape '\\1': octal escapes are not allowed (write \\u00XX or \\xXX)"),
        ("\"\\01\"", .invalidEscape, 1, 2, "invalid escape '\\01': octal escapes are not allowed (write \\u0000 or \\x00 before a digit)"),
        ("\"\\uD83C\"", .invalidEscape, 1, 2, "invalid escape: the high surrogate '\\uD83C' must be followed by a low surrogate escape ('\\uDC00' to '\\uDFFF'), found '\"'"),
        ("\"\\uD83Cx\"", .invalidEscape, 1, 2, "invalid escape: the high surrogate '\\uD83C' must be followed by a low surrogate escape ('\\uDC00' to '\\uDFFF'), found 'x'"),
        ("\"\\uD83C\\u0041\"", .invalidEscape, 1, 8, "invalid escape: the high surrogate '\\uD83C' must be followed by a low surrogate escape ('\\uDC00' to '\\uDFFF'), found '\\u0041'"),
        ("\"\\uDC00\"", .invalidEscape, 1, 2, "invalid escape: the low surrogate '\\uDC00' must follow a high surrogate escape ('\\uD800' to '\\uDBFF')"),
        ("{\\u0020a: 1}", .invalidEscape, 1, 2, "invalid escape '\\u0020' in an unquoted key: ' ' cannot start an identifier (quote the key instead)"),
        ("{a\\x41: 1}", .invalidEscape, 1, 4, "expected 'u' after '\\' in an unquoted key (only \\uHHHH escapes are allowed there), found 'x41'"),
        ("{a\\u002Db: 1}", .invalidEscape, 1, 3, "invalid escape '\\u002D' in an unquoted key: '-' cannot be part of an identifier (quote the key instead)"),
        // Numbers: leading zeros, missing digits, signs.
        ("01", .invalidNumber, 1, 2, "invalid number: a leading '0' must not be followed by a digit (octal literals are not allowed), found '1'"),
        ("-01", .invalidNumber, 1, 3, "invalid number: a leading '0' must not be followed by a digit (octal literals are not allowed), found '1'"),
        ("00.5", .invalidNumber, 1, 2, "invalid number: a leading '0' must not be followed by a digit (octal literals are not allowed), found '0'"),
        (".", .unexpectedEndOfInput, 1, 2, "expected a digit before or after '.', found end of input"),
        ("-", .unexpectedEndOfInput, 1, 2, "expected a digit, '.', 'Infinity' or 'NaN' after '-', found end of input"),
        ("+", .unexpectedEndOfInput, 1, 2, "expected a digit, '.', 'Infinity' or 'NaN' after '+', found end of input"),
        ("-.", .unexpectedEndOfInput, 1, 3, "expected a digit before or after '.', found end of input"),
        ("1e", .unexpectedEndOfInput, 1, 3, "expected a digit in the exponent of '1e', found end of input"),
        ("1e+", .unexpectedEndOfInput, 1, 4, "expected a digit in the exponent of '1e+', found end of input"),
        ("0x", .unexpectedEndOfInput, 1, 3, "expected a hex digit after '0x', found end of input"),
        ("0xg", .invalidNumber, 1, 3, "expected a hex digit after '0x', found 'g'"),
        ("-0x", .unexpectedEndOfInput, 1, 4, "expected a hex digit after '0x', found end of input"),
        ("1.5.5", .trailingContent, 1, 4, "expected the end of the document after its value, found '.'"),
        ("--1", .invalidNumber, 1, 2, "expected a digit, '.', 'Infinity' or 'NaN' after '-', found '-'"),
        ("+-1", .invalidNumber, 1, 2, "expected a digit, '.', 'Infinity' or 'NaN' after '+', found '-'"),
        ("- 1", .invalidNumber, 1, 2, "expected a digit, '.', 'Infinity' or 'NaN' after '-', found ' '"),
        ("-Infinityx", .invalidNumber, 1, 2, "expected a digit, '.', 'Infinity' or 'NaN' after '-', found 'Infinityx'"),
        ("Infinityx", .unexpectedCharacter, 1, 1, "expected a value, found 'Infinityx' (strings must be quoted)"),
        ("-foo", .invalidNumber, 1, 2, "expected a digit, '.', 'Infinity' or 'NaN' after '-', found 'foo'"),
        ("-nan", .invalidNumber, 1, 2, "expected a digit, '.', 'Infinity' or 'NaN' after '-', found 'nan'"),
        ("1a", .trailingContent, 1, 2, "expected the end of the document after its value, found 'a'"),
        // Comments.
        ("/* open", .unterminatedComment, 1, 1, "unterminated comment: expected '*/' to close this '/*', found end of input"),
        ("[1] /* open", .unterminatedComment, 1, 5, "unterminated comment: expected '*/' to close this '/*', found end of input"),
        ("/x", .unexpectedCharacter, 1, 2, "expected '/' or '*' after '/' to start a comment, found 'x'"),
        ("[1 / 2]", .unexpectedCharacter, 1, 5, "expected '/' or '*' after '/' to start a comment, found ' '"),
        ("[1]\n/", .unexpectedEndOfInput, 2, 2, "expected '/' or '*' after '/' to start a comment, found end of input"),
        // Positions across lines: LF, CR LF, CR, U+2028 end lines; columns count scalars.
        ("{\n\t\"services\": [\n\t\t{ name: 'api', port: 80 x }\n\t]\n}", .unexpectedCharacter, 3, 27, "expected ',' or '}' after object member, found 'x'"),
        ("[\u{2028}x]", .unexpectedCharacter, 2, 1, "expected a value, found 'x' (strings must be quoted)"),
        ("'a\u{2028}b' x", .trailingContent, 2, 4, "expected the end of the document after its value, found 'x'"),
        ("\r\n\r\n  x", .unexpectedCharacter, 3, 3, "expected a value, found 'x' (strings must be quoted)"),
        ("\r\r x", .unexpectedCharacter, 3, 2, "expected a value, found 'x' (strings must be quoted)"),
        ("é x", .unexpectedCharacter, 1, 1, "expected a value, found 'é' (strings must be quoted)"),
        ("[\"é\", x]", .unexpectedCharacter, 1, 7, "expected a value, found 'x' (strings must be quoted)"),
        ("{a:1}\0", .trailingContent, 1, 6, "expected the end of the document after its value, found U+0000"),
        ("\u{00A0}x", .unexpectedCharacter, 1, 2, "expected a value, found 'x' (strings must be quoted)"),
        ("[1, 'ok', \u{200B}]", .unexpectedCharacter, 1, 11, "expected a value, found U+200B"),
    ]

    @Test(arguments: 0 ..< rows.count)
    func rejectsWithExactKindPositionAndMessage(_ index: Int) {
        let row = Self.rows[index]
        do {
            let value = try JSON5Parser.parse(row.source)
            Issue.record("\(row.source.debugDescription) parsed as \(value.json5(indent: 0))")
        } catch {
            #expect(error.kind == row.kind, "\(row.source.debugDescription)")
            #expect(error.position.line == row.line, "\(row.source.debugDescription)")
            #expect(error.position.column == row.column, "\(row.source.debugDescription)")
            #expect(error.message == row.message, "\(row.source.debugDescription)")
        }
    }

    @Test func descriptionPrefixesLineAndColumn() {
        #expect(throws: JSON5Error(kind: .unexpectedCharacter,
                                   message: "expected ',' or '}' after object member, found 'x'",
                                   position: SourcePosition(line: 3, column: 27, offset: 43))) {
            try JSON5Parser.parse("{\n\t\"services\": [\n\t\t{ name: 'api', port: 80 x }\n\t]\n}")
        }
        let error = JSON5Error(kind: .duplicateKey, message: "m", position: SourcePosition(line: 12, column: 5, offset: 0))
        #expect(error.description == "line 12, column 5: m")
    }

    @Test func duplicateKeyNamesBothPositions() {
        do {
            _ = try JSON5Parser.parse("{\n  'key': 1,\n  key: 2\n}")
            Issue.record("duplicate accepted")
        } catch {
            #expect(error.kind == .duplicateKey)
            #expect(error.position == SourcePosition(line: 3, column: 3, offset: 16))
            #expect(error.relatedPosition == SourcePosition(line: 2, column: 3, offset: 4))
        }
    }

    @Test func unclosedContainerIsTheRelatedPosition() {
        do {
            _ = try JSON5Parser.parse("[1,\n {a: [2]")
            Issue.record("unclosed accepted")
        } catch {
            #expect(error.message == "expected ',' or '}' after object member, found end of input (the object at line 2, column 2 is not closed)")
            #expect(error.relatedPosition == SourcePosition(line: 2, column: 2, offset: 5))
        }
    }

    @Test func invalidUTF8BytesAreRejectedAtTheFirstBadByte() throws {
        let cases: [(bytes: [UInt8], line: Int, column: Int, offset: Int, message: String)] = [
            ([0x22, 0xFF, 0x22], 1, 2, 1, "expected UTF-8 text, found the byte 0xFF, which does not start a valid UTF-8 sequence"),
            ([0x5B, 0x0A, 0x22, 0xC3, 0xA9, 0xC3, 0x22, 0x5D], 2, 3, 5, "expected UTF-8 text, found the byte 0xC3, which does not start a valid UTF-8 sequence"),
            // An overlong encoding of '/' and an encoded surrogate are not UTF-8.
            ([0xC0, 0xAF], 1, 1, 0, "expected UTF-8 text, found the byte 0xC0, which does not start a valid UTF-8 sequence"),
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, 1, "expected UTF-8 text, found the byte 0xED, which does not start a valid UTF-8 sequence"),
        ]
        for testCase in cases {
            do {
                _ = try JSON5Parser().parse(utf8: testCase.bytes)
                Issue.record("\(testCase.bytes) accepted")
            } catch {
                #expect(error.kind == .invalidUTF8)
                #expect(error.position == SourcePosition(line: testCase.line, column: testCase.column, offset: testCase.offset))
                #expect(error.message == testCase.message)
            }
        }
        #expect(try JSON5Parser().parse(utf8: Array("{é: '🎼'}".utf8)) == ["é": "🎼"])
    }
}
