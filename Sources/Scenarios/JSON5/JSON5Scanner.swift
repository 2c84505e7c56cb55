/// The parser's working state: the document's UTF-8 bytes, the read offset,
/// the nesting depth and the position locator.
///
/// One scanner parses one document; `JSON5Parser` is the public face. The
/// grammar lives in extensions by concern: `+Trivia` (white space, comments),
/// `+Values` (objects, arrays, literals), `+Strings`, `+Numbers`,
/// `+Identifiers`, `+Errors`. It reads bytes rather than `Character`s: the
/// grammar's punctuation is ASCII, and byte offsets are what positions need.
struct JSON5Scanner {
    /// The document, already checked to be UTF-8 and within the size limit.
    let bytes: [UInt8]
    /// The bounds in force.
    let limits: JSON5Limits
    /// The next byte to read.
    var offset = 0
    /// How many arrays and objects enclose the read point.
    var depth = 0
    /// Turns offsets into line and column.
    var locator: LineLocator

    init(bytes: [UInt8], limits: JSON5Limits) {
        self.bytes = bytes
        self.limits = limits
        self.locator = LineLocator(bytes: bytes)
    }

    /// The byte at the read point, `nil` at the end.
    var current: UInt8? { byte(at: offset) }

    /// The byte at `index`, `nil` past the end.
    func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// The position of byte `index` (the read point by default).
    mutating func position(at index: Int? = nil) -> SourcePosition {
        locator.position(at: index ?? offset)
    }

    /// The scalar starting at byte `index` and its length in bytes. The bytes
    /// were validated as UTF-8 before scanning, so this only assembles bits.
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = UInt32(bytes[index])
        guard lead >= 0x80 else { return (Unicode.Scalar(UInt8(lead)), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> (width + 1))
        for next in index + 1 ..< min(index + width, bytes.count) {
            value = value << 6 | UInt32(bytes[next] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// Whether a line terminator (LF, CR, U+2028, U+2029) starts at `index`;
    /// returns its length in bytes (CR LF counts as one terminator of 2), or 0.
    func lineTerminatorLength(at index: Int) -> Int {
        switch byte(at: index) {
        case 0x0A:
            return 1
        case 0x0D:
            return byte(at: index + 1) == 0x0A ? 2 : 1
        case 0xE2:
            let isSeparator = byte(at: index + 1) == 0x80
                && (byte(at: index + 2) == 0xA8 || byte(at: index + 2) == 0xA9)
            return isSeparator ? 3 : 0
        default:
            return 0
        }
    }

    /// Whether the bytes at the read point spell `word` (ASCII).
    func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return word.withUTF8Buffer { buffer in
            buffer.elementsEqual(bytes[offset ..< offset + count])
        }
    }
}

/// ASCII code points by name, so the grammar reads as characters.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let dollar: UInt8 = 0x24
    static let apostrophe: UInt8 = 0x27
    static let asterisk: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let backslash: UInt8 = 0x5C
    static let underscore: UInt8 = 0x5F
    static let leftBracket: UInt8 = 0x5B
    static let rightBracket: UInt8 = 0x5D
    static let leftBrace: UInt8 = 0x7B
    static let rightBrace: UInt8 = 0x7D

    /// Whether `byte` is `0` to `9`.
    static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= zero && byte <= nine
    }

    /// The value of a hex digit, `nil` for any other byte.
    static func hexValue(_ byte: UInt8?) -> UInt32? {
        guard let byte else { return nil }
        switch byte {
        case zero ... nine: return UInt32(byte - zero)
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
