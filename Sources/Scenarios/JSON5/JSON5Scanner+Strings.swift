/// Single- and double-quoted strings (spec section "Strings" and "Escapes").
extension JSON5Scanner {
    /// Reads the string whose opening quote is at the read point and returns
    /// its UTF-8 bytes, escapes decoded.
    ///
    /// Rejects raw line terminators (LF, CR) and other control characters
    /// (U+0000 to U+001F: the spec says they must be escaped). U+2028 and U+2029
    /// are allowed raw, as the spec grammar says. Why bytes: object keys are
    /// checked for duplicates byte for byte, and `String` is made once at the end.
    mutating func readStringBytes() throws(JSON5Error) -> [UInt8] {
        let start = offset
        let quote = bytes[offset]
        offset += 1
        var out: [UInt8] = []
        var runStart = offset
        while true {
            guard offset < bytes.count else {
                throw failure(.unterminatedString,
                              "unterminated string: expected a closing \(Self.describe(Unicode.Scalar(quote))) for this string, found end of input",
                              at: start)
            }
            let byte = bytes[offset]
            if byte == quote {
                out += bytes[runStart ..< offset]
                offset += 1
                return out
            }
            if byte == ASCII.backslash {
                out += bytes[runStart ..< offset]
                try readEscape(into: &out)
                runStart = offset
                continue
            }
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                throw failure(.unterminatedString,
                              "unterminated string: expected a closing \(Self.describe(Unicode.Scalar(quote))) before the end of the line (write a line break as \\n, or end the line with \\ to continue the string)",
                              at: start)
            }
            if byte < 0x20 {
                throw failure(.controlCharacterInString,
                              "expected a string character, found control character \(describe(at: offset)) (escape it as \(Self.escapeSuggestion(byte)))",
                              at: offset)
            }
            offset += 1
        }
    }

    /// The escape to suggest for a raw control character.
    private static func escapeSuggestion(_ byte: UInt8) -> String {
        switch byte {
        case ASCII.tab: "\\t"
        case 0x08: "\\b"
        case 0x0B: "\\v"
        case 0x0C: "\\f"
        default: "\\u" + JSONText.hex4(UInt32(byte))
        }
    }

    /// Reads one escape starting at a backslash and appends what it stands for.
    ///
    /// ECMAScript 5.1 escapes: the single-character ones (`\b \f \n \r \t \v`),
    /// `\0` not followed by a digit, `\xHH`, `\uHHHH` (surrogate pairs joined),
    /// a line continuation (backslash before LF, CR, CR LF, U+2028, U+2029:
    /// both vanish), and any other character standing for itself (`\A` is `A`).
    /// `\1` to `\9` are octal escapes in old ECMAScript and are rejected.
    /// A backslash at the very end is left for the caller to report as unterminated.
    private mutating func readEscape(into out: inout [UInt8]) throws(JSON5Error) {
        let escapeStart = offset
        offset += 1
        guard let byte = current else { return }
        let simple: UInt8? = switch byte {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "v"): 0x0B
        default: nil
        }
        if let simple {
            out.append(simple)
            offset += 1
            return
        }
        let continuation = lineTerminatorLength(at: offset)
        if continuation > 0 {
            offset += continuation
            return
        }
        switch byte {
        case ASCII.zero:
            guard !ASCII.isDigit(self.byte(at: offset + 1)) else {
                throw failure(.invalidEscape,
                              "invalid escape '\\0\(Unicode.Scalar(bytes[offset + 1]))': octal escapes are not allowed (write \\u0000 or \\x00 before a digit)",
                              at: escapeStart)
            }
            out.append(0)
            offset += 1
        case UInt8(ascii: "1") ... ASCII.nine:
            throw failure(.invalidEscape,
                          "invalid escape '\\\(Unicode.Scalar(byte))': octal escapes are not allowed (write \\u00XX or \\xXX)",
                          at: escapeStart)
        case UInt8(ascii: "x"):
            offset += 1
            let value = try readHexDigits(2, after: "\\x")
            append(Unicode.Scalar(UInt8(value)), to: &out)
        case UInt8(ascii: "u"):
            let scalar = try readUnicodeEscape(startingAt: escapeStart)
            append(scalar, to: &out)
        default:
            let (scalar, width) = scalar(at: offset)
            offset += width
            append(scalar, to: &out)
        }
    }

    /// Reads `\uHHHH` (the read point is on the `u`) and, for a high surrogate,
    /// the `\uHHHH` low surrogate that must follow; returns the scalar.
    /// Why lone surrogates are rejected: a Swift `String` cannot hold one, and
    /// silently replacing it with U+FFFD would change the author's data.
    mutating func readUnicodeEscape(startingAt escapeStart: Int) throws(JSON5Error) -> Unicode.Scalar {
        offset += 1
        let unit = try readHexDigits(4, after: "\\u")
        switch unit {
        case 0xD800 ... 0xDBFF:
            let lowStart = offset
            guard current == ASCII.backslash, byte(at: offset + 1) == UInt8(ascii: "u") else {
                throw failure(.invalidEscape,
                              "invalid escape: the high surrogate '\\u\(JSONText.hex4(unit).uppercased())' must be followed by a low surrogate escape ('\\uDC00' to '\\uDFFF'), found \(describe(at: offset))",
                              at: escapeStart)
            }
            offset += 2
            let low = try readHexDigits(4, after: "\\u")
            guard (0xDC00 ... 0xDFFF).contains(low) else {
                throw failure(.invalidEscape,
                              "invalid escape: the high surrogate '\\u\(JSONText.hex4(unit).uppercased())' must be followed by a low surrogate escape ('\\uDC00' to '\\uDFFF'), found '\\u\(JSONText.hex4(low).uppercased())'",
                              at: lowStart)
            }
            let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(combined) ?? "\u{FFFD}"
        case 0xDC00 ... 0xDFFF:
            throw failure(.invalidEscape,
                          "invalid escape: the low surrogate '\\u\(JSONText.hex4(unit).uppercased())' must follow a high surrogate escape ('\\uD800' to '\\uDBFF')",
                          at: escapeStart)
        default:
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
    }

    /// Reads exactly `count` hex digits at the read point.
    private mutating func readHexDigits(_ count: Int, after prefix: String) throws(JSON5Error) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< count {
            guard let digit = ASCII.hexValue(current) else {
                throw unexpected("\(count) hex digits after '\(prefix)'", kind: .invalidEscape)
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// Appends the UTF-8 encoding of `scalar`.
    func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: scalar.utf8)
    }
}
