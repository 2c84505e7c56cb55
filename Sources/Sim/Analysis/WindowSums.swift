/// Totals of per-window counts, skipping NaN (a window where a count is
/// undefined contributes nothing rather than poisoning the total).
enum WindowSums {
    static func total(_ values: [Double]) -> Double {
        values.reduce(0) { $1.isNaN ? $0 : $0 + $1 }
    }

    /// numerator / denominator, NaN when the denominator is not positive.
    static func ratio(_ numerator: Double, _ denominator: Double) -> Double {
        denominator > 0 ? numerator / denominator : .nan
    }
}
