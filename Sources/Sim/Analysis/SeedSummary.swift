/// The mean over seeds with its Student-t interval, NaN values (runs where the
/// figure is undefined) left out: a thin convenience over `ConfidenceInterval`.
public enum SeedSummary {
    /// Mean and Student-t half-width of the defined values at `level`.
    public static func interval(_ values: [Double], level: StudentT.Level = .ninetyFive) -> ConfidenceInterval {
        ConfidenceInterval(of: values.filter { !$0.isNaN }, level: level)
    }
}
