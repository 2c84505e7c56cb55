/// `oneOf` / `anyOf`, and the wording of values and types in messages.
extension SchemaValidator {
    /// When no branch fits, report the branch the value was most likely meant
    /// for, not every branch's complaints:
    /// - branches whose type is wrong do not count, unless all are: then one
    ///   message lists the types (`expected a number or a string, got true`);
    /// - branches whose discriminator (`kind: "uniform"`) differs do not count,
    ///   unless all differ: then one message lists the accepted values;
    /// - of the rest, the one with the fewest violations, then the one with the
    ///   most of its required keys present, then the first.
    func checkBranches(_ value: JSONValue, _ branches: [JSONValue], exactlyOne: Bool, at path: JSONPath, via: String?,
                       into violations: inout [SchemaViolation]) {
        let results = branches.map { branch in
            var found: [SchemaViolation] = []
            check(value, against: branch, at: path, via: via, into: &found)
            return found
        }
        let passing = results.indices.filter { results[$0].isEmpty }
        if exactlyOne, passing.count > 1 {
            violations.append(SchemaViolation(path: path, message: "matches \(passing.count) of the oneOf alternatives "
                                              + "(\(passing.map { "#\($0 + 1)" }.joined(separator: ", "))); expected exactly one"))
        }
        guard passing.isEmpty else { return }
        let typed = results.indices.filter { index in !results[index].contains { $0.path == path && $0.isTypeMismatch } }
        guard !typed.isEmpty else {
            var expected: [String] = []
            for result in results {
                for violation in result where violation.path == path {
                    if case .type(let text) = violation.reason, !expected.contains(text) { expected.append(text) }
                }
            }
            let name = via.map { " (\($0))" } ?? ""
            violations.append(SchemaViolation(path: path, message: "expected \(expected.joined(separator: " or "))\(name), got \(Self.describe(value))",
                                              reason: .type(expected.joined(separator: " or "))))
            return
        }
        let matched = typed.filter { index in !results[index].contains { $0.isConstantMismatch && $0.path.parent == path && !$0.path.isRoot } }
        guard !matched.isEmpty else {
            violations.append(discriminatorViolation(results: typed.map { results[$0] }, value: value))
            return
        }
        let best = matched.min { left, right in
            if results[left].count != results[right].count { return results[left].count < results[right].count }
            return requiredPresent(value, branches[left]) > requiredPresent(value, branches[right])
        }
        if let best { violations += results[best] }
    }

    /// One message for a discriminator no branch accepts: every accepted value.
    func discriminatorViolation(results: [[SchemaViolation]], value: JSONValue) -> SchemaViolation {
        var accepted: [String] = []
        var at = JSONPath()
        for result in results {
            for violation in result {
                guard case .constant(let constant) = violation.reason else { continue }
                at = violation.path
                let name = constant.stringValue ?? Self.describe(constant)
                if !accepted.contains(name) { accepted.append(name) }
            }
        }
        var given: JSONValue = .null()
        if case .key(let key)? = at.components.last, let found = value[key] { given = found }
        return SchemaViolation(path: at, message: "expected one of \(accepted.joined(separator: ", ")), got \(Self.describe(given))"
                               + Suggest.hint(for: given.stringValue ?? "", in: accepted))
    }

    /// How many of a branch's required keys (through one `$ref`) the value has.
    func requiredPresent(_ value: JSONValue, _ branch: JSONValue) -> Int {
        var schema = branch
        if let reference = branch["$ref"]?.stringValue, let (target, _) = resolve(reference) { schema = target }
        let required = schema["required"]?.arrayValue ?? []
        return required.filter { key in key.stringValue.map { value[$0] != nil } ?? false }.count
    }

    static func value(_ value: JSONValue, hasType types: JSONValue) -> Bool {
        let names = types.arrayValue?.compactMap(\.stringValue) ?? types.stringValue.map { [$0] } ?? []
        return names.contains { name in
            switch name {
            case "integer":
                guard let number = value.doubleValue else { return false }
                return number.isFinite && number == number.rounded()
            case "number": return value.doubleValue?.isFinite ?? false
            default: return value.kind.rawValue == name
            }
        }
    }

    /// `a string`, `an integer or null`.
    static func typeList(_ types: JSONValue) -> String {
        let names = types.arrayValue?.compactMap(\.stringValue) ?? types.stringValue.map { [$0] } ?? []
        return names.map { name in
            switch name {
            case "null": "null"
            case "integer", "array", "object": "an \(name)"
            default: "a \(name)"
            }
        }.joined(separator: " or ")
    }

    /// A value as messages show it: strings quoted, numbers as written, containers by kind.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text, _): JSONText.quoted(text)
        case .number(let number, _): number.text
        case .bool(let flag, _): "\(flag)"
        default: value.kind.withArticle
        }
    }
}

extension SchemaViolation {
    var isTypeMismatch: Bool {
        if case .type = reason { return true }
        return false
    }

    var isConstantMismatch: Bool {
        if case .constant = reason { return true }
        return false
    }
}
