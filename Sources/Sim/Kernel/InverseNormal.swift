/// The standard normal quantile and CDF in plain arithmetic (no libm).
enum InverseNormal {
    /// Φ⁻¹(p) for p in (0, 1) by Acklam's rational approximation (relative
    /// error below 1.2e-9: far below any sampling error a run can show).
    static func quantile(_ p: Double) -> Double {
        let a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
        let b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01)
        let c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
        let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
        let pLow = 0.02425
        let x: Double
        if p < pLow {
            let q = (-2 * DeterministicMath.log(p)).squareRoot()
            x = (((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5)
                / ((((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1)
        } else if p <= 1 - pLow {
            let q = p - 0.5
            let r = q * q
            x = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
                / (((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1)
        } else {
            let q = (-2 * DeterministicMath.log(1 - p)).squareRoot()
            x = -(((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5)
                / ((((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1)
        }
        return x
    }

    /// Φ(x), the standard normal CDF, via `erfc` (relative error < 1.2e-7:
    /// used only to place the truncation point of a truncated normal).
    static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Complementary error function, Chebyshev fit from Numerical Recipes'
    /// `erfcc` form (fractional error < 1.2e-7 everywhere).
    static func erfc(_ x: Double) -> Double {
        let z = abs(x)
        let t = 1 / (1 + 0.5 * z)
        let polynomial = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277))))))))
        let result = t * DeterministicMath.exp(polynomial)
        return x >= 0 ? result : 2 - result
    }
}
