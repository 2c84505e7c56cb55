/// A parsed JSON5 document: one value, each part carrying where it was written.
///
/// Objects keep their members as an ordered list, in source order, with each
/// key's position. Why not a dictionary: Swift randomises dictionary order per
/// process, and a validator that reports errors in dictionary order would
/// print them in a different order on every run.
///
/// Positions are `.unknown` for values built in code (the default argument),
/// and `==` ignores them (see `JSONValue+Equatable.swift`).
public enum JSONValue: Sendable {
    /// `null`.
    case null(at: SourcePosition = .unknown)
    /// `true` or `false`.
    case bool(Bool, at: SourcePosition = .unknown)
    /// A number, with its source text (see `JSONNumber`).
    case number(JSONNumber, at: SourcePosition = .unknown)
    /// A string, escapes decoded.
    case string(String, at: SourcePosition = .unknown)
    /// An array; the position is that of its `[`.
    case array([JSONValue], at: SourcePosition = .unknown)
    /// An object, members in source order with no duplicate keys when parsed;
    /// the position is that of its `{`.
    case object([JSONMember], at: SourcePosition = .unknown)

    /// The six kinds of JSON value, for messages such as "expected an object, found a string".
    public enum Kind: String, Sendable, CaseIterable {
        /// `null`, `boolean`, ...: the raw values are the names messages use.
        case null, boolean, number, string, array, object

        /// The kind with its article: `a string`, `an object`, `null`.
        public var withArticle: String {
            switch self {
            case .null: "null"
            case .array, .object: "an \(rawValue)"
            case .boolean, .number, .string: "a \(rawValue)"
            }
        }
    }

    /// Which of the six kinds this value is.
    public var kind: Kind {
        switch self {
        case .null: .null
        case .bool: .boolean
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// Where the value starts in its document (`.unknown` when built in code).
    public var position: SourcePosition {
        switch self {
        case .null(let at), .bool(_, let at), .number(_, let at), .string(_, let at),
             .array(_, let at), .object(_, let at):
            at
        }
    }

    /// The same value with every position `.unknown`: text parsed from
    /// somewhere other than the document (a `--set` value).
    public var withoutPositions: JSONValue {
        switch self {
        case .null: .null()
        case .bool(let value, _): .bool(value)
        case .number(let value, _): .number(value)
        case .string(let value, _): .string(value)
        case .array(let elements, _): .array(elements.map(\.withoutPositions))
        case .object(let members, _): .object(members.map { JSONMember(key: $0.key, value: $0.value.withoutPositions) })
        }
    }
}

/// One `key: value` member of an object, with the position of its key.
public struct JSONMember: Sendable, Equatable {
    /// The key, escapes decoded (`'a\x62'` and `ab` are the same key).
    public var key: String
    /// The member's value.
    public var value: JSONValue
    /// Where the key is written (`.unknown` when built in code).
    public var keyPosition: SourcePosition

    /// A member made of its parts.
    public init(key: String, value: JSONValue, keyPosition: SourcePosition = .unknown) {
        self.key = key
        self.value = value
        self.keyPosition = keyPosition
    }

    /// Equal when keys are the same scalars and values are equal; positions ignored.
    public static func == (lhs: JSONMember, rhs: JSONMember) -> Bool {
        JSONText.sameScalars(lhs.key, rhs.key) && lhs.value == rhs.value
    }
}
