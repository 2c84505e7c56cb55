/// Two-sided Student-t critical values for confidence intervals.
///
/// Exact table values (to 3 decimals, from standard tables) for 1...30 degrees
/// of freedom; beyond that the Cornish-Fisher expansion in the normal quantile,
/// whose error there is below 1e-4.
public enum StudentT {
    /// Supported confidence levels.
    public enum Level: Sendable { case ninetyFive, ninetyNine }

    static let table95: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]
    static let table99: [Double] = [
        63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169,
        3.106, 3.055, 3.012, 2.977, 2.947, 2.921, 2.898, 2.878, 2.861, 2.845,
        2.831, 2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763, 2.756, 2.750,
    ]

    /// t such that P(|T| <= t) = level for `degreesOfFreedom` >= 1.
    public static func critical(_ level: Level, degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "degrees of freedom must be >= 1")
        if df <= 30 { return (level == .ninetyFive ? table95 : table99)[df - 1] }
        let z = level == .ninetyFive ? 1.959963984540054 : 2.5758293035489004
        let v = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        return z + (z3 + z) / (4 * v)
            + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v)
    }
}
