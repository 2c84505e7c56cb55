/// Percent weights to integer basis points that sum to exactly 10,000.
extension TrafficSplitConfig {
    /// The whole: one basis point is 1/10,000 of the traffic (0.01 %).
    public static let totalBasisPoints = 10_000

    /// Converts percentages (summing to 100) to basis points summing to
    /// exactly 10,000 by the largest-remainder (Hamilton) method: every target
    /// gets `floor(percent * 100)`, and the points still missing go one each
    /// to the largest fractional parts; ties go to the earlier target.
    ///
    /// Why not round each weight: three thirds round to 3333 each and lose a
    /// point; 0.005/99.995 round to 1/10000 and overshoot. Fractions are
    /// compared after quantising to 1e-6 points, so floating-point noise
    /// (`99.995 * 100 == 9999.500000000002`) cannot decide a tie.
    /// Percentages exact to 0.01 (the usual case) convert exactly.
    ///
    /// - Precondition: each percentage is in 0...100 and they sum to 100
    ///   within `weightSumTolerance` (what `validate()` checks).
    public static func basisPoints(_ percents: [Double]) -> [Int] {
        var points = [Int](repeating: 0, count: percents.count)
        var fractions = [Double](repeating: 0, count: percents.count)
        var assigned = 0
        for index in percents.indices {
            let exact = percents[index] * 100
            let whole = exact.rounded(.down)
            points[index] = Int(whole)
            fractions[index] = ((exact - whole) * 1e6).rounded() / 1e6
            assigned += points[index]
        }
        var missing = totalBasisPoints - assigned
        while missing > 0 {
            // The largest remaining fraction; strict `>` keeps the earlier index on ties.
            var best = 0
            for index in fractions.indices where fractions[index] > fractions[best] { best = index }
            points[best] += 1
            fractions[best] = -1
            missing -= 1
        }
        return points
    }
}
