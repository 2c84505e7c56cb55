/// A mean with a Student-t confidence interval from independent (or batch) means.
public struct ConfidenceInterval: Sendable, Equatable, CustomStringConvertible {
    public var mean: Double
    public var halfWidth: Double
    public var samples: Int

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// The interval for the mean of `values`, treated as i.i.d. (replications or
    /// batch means). Half-width is 0 for fewer than two values.
    public init(of values: [Double], level: StudentT.Level) {
        samples = values.count
        mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        guard values.count >= 2 else {
            halfWidth = 0
            return
        }
        let m = mean
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
        halfWidth = StudentT.critical(level, degreesOfFreedom: values.count - 1) * (variance / Double(values.count)).squareRoot()
    }

    public var description: String { "\(mean) ± \(halfWidth) (n=\(samples))" }
}
