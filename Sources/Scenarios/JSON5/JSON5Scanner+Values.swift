/// The syntactic grammar: a document is one value; values are objects,
/// arrays, strings, numbers, `true`, `false` and `null`.
extension JSON5Scanner {
    /// Reads the whole document: trivia, one value, trivia, end.
    mutating func readDocument() throws(JSON5Error) -> JSONValue {
        try skipTrivia()
        let value = try readValue()
        try skipTrivia()
        guard offset == bytes.count else {
            throw unexpected("the end of the document after its value", kind: .trailingContent)
        }
        return value
    }

    /// Reads the value at the read point (trivia already skipped).
    mutating func readValue() throws(JSON5Error) -> JSONValue {
        let start = position()
        // At the end, 0 falls through to `readLiteral`, which reports it.
        switch current ?? 0 {
        case ASCII.leftBrace:
            return try readObject(at: start)
        case ASCII.leftBracket:
            return try readArray(at: start)
        case ASCII.quote, ASCII.apostrophe:
            return .string(String(decoding: try readStringBytes(), as: UTF8.self), at: start)
        case ASCII.plus, ASCII.minus, ASCII.dot, ASCII.zero ... ASCII.nine:
            return .number(try readNumber(), at: start)
        default:
            return try readLiteral(at: start)
        }
    }

    /// `true`, `false`, `null`, `Infinity` or `NaN`; anything else is an error
    /// that quotes the bare word, since an unquoted string is the usual mistake.
    private mutating func readLiteral(at start: SourcePosition) throws(JSON5Error) -> JSONValue {
        guard startsIdentifier(at: offset) else {
            throw unexpected("a value")
        }
        let word = wordText(at: offset)
        switch word {
        case "true", "false":
            offset += word.utf8.count
            return .bool(word == "true", at: start)
        case "null":
            offset += word.utf8.count
            return .null(at: start)
        case "Infinity", "NaN":
            return .number(try readNumber(), at: start)
        case "":
            throw unexpected("a value")
        default:
            throw failure(.unexpectedCharacter,
                          "expected a value, found \(Self.quote(word)) (strings must be quoted)", at: offset)
        }
    }

    /// `{ key: value, ... }` with an optional trailing comma; keys are
    /// identifiers or strings, each at most once.
    private mutating func readObject(at start: SourcePosition) throws(JSON5Error) -> JSONValue {
        let unclosed = (name: "object", position: start)
        var members: [JSONMember] = []
        // Key bytes -> where the key was first written. Used for lookups only,
        // never iterated, so its per-process hash order cannot reach any output.
        var seen: [[UInt8]: SourcePosition] = [:]
        try readItems(closer: ASCII.rightBrace, unclosed: unclosed, after: "object member") { scanner throws(JSON5Error) in
            let keyPosition = scanner.position()
            let keyBytes: [UInt8]
            if scanner.current == ASCII.quote || scanner.current == ASCII.apostrophe {
                keyBytes = try scanner.readStringBytes()
            } else if scanner.startsIdentifier(at: scanner.offset) {
                keyBytes = try scanner.readIdentifierBytes()
            } else {
                throw scanner.unexpected("a key or '}'", unclosed: unclosed)
            }
            let key = String(decoding: keyBytes, as: UTF8.self)
            if let first = seen[keyBytes] {
                throw scanner.failure(.duplicateKey,
                                      "duplicate key \(JSONText.quoted(key)) in object: it is already defined at \(first)",
                                      at: keyPosition.offset, related: first)
            }
            seen[keyBytes] = keyPosition
            try scanner.skipTrivia()
            guard scanner.current == ASCII.colon else {
                throw scanner.unexpected("':' after key \(JSONText.quoted(key))", unclosed: unclosed)
            }
            scanner.offset += 1
            try scanner.skipTrivia()
            let value = try scanner.readValue()
            members.append(JSONMember(key: key, value: value, keyPosition: keyPosition))
        }
        return .object(members, at: start)
    }

    /// `[ value, ... ]` with an optional trailing comma.
    private mutating func readArray(at start: SourcePosition) throws(JSON5Error) -> JSONValue {
        let unclosed = (name: "array", position: start)
        var elements: [JSONValue] = []
        try readItems(closer: ASCII.rightBracket, unclosed: unclosed, after: "array element") { scanner throws(JSON5Error) in
            guard scanner.offset < scanner.bytes.count, scanner.current != ASCII.comma else {
                throw scanner.unexpected("a value or ']'", unclosed: unclosed)
            }
            elements.append(try scanner.readValue())
        }
        return .array(elements, at: start)
    }

    /// The loop both containers share: step over the opener, then read items
    /// separated by commas (a trailing comma allowed) up to `closer`, one
    /// nesting level deeper. `readItem` reads one member or element.
    private mutating func readItems(
        closer: UInt8,
        unclosed: (name: String, position: SourcePosition),
        after item: String,
        readItem: (inout JSON5Scanner) throws(JSON5Error) -> Void
    ) throws(JSON5Error) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw JSON5Error(kind: .depthLimitExceeded,
                             message: "nesting too deep: more than \(limits.maxDepth) levels of arrays and objects (the limit)",
                             position: unclosed.position)
        }
        offset += 1
        try skipTrivia()
        while current != closer {
            try readItem(&self)
            try skipTrivia()
            if current == ASCII.comma {
                offset += 1
                try skipTrivia()
            } else if current != closer {
                throw unexpected("',' or '\(Unicode.Scalar(closer))' after \(item)", unclosed: unclosed)
            }
        }
        offset += 1
        depth -= 1
    }
}
