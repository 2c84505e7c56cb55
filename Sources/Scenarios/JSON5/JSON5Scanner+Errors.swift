/// Building errors that say what was expected and what was found.
extension JSON5Scanner {
    /// `expected <expected>, found <what is at index>` at `index` (the read
    /// point by default). At the end of input the kind becomes
    /// `.unexpectedEndOfInput`, and `unclosed` (the enclosing container, if
    /// any) is named, since a missing `]` or `}` is the usual cause.
    mutating func unexpected(
        _ expected: String,
        at index: Int? = nil,
        kind: JSON5Error.Kind = .unexpectedCharacter,
        unclosed: (name: String, position: SourcePosition)? = nil
    ) -> JSON5Error {
        let at = index ?? offset
        guard at < bytes.count else {
            var message = "expected \(expected), found end of input"
            if let unclosed {
                message += " (the \(unclosed.name) at \(unclosed.position) is not closed)"
            }
            return JSON5Error(kind: .unexpectedEndOfInput, message: message,
                              position: position(at: at), relatedPosition: unclosed?.position)
        }
        return JSON5Error(kind: kind, message: "expected \(expected), found \(describe(at: at))",
                          position: position(at: at))
    }

    /// An error of `kind` with a finished `message`, at `index`.
    mutating func failure(_ kind: JSON5Error.Kind, _ message: String, at index: Int,
                          related: SourcePosition? = nil) -> JSON5Error {
        JSON5Error(kind: kind, message: message, position: position(at: index), relatedPosition: related)
    }

    /// How to name what is at `index` in a message: a whole word (`'fast'`)
    /// where an identifier starts, otherwise one character (`'x'`, `"'"`,
    /// `U+0009 (tab)`, `U+2028`); `end of input` past the end.
    func describe(at index: Int) -> String {
        guard index < bytes.count else { return "end of input" }
        let scalar = scalar(at: index).scalar
        return Self.isIdentifierStart(scalar) ? Self.quote(wordText(at: index)) : Self.describe(scalar)
    }

    /// How to name `scalar` in a message: printable characters in quotes,
    /// invisible ones (controls, spaces other than U+0020, format characters)
    /// by code point, so a message never shows a character one cannot see.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "'": return "\"'\""
        case " ": return "' '"
        case "\t": return "U+0009 (tab)"
        case "\n": return "U+000A (line feed)"
        case "\r": return "U+000D (carriage return)"
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .surrogate, .privateUse, .unassigned, .nonspacingMark, .enclosingMark, .spacingMark:
            return "U+" + String(JSONText.hex4(scalar.value).uppercased())
        default:
            return "'\(scalar)'"
        }
    }

    /// A short quotation of source text for a message: at most 32 scalars.
    static func quote(_ text: Substring) -> String {
        let limit = 32
        return text.unicodeScalars.count > limit ? "'\(text.prefix(limit))...'" : "'\(text)'"
    }
}
