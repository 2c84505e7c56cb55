/// A place in a source document: 1-based line and column, plus the byte offset.
///
/// Lines end at LF, CR, CR LF, U+2028 and U+2029 (the JSON5 / ECMAScript 5.1
/// line terminators). Columns count Unicode scalars, so a line of `é` and `e`
/// is two columns wide however it is encoded; a tab counts as one column.
/// Why both forms: people read `line:column`, tools seek by byte offset.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based line number; 0 only for `.unknown`.
    public var line: Int
    /// The 1-based column, in Unicode scalars; 0 only for `.unknown`.
    public var column: Int
    /// The 0-based offset in the document's UTF-8 bytes.
    public var offset: Int

    /// A position made of its parts.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The position of a value that did not come from a document (built in code).
    public static let unknown = SourcePosition(line: 0, column: 0, offset: 0)

    /// The first character of a document.
    public static let start = SourcePosition(line: 1, column: 1, offset: 0)

    /// Whether this position points into a document (not `.unknown`).
    public var isKnown: Bool { line > 0 }

    /// `line 12, column 5`, the prefix of every parse error.
    public var description: String { "line \(line), column \(column)" }

    /// Earlier in the document first (by byte offset).
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }
}
