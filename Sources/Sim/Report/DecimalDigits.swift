/// The decimal digits of a finite, non-negative `Double`, rounded with string
/// arithmetic so the result never depends on the C library or the locale.
///
/// The digits come from `Double.description`, which the Swift runtime computes
/// itself (the shortest decimal that reads back as the same double), the same on
/// every platform. Rounding that decimal, rather than the binary value, is what a
/// person expects: `2.675` rounds to `2.68`, although the nearest double is
/// slightly below 2.675.
struct DecimalDigits: Equatable {
    /// Significant digits, most significant first, no leading zeros (empty for zero).
    var digits: [UInt8]
    /// How many of `digits` stand before the decimal point; may be negative or
    /// exceed `digits.count` (value = 0.d1d2d3... x 10^integerDigitCount).
    var integerDigitCount: Int

    /// The digits of `magnitude`, which must be finite and >= 0.
    init(_ magnitude: Double) {
        precondition(magnitude.isFinite && magnitude >= 0, "DecimalDigits needs a finite magnitude")
        // Forms produced by the runtime: "0.001", "123.5", "1e-05", "1.5e+16", "5e-324".
        let text = magnitude.description
        var mantissaDigits: [UInt8] = []
        var pointIndex: Int? = nil
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentNegative = true
            case UInt8(ascii: "+"): continue
            case UInt8(ascii: "."): pointIndex = mantissaDigits.count
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) }
                else { mantissaDigits.append(byte - UInt8(ascii: "0")) }
            default: continue
            }
        }
        var integerCount = (pointIndex ?? mantissaDigits.count) + (exponentNegative ? -exponent : exponent)
        var leading = 0
        while leading < mantissaDigits.count && mantissaDigits[leading] == 0 {
            leading += 1
            integerCount -= 1
        }
        var significant = Array(mantissaDigits[leading...])
        while significant.last == 0 { significant.removeLast() }
        digits = significant
        integerDigitCount = significant.isEmpty ? 0 : integerCount
    }

    /// True when every digit is zero.
    var isZero: Bool { digits.isEmpty }

    /// Rounds to `decimals` digits after the point, half away from zero.
    func rounded(toDecimals decimals: Int) -> DecimalDigits {
        let keep = integerDigitCount + decimals
        guard keep < digits.count else { return self }
        var copy = self
        guard keep >= 0 else {
            copy.digits = []
            copy.integerDigitCount = 0
            return copy
        }
        let roundUp = digits[keep] >= 5
        copy.digits = Array(digits[..<keep])
        if roundUp {
            var index = keep - 1
            while index >= 0 && copy.digits[index] == 9 {
                copy.digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                copy.digits[index] += 1
            } else {
                copy.digits.insert(1, at: 0)
                copy.integerDigitCount += 1
            }
        }
        while copy.digits.last == 0 { copy.digits.removeLast() }
        if copy.digits.isEmpty { copy.integerDigitCount = 0 }
        return copy
    }

    /// Plain positional text with exactly `decimals` digits after the point
    /// (no point when `decimals` is 0). Call on an already rounded value.
    func text(decimals: Int) -> String {
        var bytes: [UInt8] = []
        if integerDigitCount <= 0 {
            bytes.append(UInt8(ascii: "0"))
        } else {
            for position in 0..<integerDigitCount { bytes.append(UInt8(ascii: "0") + digit(at: position)) }
        }
        if decimals > 0 {
            bytes.append(UInt8(ascii: "."))
            for place in 0..<decimals { bytes.append(UInt8(ascii: "0") + digit(at: integerDigitCount + place)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The digit at `position` counted from the first significant digit (0 outside).
    private func digit(at position: Int) -> UInt8 {
        position >= 0 && position < digits.count ? digits[position] : 0
    }
}
