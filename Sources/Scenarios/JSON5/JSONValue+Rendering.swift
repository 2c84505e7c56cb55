/// Printing documents back as text: JSON5 (what `faultsim show --resolved`
/// prints) or strict JSON (for tools such as `jq`). Same input, same bytes:
/// members print in their stored order, and nothing depends on hashing.
extension JSONValue {
    /// JSON5 text: keys unquoted when they are ASCII identifiers, numbers in
    /// their source text (`0x1F` stays `0x1F`), strings double-quoted.
    /// `indent` spaces per level (2 by default); 0 prints on one line with no
    /// spaces. No trailing newline.
    public func json5(indent: Int = 2) -> String {
        var renderer = JSONRenderer(style: .json5, indent: indent)
        renderer.write(self, level: 0)
        return renderer.output
    }

    /// Strict JSON text (RFC 8259): every key quoted, numbers in their source
    /// text when it is valid JSON and otherwise rewritten (`0x1F` as `31`,
    /// `+.5` as `0.5`, `5.` as `5`); `Infinity`, `-Infinity` and `NaN`, which
    /// JSON cannot express, print as `null`, as JavaScript's `JSON.stringify`
    /// does. `indent` as for `json5(indent:)`.
    public func json(indent: Int = 2) -> String {
        var renderer = JSONRenderer(style: .json, indent: indent)
        renderer.write(self, level: 0)
        return renderer.output
    }
}

/// The writer behind `json5(indent:)` and `json(indent:)`: one walk, two styles.
struct JSONRenderer {
    enum Style { case json5, json }

    let style: Style
    let indent: Int
    var output = ""

    init(style: Style, indent: Int) {
        self.style = style
        self.indent = max(0, indent)
    }

    /// Appends `value`, nested `level` deep.
    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag, _):
            output += flag ? "true" : "false"
        case .number(let number, _):
            output += style == .json5 ? number.text : Self.jsonText(for: number)
        case .string(let string, _):
            output += JSONText.quoted(string)
        case .array(let elements, _):
            writeContainer(open: "[", close: "]", count: elements.count, level: level) { renderer, index in
                renderer.write(elements[index], level: level + 1)
            }
        case .object(let members, _):
            writeContainer(open: "{", close: "}", count: members.count, level: level) { renderer, index in
                let key = members[index].key
                let bare = renderer.style == .json5 && JSONText.isPlainIdentifier(key)
                renderer.output += bare ? key : JSONText.quoted(key)
                renderer.output += renderer.indent > 0 ? ": " : ":"
                renderer.write(members[index].value, level: level + 1)
            }
        }
    }

    /// `[`/`{`, the items separated by commas, one per line when indenting, then the closer.
    private mutating func writeContainer(open: String, close: String, count: Int, level: Int,
                                         item: (inout JSONRenderer, Int) -> Void) {
        output += open
        guard count > 0 else {
            output += close
            return
        }
        for index in 0 ..< count {
            if index > 0 { output += "," }
            newline(level: level + 1)
            item(&self, index)
        }
        newline(level: level)
        output += close
    }

    private mutating func newline(level: Int) {
        guard indent > 0 else { return }
        output += "\n" + String(repeating: " ", count: indent * level)
    }

    /// A number's text in strict JSON. Decimal JSON5 texts differ from JSON
    /// only by a leading `+`, a bare leading `.` or a trailing `.`; hex texts
    /// become their decimal value.
    static func jsonText(for number: JSONNumber) -> String {
        guard number.doubleValue.isFinite else { return "null" }
        var text = Substring(number.text)
        let isNegative = text.first == "-"
        if text.first == "+" || text.first == "-" { text = text.dropFirst() }
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            // Sign and magnitude kept apart so that -0x0 stays -0 (a double -0.0).
            if let exact = number.int64Value { return (isNegative ? "-" : "") + String(exact.magnitude) }
            return JSONNumber(number.doubleValue).text
        }
        var out = isNegative ? "-" : ""
        if text.first == "." { out += "0" }
        var previous: Character = " "
        for character in text {
            // A '.' not followed by a digit is dropped: "5." -> "5", "5.e3" -> "5e3".
            if previous == "." && !character.isASCIIDigit { out.removeLast() }
            out.append(character)
            previous = character
        }
        if previous == "." { out.removeLast() }
        return out
    }
}

extension Character {
    /// `0` to `9`.
    fileprivate var isASCIIDigit: Bool { ("0" ... "9").contains(self) }
}
