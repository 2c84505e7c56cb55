/// Literals for values built in code: `let v: JSONValue = ["retries": 3, "on": ["timeout"]]`.
/// A dictionary literal keeps its written order (it is a list of pairs, not a
/// `Dictionary`), so members come out in the order they are written.
extension JSONValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    /// `true` / `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// An integer number.
    public init(integerLiteral value: Int64) {
        self = .number(JSONNumber(value))
    }

    /// A double number.
    public init(floatLiteral value: Double) {
        self = .number(JSONNumber(value))
    }

    /// A string.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// An array.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// An object, members in written order (duplicates kept as written; only
    /// the parser rejects them).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { JSONMember(key: $0.0, value: $0.1) })
    }
}
