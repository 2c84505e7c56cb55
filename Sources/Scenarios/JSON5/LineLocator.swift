/// Turns byte offsets into `SourcePosition`s, scanning the document once.
///
/// The parser asks for positions in increasing order (every value records
/// where it starts), so the locator keeps where it stopped and only scans
/// forward: the whole document costs one pass, however many values it has.
/// Why not count lines while lexing: the lexer then stays about tokens, and
/// line terminators inside strings and comments cannot be forgotten.
struct LineLocator {
    private let bytes: [UInt8]
    private var scannedTo = 0
    private var line = 1
    private var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The position of the scalar that starts at byte `offset`.
    /// Complexity: amortised O(1) per byte when called with increasing offsets;
    /// an earlier offset rescans from the start (only error reports do that).
    mutating func position(at offset: Int) -> SourcePosition {
        if offset < scannedTo {
            scannedTo = 0
            line = 1
            column = 1
        }
        var index = scannedTo
        while index < offset {
            let byte = bytes[index]
            if endsLine(at: index) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Count scalar starts only: continuation bytes are the same column.
                column += 1
            }
            index += 1
        }
        scannedTo = offset
        return SourcePosition(line: line, column: column, offset: offset)
    }

    /// Whether the byte at `index` is the byte that finishes a line: LF, a CR
    /// not followed by LF (so CR LF counts once), or the first byte of
    /// U+2028 / U+2029 (E2 80 A8 / E2 80 A9; their continuation bytes add no column).
    private func endsLine(at index: Int) -> Bool {
        switch bytes[index] {
        case 0x0A:
            return true
        case 0x0D:
            return index + 1 >= bytes.count || bytes[index + 1] != 0x0A
        case 0xE2:
            return index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        default:
            return false
        }
    }
}
