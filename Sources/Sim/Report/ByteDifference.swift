/// Where two versions of a text file first differ: the line, the byte offset
/// and both lines as text. Used by golden-file tests and by
/// `faultsim run --check-determinism`.
public struct ByteDifference: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number of the first differing line.
    public var line: Int
    /// 0-based byte offset of the first differing byte.
    public var offset: Int
    /// The line in the first file (nil: that file ended before it).
    public var first: String?
    /// The line in the second file (nil: that file ended before it).
    public var second: String?

    public init(line: Int, offset: Int, first: String?, second: String?) {
        self.line = line
        self.offset = offset
        self.first = first
        self.second = second
    }

    /// The first difference between `first` and `second`, nil when the bytes are equal.
    public static func between(_ first: [UInt8], _ second: [UInt8]) -> ByteDifference? {
        guard first != second else { return nil }
        var offset = 0
        while offset < first.count, offset < second.count, first[offset] == second[offset] { offset += 1 }
        var line = 1, lineStart = 0
        for index in 0..<offset where first[index] == 10 {
            line += 1
            lineStart = index + 1
        }
        func text(_ bytes: [UInt8]) -> String? {
            guard lineStart < bytes.count else { return nil }
            let end = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            return String(decoding: bytes[lineStart..<end], as: UTF8.self)
        }
        return ByteDifference(line: line, offset: offset, first: text(first), second: text(second))
    }

    public var description: String {
        "first difference at line \(line) (byte \(offset)):\n  first:  \(first ?? "<end of file>")\n  second: \(second ?? "<end of file>")"
    }
}
