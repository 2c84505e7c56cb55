/// Exact parsing and formatting of durations as unit strings (`"250ms"`, `"1.5s"`).
///
/// Parsing is strict: one optional sign, digits with at most one decimal point,
/// then exactly one unit from `ns us ms s m h`. No spaces, no exponent, no
/// bare numbers (a bare number has no unit and is therefore ambiguous). The
/// decimal is converted with integer arithmetic, so `"0.1s"` is exactly
/// 100,000,000 ns; a fraction finer than one nanosecond is an error.
extension Nanoseconds {
    /// Unit suffixes in the order they are tried when formatting (largest first).
    static let units: [(suffix: String, ns: Int64)] = [
        ("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000),
        ("ms", 1_000_000), ("us", 1_000), ("ns", 1),
    ]

    /// Parses a unit string (or `"never"` for `.max`). Returns `nil` for anything not of the strict form.
    public init?(parsing text: String) {
        if text == "never" {
            self = .max
            return
        }
        var body = Substring(text)
        var unitNs: Int64 = 0
        // Longest suffix first so "ms" is not read as "m" + "s".
        for suffix in ["ns", "us", "ms", "h", "m", "s"] where body.hasSuffix(suffix) {
            unitNs = Nanoseconds.units.first { $0.suffix == suffix }!.ns
            body = body.dropLast(suffix.count)
            break
        }
        guard unitNs > 0, let value = Nanoseconds.parseDecimal(body, scale: unitNs) else { return nil }
        self.init(ns: value)
    }

    /// The exact unit string: the largest unit that divides the value evenly;
    /// `"never"` for `.max` (no timeout, no end).
    public var unitString: String {
        if self == .max { return "never" }
        if ns == 0 { return "0s" }
        for unit in Nanoseconds.units where ns % unit.ns == 0 {
            return "\(ns / unit.ns)\(unit.suffix)"
        }
        return "\(ns)ns"
    }

    /// Parses `[-]digits[.digits]` times `scale` with exact integer arithmetic.
    static func parseDecimal(_ text: Substring, scale: Int64) -> Int64? {
        var digits = text
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholeText = parts.first, !wholeText.isEmpty,
              wholeText.allSatisfy({ $0.isASCII && $0.isNumber }),
              let whole = Int64(wholeText) else { return nil }
        var (total, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 18,
                  fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            // fraction * scale / 10^digits must be a whole number of nanoseconds.
            var denominator: Int64 = 1
            for _ in 0..<fraction.count { denominator *= 10 }
            let (product, productOverflow) = Int64(fraction)!.multipliedReportingOverflow(by: scale)
            guard !productOverflow, product % denominator == 0 else { return nil }
            (total, overflow) = total.addingReportingOverflow(product / denominator)
            guard !overflow else { return nil }
        }
        return negative ? -total : total
    }
}

extension Nanoseconds: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Nanoseconds(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a duration with a unit (ns, us, ms, s, m, h) such as \"250ms\", or \"never\", got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(unitString)
    }
}
