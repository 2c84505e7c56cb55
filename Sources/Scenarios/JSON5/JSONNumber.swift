/// A number exactly as it was written, with its value as a `Double` and,
/// when it is a whole number that fits, as an `Int64`.
///
/// Why keep the text: `0x1F`, `1e3` and `.5` should print back the way the
/// author wrote them, and an integer above 2^53 must not silently lose digits
/// through a `Double` (`int64Value` is computed from the text, not the double).
public struct JSONNumber: Sendable, CustomStringConvertible {
    /// The number's source text (`+0x1F`, `-.5e3`, `Infinity`), or for a number
    /// built in code, a JSON5 text for it.
    public let text: String
    /// The value, rounded to the nearest double (`1e400` is `+infinity`, as in
    /// ECMAScript; `NaN` is NaN).
    public let doubleValue: Double
    /// The exact value when it is a whole number in `Int64`'s range (`1e3`,
    /// `0x10`, `2.50e1`, `-0`); `nil` otherwise (`1.5`, `1e19`, `NaN`).
    public let int64Value: Int64?

    /// A number with all three parts given (the parser's constructor).
    init(text: String, doubleValue: Double, int64Value: Int64?) {
        self.text = text
        self.doubleValue = doubleValue
        self.int64Value = int64Value
    }

    /// An integer built in code; its text is its decimal digits.
    public init(_ value: Int64) {
        self.init(text: String(value), doubleValue: Double(value), int64Value: value)
    }

    /// A double built in code; its text is the shortest decimal that reads back
    /// as the same double, or `Infinity`, `-Infinity`, `NaN`.
    public init(_ value: Double) {
        let text: String
        if value.isNaN {
            text = "NaN"
        } else if value.isInfinite {
            text = value < 0 ? "-Infinity" : "Infinity"
        } else {
            text = value.description
        }
        let whole = value.isFinite && value == value.rounded(.towardZero)
            && value >= -0x1p63 && value < 0x1p63
        self.init(text: text, doubleValue: value, int64Value: whole ? Int64(value) : nil)
    }

    /// Whether the value is a whole number that fits in `Int64`.
    public var isInt64: Bool { int64Value != nil }

    /// The source text.
    public var description: String { text }
}

extension JSONNumber: Equatable {
    /// Equal when the values are equal, however they were written: `16`,
    /// `0x10` and `1.6e1` are equal. Whole numbers compare exactly by
    /// `int64Value` (so 2^53 and 2^53 + 1 differ); `NaN` equals `NaN`, so that
    /// a document always equals itself.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.int64Value, rhs.int64Value) {
        case let (left?, right?):
            return left == right
        case (nil, nil):
            return lhs.doubleValue == rhs.doubleValue
                || (lhs.doubleValue.isNaN && rhs.doubleValue.isNaN)
        default:
            return false
        }
    }
}
