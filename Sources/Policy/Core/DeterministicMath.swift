/// Elementary functions computed with plain IEEE-754 `+ - * /` only.
///
/// The standard library has no `log`/`exp`, and the platform's libm may round
/// differently from one OS (or version) to the next. A simulator whose reports
/// must be byte-identical on every machine cannot let that reach a result, so
/// we compute these ourselves: accurate to a few ulp, identical everywhere.
public enum DeterministicMath {
    /// ln 2 split so that `k * ln2Hi` is exact for |k| < 2^11 (Cody-Waite).
    @usableFromInline static let ln2Hi = 6.93147180369123816490e-01
    @usableFromInline static let ln2Lo = 1.90821492927058770002e-10
    @usableFromInline static let ln2 = 0.693147180559945309417232121458176568
    @usableFromInline static let ln10 = 2.302585092994045684017991454684364208

    /// Natural logarithm. `log(0) = -inf`; negative or NaN input gives NaN.
    @inlinable public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return .infinity }
        // x = m * 2^e with m in [sqrt(1/2), sqrt(2)).
        var exponent = Double(x.exponent)
        var mantissa = x.significand  // in [1, 2)
        if mantissa > 1.4142135623730951 {
            mantissa *= 0.5
            exponent += 1
        }
        // log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716.
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var term = s2
        var sum = 0.0
        var k = 3.0
        // Eleven terms reach s^21, below 2^-53 relative to the leading term.
        for _ in 0..<10 {
            sum += term / k
            term *= s2
            k += 2
        }
        let logMantissa = 2 * (s + s * sum)
        return exponent * ln2Hi + (exponent * ln2Lo + logMantissa)
    }

    /// Base-10 logarithm.
    @inlinable public static func log10(_ x: Double) -> Double { log(x) / ln10 }

    /// e^x. Overflows to +inf above ~709.78, underflows to 0 below ~-745.
    @inlinable public static func exp(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        // x = k ln2 + r, |r| <= ln2 / 2.
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        // Taylor series of e^r to r^16/16!; error < 1e-18 for |r| <= 0.347.
        var term = 1.0
        var sum = 1.0
        var n = 1.0
        for _ in 0..<16 {
            term *= r / n
            sum += term
            n += 1
        }
        return scaleByPowerOfTwo(sum, Int(k))
    }

    /// x^y for x > 0 (and 0^y = 0 for y > 0, x^0 = 1).
    @inlinable public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 { return 1 }
        if x == 0 { return y > 0 ? 0 : .infinity }
        return exp(y * log(x))
    }

    /// `value * 2^power`, exact while the result is normal.
    @inlinable public static func scaleByPowerOfTwo(_ value: Double, _ power: Int) -> Double {
        var result = value
        var remaining = power
        // Step in chunks so intermediate scale factors stay finite.
        while remaining > 1000 { result *= 0x1p1000; remaining -= 1000 }
        while remaining < -1000 { result *= 0x1p-1000; remaining += 1000 }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }
}
