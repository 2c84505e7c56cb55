/// A distribution parameter that makes no sense, and why.
public struct DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parameter's name as written in a scenario (`p99`, `weights[1]`).
    public var parameter: String
    public var reason: String

    public var description: String { "\(parameter): \(reason)" }
}

extension Distribution {
    /// The z-score of the 99th percentile of the standard normal.
    public static let z99 = 2.3263478740408408

    static func require(_ condition: Bool, _ parameter: String, _ reason: @autoclosure () -> String) throws(DistributionError) {
        if !condition { throw DistributionError(parameter: parameter, reason: reason()) }
    }

    static func finite(_ value: Double, _ parameter: String) throws(DistributionError) {
        try require(value.isFinite, parameter, "must be a finite number, got \(value)")
    }

    /// Always `value`.
    public static func constant(_ value: Double) throws(DistributionError) -> Distribution {
        try finite(value, "value")
        return Distribution(kind: .constant(value))
    }

    /// Uniform on [low, high].
    public static func uniform(low: Double, high: Double) throws(DistributionError) -> Distribution {
        try finite(low, "low")
        try finite(high, "high")
        try require(high >= low, "high", "must be >= low (\(low)), got \(high)")
        return Distribution(kind: .uniform(low: low, high: high))
    }

    /// Exponential with the given mean (rate 1/mean): Poisson inter-arrival times.
    public static func exponential(mean: Double) throws(DistributionError) -> Distribution {
        try finite(mean, "mean")
        try require(mean > 0, "mean", "must be > 0, got \(mean)")
        return Distribution(kind: .exponential(mean: mean))
    }

    /// Normal; with `truncatedAtZero` (use it for durations) negative values are
    /// excluded by sampling the upper part of the distribution, not by clamping.
    public static func normal(mean: Double, standardDeviation: Double, truncatedAtZero: Bool) throws(DistributionError) -> Distribution {
        try finite(mean, "mean")
        try finite(standardDeviation, "standardDeviation")
        try require(standardDeviation >= 0, "standardDeviation", "must be >= 0, got \(standardDeviation)")
        if truncatedAtZero {
            try require(mean > 0 || standardDeviation > 0, "mean", "a duration distribution truncated at 0 needs mean > 0 or a spread")
            // Beyond 8 sigma below zero nothing but the far tail is left; refuse rather than sample noise.
            try require(standardDeviation == 0 || mean / standardDeviation > -8, "mean",
                        "is more than 8 standard deviations below 0; almost no mass is left after truncation")
        }
        if standardDeviation == 0 { return Distribution(kind: .constant(truncatedAtZero ? max(0, mean) : mean)) }
        return Distribution(kind: .normal(mean: mean, standardDeviation: standardDeviation, truncatedAtZero: truncatedAtZero))
    }

    /// Lognormal from the underlying normal's mu and sigma.
    public static func lognormal(mu: Double, sigma: Double) throws(DistributionError) -> Distribution {
        try finite(mu, "mu")
        try finite(sigma, "sigma")
        try require(sigma >= 0, "sigma", "must be >= 0, got \(sigma)")
        return Distribution(kind: .lognormal(mu: mu, sigma: sigma))
    }

    /// Lognormal from its median and 99th percentile, as engineers describe latency:
    /// mu = ln(median), sigma = ln(p99 / median) / z99.
    public static func lognormal(median: Double, p99: Double) throws(DistributionError) -> Distribution {
        try finite(median, "median")
        try finite(p99, "p99")
        try require(median > 0, "median", "must be > 0, got \(median)")
        try require(p99 >= median, "p99", "must be >= the median (\(median)), got \(p99)")
        let mu = DeterministicMath.log(median)
        return Distribution(kind: .lognormal(mu: mu, sigma: (DeterministicMath.log(p99) - mu) / z99))
    }

    /// Pareto (type I): P(X > x) = (scale / x)^shape for x >= scale. Heavy tails.
    public static func pareto(scale: Double, shape: Double) throws(DistributionError) -> Distribution {
        try finite(scale, "scale")
        try finite(shape, "shape")
        try require(scale > 0, "scale", "must be > 0, got \(scale)")
        try require(shape > 0, "shape", "must be > 0, got \(shape)")
        return Distribution(kind: .pareto(scale: scale, shape: shape))
    }

    /// The empirical distribution of `samples`, interpolated linearly between
    /// order statistics (so it is continuous between the smallest and largest).
    public static func empirical(samples: [Double]) throws(DistributionError) -> Distribution {
        try require(!samples.isEmpty, "samples", "must not be empty")
        for (index, value) in samples.enumerated() { try finite(value, "samples[\(index)]") }
        let sorted = samples.sorted()
        if sorted.count == 1 { return Distribution(kind: .constant(sorted[0])) }
        let last = Double(sorted.count - 1)
        let probabilities = (0..<sorted.count).map { Double($0) / last }
        return Distribution(kind: .empirical(probabilities: probabilities, values: sorted))
    }

    /// A distribution from a percentile table, e.g. p0 1ms, p50 20ms, p99 200ms,
    /// p100 2s: linear between the given percentiles. The table must start at
    /// percentile 0 (the minimum) and end at 100 (the maximum): we never invent tails.
    public static func empirical(percentiles: [(percentile: Double, value: Double)]) throws(DistributionError) -> Distribution {
        try require(percentiles.count >= 2, "percentiles", "needs at least two entries (p0 and p100), got \(percentiles.count)")
        try require(percentiles.first!.percentile == 0, "percentiles[0].percentile",
                    "must be 0 (the minimum); a table without it would leave the lower tail undefined, got \(percentiles.first!.percentile)")
        try require(percentiles.last!.percentile == 100, "percentiles[\(percentiles.count - 1)].percentile",
                    "must be 100 (the maximum); a table without it would leave the upper tail undefined, got \(percentiles.last!.percentile)")
        for index in percentiles.indices {
            try finite(percentiles[index].value, "percentiles[\(index)].value")
            if index > 0 {
                try require(percentiles[index].percentile > percentiles[index - 1].percentile, "percentiles[\(index)].percentile",
                            "must be greater than the previous percentile (\(percentiles[index - 1].percentile)), got \(percentiles[index].percentile)")
                try require(percentiles[index].value >= percentiles[index - 1].value, "percentiles[\(index)].value",
                            "must be >= the value at the previous percentile (\(percentiles[index - 1].value)), got \(percentiles[index].value)")
            }
        }
        return Distribution(kind: .empirical(probabilities: percentiles.map { $0.percentile / 100 }, values: percentiles.map(\.value)))
    }

    /// A mixture: with probability `weight` a draw comes from that component
    /// (e.g. 0.99 fast + 0.01 slow tail). Weights must be positive and sum to 1.
    public static func mixture(_ parts: [(weight: Double, distribution: Distribution)]) throws(DistributionError) -> Distribution {
        try require(!parts.isEmpty, "components", "must not be empty")
        var cumulative: [Double] = []
        var total = 0.0
        for (index, part) in parts.enumerated() {
            try require(part.weight.isFinite && part.weight > 0 && part.weight <= 1, "components[\(index)].weight",
                        "must be in (0, 1], got \(part.weight)")
            total += part.weight
            cumulative.append(total)
        }
        try require(abs(total - 1) <= 1e-9, "components", "weights must sum to 1, got \(total)")
        cumulative[cumulative.count - 1] = 1
        return Distribution(kind: .mixture(cumulativeWeights: cumulative, components: parts.map(\.distribution)))
    }
}

extension Distribution {
    /// The mean where a closed form exists (nil for a truncated normal).
    public var mean: Double? {
        switch kind {
        case .constant(let v): v
        case .uniform(let low, let high): (low + high) / 2
        case .exponential(let mean): mean
        case .normal(let mean, _, let truncated): truncated ? nil : mean
        case .lognormal(let mu, let sigma): DeterministicMath.exp(mu + sigma * sigma / 2)
        case .pareto(let scale, let shape): shape > 1 ? shape * scale / (shape - 1) : .infinity
        case .empirical(let p, let v):
            // Mean of a piecewise-linear inverse CDF: average of each segment's midpoint.
            zip(zip(p, p.dropFirst()), zip(v, v.dropFirst())).reduce(0) { sum, segment in
                sum + (segment.0.1 - segment.0.0) * (segment.1.0 + segment.1.1) / 2
            }
        case .mixture(let cumulative, let components):
            components.indices.reduce(0.0 as Double?) { sum, index in
                guard let sum, let m = components[index].mean else { return nil }
                return sum + (cumulative[index] - (index == 0 ? 0 : cumulative[index - 1])) * m
            }
        }
    }

    /// E[X²] where a simple closed form exists (for Pollaczek-Khinchine checks).
    public var secondMoment: Double? {
        switch kind {
        case .constant(let v): v * v
        case .uniform(let low, let high): (low * low + low * high + high * high) / 3
        case .exponential(let mean): 2 * mean * mean
        case .normal(let mean, let sd, let truncated): truncated ? nil : mean * mean + sd * sd
        case .lognormal(let mu, let sigma): DeterministicMath.exp(2 * mu + 2 * sigma * sigma)
        case .pareto(let scale, let shape): shape > 2 ? shape * scale * scale / (shape - 2) : .infinity
        case .empirical, .mixture: nil
        }
    }
}
