/// Typed views of a value: each returns `nil` when the value is another kind,
/// so a validator can write `value.stringValue ?? report(...)`.
extension JSONValue {
    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The boolean, if this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let value, _) = self { return value }
        return nil
    }

    /// The number with its source text, if this is a number.
    public var numberValue: JSONNumber? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    /// The number as a double, if this is a number.
    public var doubleValue: Double? { numberValue?.doubleValue }

    /// The number as an exact `Int64`, if this is a whole number that fits.
    public var int64Value: Int64? { numberValue?.int64Value }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value, _) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements, _) = self { return elements }
        return nil
    }

    /// The members in source order, if this is an object.
    public var objectMembers: [JSONMember]? {
        if case .object(let members, _) = self { return members }
        return nil
    }

    /// The member whose key is exactly `key` (same scalars), if this is an
    /// object that has one. Complexity: O(members), fine for scenario-sized objects.
    public func member(named key: String) -> JSONMember? {
        objectMembers?.first { JSONText.sameScalars($0.key, key) }
    }

    /// The value of the member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        member(named: key)?.value
    }

    /// The element at `index`, if this is an array and the index is in range.
    public subscript(index: Int) -> JSONValue? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The value at `path` below this one, or `nil` where a key or index is missing.
    public func value(at path: JSONPath) -> JSONValue? {
        var current = self
        for component in path.components {
            let next: JSONValue?
            switch component {
            case .key(let key): next = current[key]
            case .index(let index): next = current[index]
            }
            guard let found = next else { return nil }
            current = found
        }
        return current
    }
}
