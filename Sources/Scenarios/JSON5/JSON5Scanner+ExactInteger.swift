/// Exact integer values of decimal number texts, computed from the digits
/// rather than through a `Double`, so `9007199254740993` stays exact.
extension JSON5Scanner {
    /// The value of `integer.fraction × 10^exponent` as an `Int64`, when it is
    /// a whole number in range: `2.50e1` is 25, `1e3` is 1000, `-0` is 0;
    /// `1.5`, `1e19` and `1e-3` are `nil`.
    static func exactInteger(integer: Range<Int>, fraction: Range<Int>, exponent: Int,
                             isNegative: Bool, in bytes: [UInt8]) -> Int64? {
        // All the significant digits, as one sequence of byte indices.
        var digits = Array(integer) + Array(fraction)
        let leadingZeros = digits.prefix { bytes[$0] == ASCII.zero }.count
        digits.removeFirst(leadingZeros)
        guard !digits.isEmpty else { return 0 }
        // Scale: value = digits × 10^scale.
        var scale = exponent - fraction.count
        let trailingZeros = digits.reversed().prefix { bytes[$0] == ASCII.zero }.count
        if scale < 0 {
            // Whole only if the digits after the point are all zeros.
            guard trailingZeros >= -scale else { return nil }
            digits.removeLast(-scale)
            scale = 0
        }
        // 19 digits is the most an Int64 magnitude can have.
        guard digits.count + scale <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for index in digits {
            magnitude = magnitude * 10 + UInt64(bytes[index] - ASCII.zero)
        }
        for _ in 0 ..< scale {
            let (scaled, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = scaled
        }
        return signed(magnitude, isNegative: isNegative)
    }

    /// `magnitude` with its sign as an `Int64`, `nil` out of range
    /// (`-9223372036854775808` fits, `9223372036854775808` does not).
    static func signed(_ magnitude: UInt64, isNegative: Bool) -> Int64? {
        if isNegative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }
}
