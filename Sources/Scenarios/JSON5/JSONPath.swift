/// Where a value sits inside a document, as keys and indices from the root:
/// `services[2].calls[0].target`.
///
/// The scenario validator names fields with it in its errors. Keys that are not
/// plain ASCII identifiers print in brackets as JSON strings (`headers["x-id"]`),
/// so every path prints unambiguously and can be pasted into a JavaScript console.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step down: into an object member or an array element.
    public enum Component: Hashable, Sendable {
        /// An object member, by key.
        case key(String)
        /// An array element, by 0-based index.
        case index(Int)
    }

    /// The steps from the root, outermost first.
    public var components: [Component]

    /// A path made of steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document itself.
    public static let root = JSONPath()

    /// Whether this is the document itself.
    public var isRoot: Bool { components.isEmpty }

    /// This path with an object key added.
    public func appending(key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// This path with an array index added.
    public func appending(index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// The path without its last step (the root stays the root).
    public var parent: JSONPath {
        JSONPath(Array(components.dropLast()))
    }

    /// `services[2].calls[0].target`; `["odd key"].x` for keys that are not
    /// identifiers; `(root)` for the document itself.
    public var description: String {
        guard !components.isEmpty else { return "(root)" }
        var out = ""
        for component in components {
            switch component {
            case .key(let key) where JSONText.isPlainIdentifier(key):
                out += out.isEmpty ? key : "." + key
            case .key(let key):
                out += "[" + JSONText.quoted(key) + "]"
            case .index(let index):
                out += "[\(index)]"
            }
        }
        return out
    }
}

extension JSONPath: ExpressibleByArrayLiteral {
    /// `["services", 2, "target"]`-style paths in code and tests.
    public init(arrayLiteral elements: JSONPath.Component...) {
        self.init(elements)
    }
}

extension JSONPath.Component: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A key from a string literal.
    public init(stringLiteral value: String) {
        self = .key(value)
    }

    /// An index from an integer literal.
    public init(integerLiteral value: Int) {
        self = .index(value)
    }
}
