/// Small text helpers shared by the renderer and `JSONPath`, so that both quote
/// strings and decide "is this key an identifier" the same way.
enum JSONText {
    /// Whether two strings are the same sequence of Unicode scalars.
    /// Why not `==`: Swift's `String ==` uses canonical equivalence, JSON does not.
    static func sameScalars(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Whether `key` can be written without quotes by every renderer: an ASCII
    /// identifier (`[A-Za-z_$][A-Za-z0-9_$]*`). Unicode identifiers are valid
    /// JSON5 too, but ASCII-only keeps the output readable in any terminal.
    static func isPlainIdentifier(_ key: String) -> Bool {
        var isFirst = true
        for byte in key.utf8 {
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isLetter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || (isDigit && !isFirst) else {
                return false
            }
            isFirst = false
        }
        return !isFirst
    }

    /// `string` as a double-quoted JSON string literal (valid JSON and JSON5):
    /// `"` and `\` escaped, control characters as `\n`, `\t`, ... or `\u00XX`,
    /// U+2028 / U+2029 as `\u2028` / `\u2029` (the JSON5 spec asks generators
    /// to escape them); everything else as is.
    static func quoted(_ string: String) -> String {
        var out = "\""
        out.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// Four lower-case hex digits, zero padded.
    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
