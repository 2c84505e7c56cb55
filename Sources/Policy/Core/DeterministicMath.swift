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

    /// `Int64(x.rounded())` (half away from zero) for |x| < 9.2e18, without a
    /// libm call: truncation is one instruction and `x - trunc(x)` is exact
    /// (Sterbenz), so the result is the same to the bit.
    @inlinable @inline(__always) public static func roundedToInt64(_ x: Double) -> Int64 {
        let truncated = Int64(x)
        let fraction = x - Double(truncated)
        // Whether a sampled duration rounds up is a coin toss the processor
        // would mispredict, so it is computed, not branched on: the sign bit
        // of fraction - 0.5 (exact, and +0 at a tie) is 0 exactly when
        // fraction >= 0.5; that of -0.5 - fraction when fraction <= -0.5.
        let up = Int64(bitPattern: ((fraction - 0.5).bitPattern >> 63) ^ 1)
        let down = Int64(bitPattern: ((-0.5 - fraction).bitPattern >> 63) ^ 1)
        return truncated &+ up &- down
    }

    /// Natural logarithm. `log(0) = -inf`; negative or NaN input gives NaN.
    @inlinable public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return .infinity }
        // x = m * 2^e with m in [sqrt(1/2), sqrt(2)).
        var (exponent, mantissa) = decompose(x)  // mantissa in [1, 2)
        // Which half the mantissa falls in is a coin toss, so it is computed,
        // not branched on: the sign bit of sqrt(2) - m is 1 exactly when
        // m > sqrt(2), and halving a normal m is one less in its exponent bits.
        let upper = (1.4142135623730951 - mantissa).bitPattern >> 63
        mantissa = Double(bitPattern: mantissa.bitPattern &- (upper << 52))
        exponent += Double(upper)
        // log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716.
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        // sum = s2/3 + s2^2/5 + ... + s2^10/21: eleven terms reach s^21, below
        // 2^-53 relative to the leading term. The reciprocals are constants, so
        // a sampled service time costs one division here, not eleven. The
        // polynomial is two Horner chains in s2^2 (even and odd coefficients)
        // that the processor runs side by side: one chain of ten steps would
        // be slower than the divisions it replaces.
        let s4 = s2 * s2
        let even = 1.0 / 3 + s4 * (1.0 / 7 + s4 * (1.0 / 11 + s4 * (1.0 / 15 + s4 * (1.0 / 19))))
        let odd = 1.0 / 5 + s4 * (1.0 / 9 + s4 * (1.0 / 13 + s4 * (1.0 / 17 + s4 * (1.0 / 21))))
        let sum = s2 * (even + s2 * odd)
        let logMantissa = 2 * (s + s * sum)
        return exponent * ln2Hi + (exponent * ln2Lo + logMantissa)
    }

    /// `(Double(x.exponent), x.significand)` for a finite x > 0. A normal x
    /// is read from its bits, which gives the same two values without the
    /// standard library's out-of-line getters (`log` runs once per sampled
    /// service time); a subnormal one takes the getters.
    @inlinable static func decompose(_ x: Double) -> (exponent: Double, significand: Double) {
        let biased = (x.bitPattern >> 52) & 0x7FF
        guard biased != 0 else { return (Double(x.exponent), x.significand) }
        return (Double(Int64(biased) - 1023), Double(bitPattern: (x.bitPattern & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000))
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

    /// sin(x). Reduces x modulo 2π (with a two-part π for accuracy), folds into
    /// [-π/4, π/4] and evaluates a Taylor polynomial: accurate to a few ulp for
    /// |x| up to about 1e6, plenty for periodic traffic and oscillation analysis.
    @inlinable public static func sin(_ x: Double) -> Double {
        if !x.isFinite { return .nan }
        let (quadrant, r) = reduceQuarterPi(x)
        switch quadrant & 3 {
        case 0: return sinPolynomial(r)
        case 1: return cosPolynomial(r)
        case 2: return -sinPolynomial(r)
        default: return -cosPolynomial(r)
        }
    }

    /// cos(x), by the same reduction as `sin`.
    @inlinable public static func cos(_ x: Double) -> Double {
        if !x.isFinite { return .nan }
        let (quadrant, r) = reduceQuarterPi(x)
        switch quadrant & 3 {
        case 0: return cosPolynomial(r)
        case 1: return -sinPolynomial(r)
        case 2: return -cosPolynomial(r)
        default: return sinPolynomial(r)
        }
    }

    /// x = k·(π/2) + r with |r| <= π/4; returns (k, r).
    @inlinable static func reduceQuarterPi(_ x: Double) -> (Int, Double) {
        let halfPiHi = 1.5707963267341256
        let halfPiLo = 6.077100506506192e-11
        let k = (x / 1.5707963267948966).rounded()
        let r = (x - k * halfPiHi) - k * halfPiLo
        return (Int(k.truncatingRemainder(dividingBy: 4) + 4) & 3, r)
    }

    /// Taylor series of sin on |r| <= π/4 to r^17 (error < 1e-19).
    @inlinable static func sinPolynomial(_ r: Double) -> Double {
        let r2 = r * r
        return r * (1 + r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880
            + r2 * (-1.0 / 39916800 + r2 * (1.0 / 6227020800 + r2 * (-1.0 / 1307674368000
            + r2 * (1.0 / 355687428096000)))))))))
    }

    /// Taylor series of cos on |r| <= π/4 to r^18.
    @inlinable static func cosPolynomial(_ r: Double) -> Double {
        let r2 = r * r
        return 1 + r2 * (-1.0 / 2 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320
            + r2 * (-1.0 / 3628800 + r2 * (1.0 / 479001600 + r2 * (-1.0 / 87178291200
            + r2 * (1.0 / 20922789888000 + r2 * (-1.0 / 6402373705728000)))))))))
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
