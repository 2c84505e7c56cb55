/// Checks a schema before use: only keywords `SchemaValidator` implements,
/// each with a well-formed value, every `$ref` resolvable, every `pattern`
/// compiled. Why up front: a keyword the validator skipped would pass every
/// document, and nobody would notice the check was missing.
struct SchemaChecker {
    let definitions: [String: JSONValue]
    /// Compiled patterns by source text.
    var patterns: [String: SchemaPattern] = [:]

    init(definitions: [String: JSONValue]) {
        self.definitions = definitions
    }

    mutating func check(_ schema: JSONValue, at path: JSONPath) throws(SchemaDefinitionError) {
        if schema.boolValue != nil { return }
        guard let members = schema.objectMembers else { throw fail(path, "a schema is an object or a boolean") }
        for member in members {
            let at = path.appending(key: member.key)
            guard SchemaValidator.keywords.contains(member.key) else { throw fail(at, "unsupported keyword \"\(member.key)\"") }
            try checkKeyword(member.key, member.value, at: at)
        }
    }

    mutating func checkKeyword(_ keyword: String, _ value: JSONValue, at path: JSONPath) throws(SchemaDefinitionError) {
        switch keyword {
        case "$defs", "properties":
            guard let members = value.objectMembers else { throw fail(path, "expected an object of schemas") }
            for member in members { try check(member.value, at: path.appending(key: member.key)) }
        case "items", "additionalProperties":
            try check(value, at: path)
        case "oneOf", "anyOf":
            guard let branches = value.arrayValue, !branches.isEmpty else { throw fail(path, "expected a non-empty array of schemas") }
            for (index, branch) in branches.enumerated() { try check(branch, at: path.appending(index: index)) }
        case "type":
            let names = value.arrayValue?.map(\.stringValue) ?? [value.stringValue]
            guard !names.isEmpty, names.allSatisfy({ $0.map(SchemaValidator.typeNames.contains) ?? false }) else {
                throw fail(path, "expected a type name or a list of them")
            }
        case "enum":
            guard value.arrayValue != nil else { throw fail(path, "expected an array") }
        case "required":
            guard value.arrayValue?.allSatisfy({ $0.stringValue != nil }) ?? false else { throw fail(path, "expected an array of strings") }
        case "minimum", "maximum":
            guard value.doubleValue?.isFinite ?? false else { throw fail(path, "expected a number") }
        case "pattern":
            guard let source = value.stringValue else { throw fail(path, "expected a string") }
            do { patterns[source] = try SchemaPattern(source) } catch { throw fail(path, "\(error.message) at offset \(error.offset) in \(source)") }
        case "$ref":
            guard let reference = value.stringValue else { throw fail(path, "expected a string") }
            let prefix = "#/$defs/"
            guard reference == "#" || (reference.hasPrefix(prefix) && definitions[String(reference.dropFirst(prefix.count))] != nil) else {
                throw fail(path, "cannot resolve \(reference) (only # and #/$defs/NAME are supported)")
            }
        default:
            break  // annotations and `const`: any value
        }
    }

    func fail(_ path: JSONPath, _ message: String) -> SchemaDefinitionError {
        SchemaDefinitionError(path: path, message: message)
    }
}
