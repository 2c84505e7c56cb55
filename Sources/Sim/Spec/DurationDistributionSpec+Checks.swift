extension DurationDistributionSpec {
    /// The first parameter that makes no sense as a duration, with the message
    /// in duration units ("must be >= low (900ms), got 100ms"). The factories
    /// behind `build()` check again, unit-agnostically.
    func durationProblem() -> DistributionError? {
        func error(_ parameter: String, _ reason: String) -> DistributionError { DistributionError(parameter: parameter, reason: reason) }
        func negative(_ value: SimTime, _ parameter: String) -> DistributionError? {
            value.ns < 0 ? error(parameter, "a duration must be >= 0, got \(value.unitString)") : nil
        }
        switch self {
        case .constant(let value):
            return negative(value, "")
        case .uniform(let low, let high):
            if let problem = negative(low, "low") { return problem }
            return high < low ? error("high", "must be >= low (\(low.unitString)), got \(high.unitString)") : nil
        case .exponential(let mean):
            return mean.ns <= 0 ? error("mean", "must be > 0, got \(mean.unitString)") : nil
        case .normal(let mean, let sd):
            if let problem = negative(mean, "mean") { return problem }
            return negative(sd, "standardDeviation")
        case .lognormal(let median, let p99):
            if median.ns <= 0 { return error("median", "must be > 0, got \(median.unitString)") }
            return p99 < median ? error("p99", "must be >= the median (\(median.unitString)), got \(p99.unitString)") : nil
        case .pareto(let scale, _):
            return scale.ns <= 0 ? error("scale", "must be > 0, got \(scale.unitString)") : nil
        case .samples(let values):
            for (index, value) in values.enumerated() { if let problem = negative(value, "samples[\(index)]") { return problem } }
            return nil
        case .percentiles(let points):
            for (index, point) in points.enumerated() {
                if let problem = negative(point.value, "points[\(index)].value") { return problem }
                if index > 0 && point.value < points[index - 1].value {
                    return error("points[\(index)].value", "must be >= the value at the previous percentile (\(points[index - 1].value.unitString)), got \(point.value.unitString)")
                }
            }
            return nil
        case .mixture(let components):
            for (index, component) in components.enumerated() {
                if let problem = component.distribution.durationProblem() {
                    let inner = problem.parameter.isEmpty ? "" : ".\(problem.parameter)"
                    return error("components[\(index)].distribution\(inner)", problem.reason)
                }
            }
            return nil
        }
    }
}

extension String {
    /// `percentiles[2].value` -> `points[2].value` (the factory's name for the file's field).
    var replacingPercentiles: String {
        hasPrefix("percentiles") ? "points" + dropFirst("percentiles".count) : self
    }
}
