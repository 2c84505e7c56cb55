/// A small JSON Schema validator for the subset our generated schema uses, so
/// a test can check every built-in scenario against `faultsim schema` without
/// a package dependency.
///
/// Supported keywords (draft 2020-12 meaning): `type` (one name or a list;
/// `integer` is a number with no fraction), `enum`, `const`, `properties`,
/// `required`, `additionalProperties` (a boolean or a schema), `items` (one
/// schema for every element), `minimum`, `maximum`, `pattern` (see
/// `SchemaPattern` for the syntax), `oneOf`, `anyOf`, and `$ref` to `#` or
/// `#/$defs/NAME`. Annotations (`$schema`, `$id`, `$defs`, `title`,
/// `description`, `default`) are read and ignored. Any other keyword makes
/// `init` throw, so the generator can never emit a rule this validator would
/// silently skip.
///
/// Numbers must be finite (JSON has no `Infinity`, which JSON5 allows).
/// Violations come in document order, each with its JSON path.
public struct SchemaValidator: Sendable {
    static let keywords: Set<String> = [
        "$schema", "$id", "$defs", "title", "description", "default",
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items",
        "minimum", "maximum", "pattern", "oneOf", "anyOf",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]

    let root: JSONValue
    /// `$defs` by name (lookups only; nothing iterates it).
    let definitions: [String: JSONValue]
    /// Compiled `pattern`s by their source text.
    let patterns: [String: SchemaPattern]

    /// Loads a schema, rejecting keywords and patterns this validator does not support.
    public init(schema: JSONValue) throws(SchemaDefinitionError) {
        root = schema
        var definitions: [String: JSONValue] = [:]
        for member in schema["$defs"]?.objectMembers ?? [] { definitions[member.key] = member.value }
        self.definitions = definitions
        var checker = SchemaChecker(definitions: definitions)
        try checker.check(schema, at: JSONPath())
        patterns = checker.patterns
    }

    /// Every violation in `document`, in document order; empty when it conforms.
    public func validate(_ document: JSONValue) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        check(document, against: root, at: JSONPath(), via: nil, into: &violations)
        return violations
    }

    /// The schema a `$ref` names (the checker has made sure it exists).
    func resolve(_ reference: String) -> (JSONValue, name: String?)? {
        if reference == "#" { return (root, nil) }
        let name = String(reference.dropFirst("#/$defs/".count))
        return definitions[name].map { ($0, name) }
    }

    /// Applies every keyword of `schema` to `value`; `via` names the `$defs`
    /// entry being checked (for messages). A wrong type stops the other
    /// keywords, which would only repeat it.
    func check(_ value: JSONValue, against schema: JSONValue, at path: JSONPath, via: String?, into violations: inout [SchemaViolation]) {
        if case .bool(let allowed, _) = schema {
            if !allowed { violations.append(SchemaViolation(path: path, message: "not allowed here")) }
            return
        }
        if let reference = schema["$ref"]?.stringValue, let (target, name) = resolve(reference) {
            check(value, against: target, at: path, via: name ?? via, into: &violations)
        }
        if let types = schema["type"], !Self.value(value, hasType: types) {
            let expected = Self.typeList(types)
            let name = via.map { " (\($0))" } ?? ""
            violations.append(SchemaViolation(path: path, message: "expected \(expected)\(name), got \(Self.describe(value))", reason: .type(expected)))
            return
        }
        if let constant = schema["const"], value != constant {
            violations.append(SchemaViolation(path: path, message: "expected \(Self.describe(constant)), got \(Self.describe(value))",
                                              reason: .constant(constant)))
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            let names = options.map { $0.stringValue ?? Self.describe($0) }
            violations.append(SchemaViolation(path: path, message: "expected one of \(names.joined(separator: ", ")), got \(Self.describe(value))"
                                              + Suggest.hint(for: value.stringValue ?? "", in: names)))
        }
        checkScalar(value, against: schema, at: path, via: via, into: &violations)
        if let members = value.objectMembers { checkObject(members, against: schema, at: path, into: &violations) }
        if let elements = value.arrayValue, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                check(element, against: items, at: path.appending(index: index), via: nil, into: &violations)
            }
        }
        if let branches = schema["anyOf"]?.arrayValue { checkBranches(value, branches, exactlyOne: false, at: path, via: via, into: &violations) }
        if let branches = schema["oneOf"]?.arrayValue { checkBranches(value, branches, exactlyOne: true, at: path, via: via, into: &violations) }
    }

    func checkScalar(_ value: JSONValue, against schema: JSONValue, at path: JSONPath, via: String?, into violations: inout [SchemaViolation]) {
        if let number = value.doubleValue {
            if let bound = schema["minimum"], let minimum = bound.doubleValue, number < minimum {
                violations.append(SchemaViolation(path: path, message: "expected a number >= \(Self.describe(bound)), got \(Self.describe(value))"))
            }
            if let bound = schema["maximum"], let maximum = bound.doubleValue, number > maximum {
                violations.append(SchemaViolation(path: path, message: "expected a number <= \(Self.describe(bound)), got \(Self.describe(value))"))
            }
        }
        if let text = value.stringValue, let source = schema["pattern"]?.stringValue, let pattern = patterns[source], !pattern.matches(text) {
            let name = via.map { " (\($0))" } ?? ""
            violations.append(SchemaViolation(path: path, message: "expected a string matching \(source)\(name), got \(Self.describe(value))"))
        }
    }

    func checkObject(_ members: [JSONMember], against schema: JSONValue, at path: JSONPath, into violations: inout [SchemaViolation]) {
        let properties = schema["properties"]?.objectMembers ?? []
        for member in members {
            let memberPath = path.appending(key: member.key)
            if let property = properties.first(where: { $0.key == member.key }) {
                check(member.value, against: property.value, at: memberPath, via: nil, into: &violations)
            } else if let additional = schema["additionalProperties"] {
                if additional.boolValue == false {
                    violations.append(SchemaViolation(path: memberPath, message: "unknown field \"\(member.key)\""
                                                      + Suggest.hint(for: member.key, in: properties.map(\.key))))
                } else {
                    check(member.value, against: additional, at: memberPath, via: nil, into: &violations)
                }
            }
        }
        for required in schema["required"]?.arrayValue ?? [] {
            guard let key = required.stringValue, !members.contains(where: { $0.key == key }) else { continue }
            violations.append(SchemaViolation(path: path, message: "missing required field \"\(key)\""))
        }
    }
}
