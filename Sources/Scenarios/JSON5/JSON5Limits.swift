/// Bounds on what the parser accepts, so a hostile or broken file stops with
/// a clear error instead of exhausting the stack or memory.
///
/// Two bounds cover everything that can grow: nesting depth bounds the
/// recursion, and document size bounds string lengths, member counts and
/// number lengths (none can exceed the bytes they are written in).
public struct JSON5Limits: Sendable, Equatable {
    /// The deepest nesting of arrays and objects; a top-level `[]` is depth 1.
    public var maxDepth: Int
    /// The largest document, in UTF-8 bytes.
    public var maxDocumentBytes: Int

    /// Limits made of their parts.
    public init(maxDepth: Int = 128, maxDocumentBytes: Int = 16 * 1024 * 1024) {
        self.maxDepth = maxDepth
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// 128 levels and 16 MiB: far beyond any scenario file, small enough that
    /// parsing can neither overflow the stack nor take noticeable memory.
    public static let `default` = JSON5Limits()
}
