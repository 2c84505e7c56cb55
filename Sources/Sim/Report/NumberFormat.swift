/// Number text for reports that never depends on locale, platform or C library.
///
/// Every report number goes through here, so the same value prints as the same
/// bytes on every machine: byte-identical reports are a product requirement.
/// Non-finite values are spelled out as `NaN`, `inf` and `-inf` (the spellings
/// pandas and spreadsheets read back). Rounding is half away from zero on the
/// shortest round-trip decimal (see `DecimalDigits`), and a value that rounds to
/// zero never prints a minus sign.
public enum NumberFormat {
    /// The spelling of a NaN ("undefined": no data in the window).
    public static let notANumber = "NaN"
    /// The spelling of positive infinity.
    public static let infinity = "inf"

    /// Exactly `decimals` digits after the point: `fixed(2.5, decimals: 2)` is `"2.50"`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        precondition(decimals >= 0, "decimals must be >= 0")
        if let special = nonFinite(value) { return special }
        let rounded = DecimalDigits(value.magnitude).rounded(toDecimals: decimals)
        let sign = value < 0 && !rounded.isZero ? "-" : ""
        return sign + rounded.text(decimals: decimals)
    }

    /// At most `maxDecimals` digits after the point, trailing zeros (and a bare
    /// point) removed: `trimmed(2.50, maxDecimals: 3)` is `"2.5"`, `trimmed(3, ...)` is `"3"`.
    public static func trimmed(_ value: Double, maxDecimals: Int) -> String {
        let text = fixed(value, decimals: maxDecimals)
        guard maxDecimals > 0, value.isFinite else { return text }
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "0" { end = text.index(before: end) }
        if end > text.startIndex, text[text.index(before: end)] == "." { end = text.index(before: end) }
        return String(text[..<end])
    }

    /// A ratio as a percentage with `decimals` fixed decimals: `percent(0.9991, decimals: 1)` is `"99.9%"`.
    public static func percent(_ ratio: Double, decimals: Int) -> String {
        if let special = nonFinite(ratio) { return special }
        return fixed(ratio * 100, decimals: decimals) + "%"
    }

    /// The spelling of a non-finite value, or nil for a finite one.
    static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return notANumber }
        if value.isInfinite { return value < 0 ? "-" + infinity : infinity }
        return nil
    }
}
