/// Unquoted keys: ECMAScript 5.1 IdentifierName (section 7.6), which the JSON5
/// spec allows as object keys. Reserved words are fine (`{ null: 1 }`).
extension JSON5Scanner {
    /// Whether an identifier can start at `index`: a letter (Unicode categories
    /// Lu Ll Lt Lm Lo Nl), `$`, `_`, or a backslash (a `\uHHHH` escape).
    func startsIdentifier(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        return bytes[index] == ASCII.backslash || Self.isIdentifierStart(scalar(at: index).scalar)
    }

    /// Whether the scalar at `index` may continue an identifier.
    func startsIdentifierPart(at index: Int) -> Bool {
        Self.isIdentifierPart(scalar(at: index).scalar)
    }

    /// Reads an identifier name at the read point and returns its UTF-8 bytes,
    /// `\uHHHH` escapes decoded (each must itself encode an identifier character).
    mutating func readIdentifierBytes() throws(JSON5Error) -> [UInt8] {
        var out: [UInt8] = []
        while offset < bytes.count {
            let isFirst = out.isEmpty
            if bytes[offset] == ASCII.backslash {
                let escapeStart = offset
                guard byte(at: offset + 1) == UInt8(ascii: "u") else {
                    throw unexpected("'u' after '\\' in an unquoted key (only \\uHHHH escapes are allowed there)",
                                     at: offset + 1, kind: .invalidEscape)
                }
                offset += 1
                let scalar = try readUnicodeEscape(startingAt: escapeStart)
                guard isFirst ? Self.isIdentifierStart(scalar) : Self.isIdentifierPart(scalar) else {
                    throw failure(.invalidEscape,
                                  "invalid escape '\(String(decoding: bytes[escapeStart ..< offset], as: UTF8.self))' in an unquoted key: \(Self.describe(scalar)) cannot \(isFirst ? "start" : "be part of") an identifier (quote the key instead)",
                                  at: escapeStart)
                }
                append(scalar, to: &out)
                continue
            }
            let (scalar, width) = scalar(at: offset)
            guard isFirst ? Self.isIdentifierStart(scalar) : Self.isIdentifierPart(scalar) else { break }
            out += bytes[offset ..< offset + width]
            offset += width
        }
        return out
    }

    /// The source text of the identifier-like word at `index` (letters,
    /// digits, `$`, `_`), without decoding escapes; for messages about bare
    /// words such as `yes` where a value was expected.
    func wordText(at index: Int) -> Substring {
        var end = index
        while end < bytes.count && bytes[end] != ASCII.backslash && startsIdentifierPart(at: end) {
            end += scalar(at: end).width
        }
        return Substring(String(decoding: bytes[index ..< end], as: UTF8.self))
    }

    /// ECMAScript 5.1 IdentifierStart without the escape: UnicodeLetter, `$`, `_`.
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = UInt8(scalar.value)
            return ((value | 0x20) >= UInt8(ascii: "a") && (value | 0x20) <= UInt8(ascii: "z"))
                || value == ASCII.dollar || value == ASCII.underscore
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return true
        default:
            return false
        }
    }

    /// ECMAScript 5.1 IdentifierPart: a start character, a combining mark
    /// (Mn, Mc), a decimal digit (Nd), connector punctuation (Pc), ZWNJ or ZWJ.
    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) { return true }
        if scalar.isASCII { return ASCII.isDigit(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation:
            return true
        default:
            return scalar == "\u{200C}" || scalar == "\u{200D}"
        }
    }
}
