/// Numbers (spec section "Numbers"; ECMAScript 5.1 NumericLiteral plus a
/// sign, `Infinity` and `NaN`).
extension JSON5Scanner {
    /// Reads the number at the read point: `[+-]` then a hex integer (`0x1F`),
    /// a decimal (`12`, `1.5`, `.5`, `5.`, `1e-3`), `Infinity` or `NaN`.
    ///
    /// Rejected, as in ECMAScript 5.1 strict code: leading zeros (`01`, an
    /// octal literal in old ECMAScript), a `.` with no digit on either side,
    /// an exponent with no digits, `0x` with no digits. Values beyond the
    /// double range round as in ECMAScript (`1e400` is infinity, `1e-400` is 0).
    mutating func readNumber() throws(JSON5Error) -> JSONNumber {
        let start = offset
        var isNegative = false
        if current == ASCII.plus || current == ASCII.minus {
            isNegative = current == ASCII.minus
            offset += 1
        }
        if let named = readNamedNumber(isNegative: isNegative, start: start) {
            return named
        }
        if current == ASCII.zero && (byte(at: offset + 1) ?? 0) | 0x20 == UInt8(ascii: "x") {
            return try readHexNumber(isNegative: isNegative, start: start)
        }
        return try readDecimalNumber(isNegative: isNegative, start: start)
    }

    /// `Infinity` or `NaN` (after an optional sign), not followed by more of
    /// an identifier (`Infinityx` is not a number); `nil` if absent.
    private mutating func readNamedNumber(isNegative: Bool, start: Int) -> JSONNumber? {
        let value: Double
        let length: Int
        if matches("Infinity") {
            (value, length) = (isNegative ? -.infinity : .infinity, 8)
        } else if matches("NaN") {
            (value, length) = (.nan, 3)
        } else {
            return nil
        }
        guard offset + length >= bytes.count || !startsIdentifierPart(at: offset + length) else { return nil }
        offset += length
        return JSONNumber(text: text(from: start), doubleValue: value, int64Value: nil)
    }

    /// `0x` and one or more hex digits (the read point is on the `0`).
    private mutating func readHexNumber(isNegative: Bool, start: Int) throws(JSON5Error) -> JSONNumber {
        offset += 2
        let digitsStart = offset
        var magnitude: UInt64 = 0
        var overflowed = false
        while let digit = ASCII.hexValue(current) {
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: 16)
            overflowed = overflowed || overflow
            magnitude = shifted | UInt64(digit)
            offset += 1
        }
        guard offset > digitsStart else {
            throw unexpected("a hex digit after '\(text(from: offset - 2))'", kind: .invalidNumber)
        }
        let text = text(from: start)
        // Double(String) rounds "0x..." correctly however many digits there
        // are; it accepts every text the grammar above lets through.
        let double = Double(text) ?? .nan
        let exact = overflowed ? nil : Self.signed(magnitude, isNegative: isNegative)
        return JSONNumber(text: text, doubleValue: double, int64Value: exact)
    }

    /// `int[.frac][e[+-]exp]`, `int.`, or `.frac[e...]` (the read point is
    /// after any sign).
    private mutating func readDecimalNumber(isNegative: Bool, start: Int) throws(JSON5Error) -> JSONNumber {
        let integerDigits = readDigits()
        if integerDigits.count > 1 && bytes[integerDigits.lowerBound] == ASCII.zero {
            throw failure(.invalidNumber,
                          "invalid number: a leading '0' must not be followed by a digit (octal literals are not allowed), found '\(Unicode.Scalar(bytes[integerDigits.lowerBound + 1]))'",
                          at: integerDigits.lowerBound + 1)
        }
        var fractionDigits = offset ..< offset
        if current == ASCII.dot {
            offset += 1
            fractionDigits = readDigits()
        }
        if integerDigits.isEmpty && fractionDigits.isEmpty {
            let sawDot = bytes[offset - 1] == ASCII.dot
            throw unexpected(sawDot ? "a digit before or after '.'" : "a digit, '.', 'Infinity' or 'NaN' after '\(text(from: start))'",
                             kind: .invalidNumber)
        }
        var exponent = 0
        if (current ?? 0) | 0x20 == UInt8(ascii: "e") {
            exponent = try readExponent(numberStart: start)
        }
        let text = text(from: start)
        let exact = Self.exactInteger(integer: integerDigits, fraction: fractionDigits, exponent: exponent,
                                      isNegative: isNegative, in: bytes)
        // Double(String) is correctly rounded and accepts every text the
        // grammar above lets through (signs, `.5`, `5.`, `5.e3`).
        return JSONNumber(text: text, doubleValue: Double(text) ?? .nan, int64Value: exact)
    }

    /// `e` or `E`, an optional sign and one or more digits; returns the
    /// exponent, saturated at ±1,000,000 (beyond that every value is 0 or infinite).
    private mutating func readExponent(numberStart: Int) throws(JSON5Error) -> Int {
        offset += 1
        var sign = 1
        if current == ASCII.plus || current == ASCII.minus {
            sign = current == ASCII.minus ? -1 : 1
            offset += 1
        }
        let digits = readDigits()
        guard !digits.isEmpty else {
            throw unexpected("a digit in the exponent of '\(text(from: numberStart))'", kind: .invalidNumber)
        }
        var value = 0
        for index in digits {
            value = min(1_000_000, value * 10 + Int(bytes[index] - ASCII.zero))
        }
        return sign * value
    }

    /// Reads decimal digits and returns where they are (possibly empty).
    private mutating func readDigits() -> Range<Int> {
        let start = offset
        while ASCII.isDigit(current) {
            offset += 1
        }
        return start ..< offset
    }

    /// The source text from `start` to the read point.
    func text(from start: Int) -> String {
        String(decoding: bytes[start ..< offset], as: UTF8.self)
    }
}
