/// Why a JSON5 document was rejected, and where.
///
/// The message says what was expected and what was found; `description`
/// prefixes the position: `line 12, column 5: expected ',' or '}' after object
/// member, found 'x'`. The caller adds the file name (`file:line:column`).
public struct JSON5Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The class of problem, for callers and tests that branch on it.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A character that cannot appear here (the message names what could).
        case unexpectedCharacter
        /// The document ended where more was needed.
        case unexpectedEndOfInput
        /// A number that breaks the JSON5 number grammar (`01`, `1e`, `0x`).
        case invalidNumber
        /// A bad escape in a string or key (`\x4`, `\1`, a lone surrogate).
        case invalidEscape
        /// A string with no closing quote before the end of its line or input.
        case unterminatedString
        /// A `/*` comment with no `*/`.
        case unterminatedComment
        /// A raw control character (U+0000 to U+001F) inside a string.
        case controlCharacterInString
        /// The same key twice in one object.
        case duplicateKey
        /// More after the document's one value.
        case trailingContent
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// Arrays and objects nested deeper than `JSON5Limits.maxDepth`.
        case depthLimitExceeded
        /// A document larger than `JSON5Limits.maxDocumentBytes`.
        case sizeLimitExceeded
    }

    /// The class of problem.
    public var kind: Kind
    /// What was expected and what was found, without the position.
    public var message: String
    /// Where the problem is.
    public var position: SourcePosition
    /// A second place the message refers to: the first occurrence of a
    /// duplicated key, the start of an unterminated string or comment.
    public var relatedPosition: SourcePosition?

    /// An error made of its parts.
    public init(kind: Kind, message: String, position: SourcePosition, relatedPosition: SourcePosition? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
        self.relatedPosition = relatedPosition
    }

    /// Whether the document broke a limit rather than the grammar.
    public var isLimit: Bool { kind == .depthLimitExceeded || kind == .sizeLimitExceeded }

    /// `line 12, column 5: <message>`.
    public var description: String { "\(position): \(message)" }
}
