/// Where a document breaks the schema and what was expected there:
/// `services[0].queueDiscipline: expected one of fifo, lifo, got "fofo" (did you mean "fifo"?)`.
public struct SchemaViolation: Equatable, Sendable, CustomStringConvertible {
    /// What kind of rule failed, for choosing the best-fitting `oneOf` branch.
    enum Reason: Equatable, Sendable {
        /// The value's type; the associated text is what was expected (`an object`).
        case type(String)
        /// A `const` (a variant's discriminator such as `kind`).
        case constant(JSONValue)
        case other
    }

    /// The value at fault, from the document's root.
    public var path: JSONPath
    /// What was expected and what was found.
    public var message: String
    var reason: Reason

    public init(path: JSONPath, message: String) {
        self.init(path: path, message: message, reason: .other)
    }

    init(path: JSONPath, message: String, reason: Reason) {
        self.path = path
        self.message = message
        self.reason = reason
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }

    public static func == (lhs: SchemaViolation, rhs: SchemaViolation) -> Bool {
        lhs.path == rhs.path && lhs.message == rhs.message
    }
}

/// A schema the validator cannot use: an unsupported keyword or pattern, a
/// dangling `$ref`, a malformed keyword value. `path` is inside the schema.
public struct SchemaDefinitionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String
    public var description: String { "schema \(path): \(message)" }
}
