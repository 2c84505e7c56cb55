/// A distribution of durations as a scenario file writes it.
///
/// A bare string is a constant (`"20ms"`); otherwise an object with a `kind`
/// and that kind's parameters, all durations with units:
/// `{kind: "lognormal", median: "20ms", p99: "200ms"}`.
public enum DurationDistributionSpec: Equatable, Sendable, AtomicSpec {
    case constant(SimTime)
    case uniform(low: SimTime, high: SimTime)
    case exponential(mean: SimTime)
    /// Normal truncated at zero (durations are never negative).
    case normal(mean: SimTime, standardDeviation: SimTime)
    /// Lognormal by its median and 99th percentile.
    case lognormal(median: SimTime, p99: SimTime)
    /// Pareto (type I) with minimum `scale` and tail index `shape`.
    case pareto(scale: SimTime, shape: Double)
    /// The empirical distribution of measured durations.
    case samples([SimTime])
    /// A percentile table from p0 (the minimum) to p100 (the maximum).
    case percentiles([PercentilePoint])
    /// Weighted components, e.g. 99% fast + 1% slow tail.
    case mixture([MixtureComponent])

    public struct PercentilePoint: Codable, Equatable, Sendable {
        public var percentile: Double
        public var value: SimTime
        public init(percentile: Double, value: SimTime) {
            self.percentile = percentile
            self.value = value
        }
    }

    public struct MixtureComponent: Codable, Equatable, Sendable {
        public var weight: Double
        public var distribution: DurationDistributionSpec
        public init(weight: Double, distribution: DurationDistributionSpec) {
            self.weight = weight
            self.distribution = distribution
        }
    }

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case constant, uniform, exponential, normal, lognormal, pareto, samples, percentiles, mixture
    }

    public var kind: Kind {
        switch self {
        case .constant: .constant
        case .uniform: .uniform
        case .exponential: .exponential
        case .normal: .normal
        case .lognormal: .lognormal
        case .pareto: .pareto
        case .samples: .samples
        case .percentiles: .percentiles
        case .mixture: .mixture
        }
    }

    /// The validated distribution, with values in nanoseconds.
    public func build() throws(DistributionError) -> Distribution {
        if let problem = durationProblem() { throw problem }
        switch self {
        case .constant(let value):
            return try .constant(Double(value.ns))
        case .uniform(let low, let high):
            return try .uniform(low: Double(low.ns), high: Double(high.ns))
        case .exponential(let mean):
            return try .exponential(mean: Double(mean.ns))
        case .normal(let mean, let sd):
            return try .normal(mean: Double(mean.ns), standardDeviation: Double(sd.ns), truncatedAtZero: true)
        case .lognormal(let median, let p99):
            return try .lognormal(median: Double(median.ns), p99: Double(p99.ns))
        case .pareto(let scale, let shape):
            return try .pareto(scale: Double(scale.ns), shape: shape)
        case .samples(let values):
            return try .empirical(samples: values.map { Double($0.ns) })
        case .percentiles(let points):
            do {
                return try .empirical(percentiles: points.map { ($0.percentile, Double($0.value.ns)) })
            } catch {
                // The factory names the table "percentiles"; the file calls it "points".
                throw DistributionError(parameter: error.parameter.replacingPercentiles, reason: error.reason)
            }
        case .mixture(let components):
            var parts: [(weight: Double, distribution: Distribution)] = []
            for (index, component) in components.enumerated() {
                do {
                    parts.append((component.weight, try component.distribution.build()))
                } catch {
                    throw DistributionError(parameter: "components[\(index)].distribution.\(error.parameter)", reason: error.reason)
                }
            }
            return try .mixture(parts)
        }
    }

    /// The mean in nanoseconds where a closed form exists (for sizing and docs).
    public var meanNs: Double? { (try? build())?.mean }
}

extension DurationDistributionSpec: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, value, low, high, mean, standardDeviation, median, p99, scale, shape, samples, points, components
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            guard let value = SimTime(parsing: text) else {
                throw DecodingError.dataCorruptedError(in: single, debugDescription:
                    "expected a duration such as \"20ms\" or an object with a kind (\(Kind.allCases.map(\.rawValue).joined(separator: ", "))), got \"\(text)\"")
            }
            self = .constant(value)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .constant: self = .constant(try container.decode(SimTime.self, forKey: .value))
        case .uniform: self = .uniform(low: try container.decode(SimTime.self, forKey: .low), high: try container.decode(SimTime.self, forKey: .high))
        case .exponential: self = .exponential(mean: try container.decode(SimTime.self, forKey: .mean))
        case .normal: self = .normal(mean: try container.decode(SimTime.self, forKey: .mean),
                                     standardDeviation: try container.decode(SimTime.self, forKey: .standardDeviation))
        case .lognormal: self = .lognormal(median: try container.decode(SimTime.self, forKey: .median), p99: try container.decode(SimTime.self, forKey: .p99))
        case .pareto: self = .pareto(scale: try container.decode(SimTime.self, forKey: .scale), shape: try container.decode(Double.self, forKey: .shape))
        case .samples: self = .samples(try container.decode([SimTime].self, forKey: .samples))
        case .percentiles: self = .percentiles(try container.decode([PercentilePoint].self, forKey: .points))
        case .mixture: self = .mixture(try container.decode([MixtureComponent].self, forKey: .components))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .constant(let value) = self {
            var single = encoder.singleValueContainer()
            try single.encode(value)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .constant: break
        case .uniform(let low, let high):
            try container.encode(low, forKey: .low)
            try container.encode(high, forKey: .high)
        case .exponential(let mean):
            try container.encode(mean, forKey: .mean)
        case .normal(let mean, let sd):
            try container.encode(mean, forKey: .mean)
            try container.encode(sd, forKey: .standardDeviation)
        case .lognormal(let median, let p99):
            try container.encode(median, forKey: .median)
            try container.encode(p99, forKey: .p99)
        case .pareto(let scale, let shape):
            try container.encode(scale, forKey: .scale)
            try container.encode(shape, forKey: .shape)
        case .samples(let values):
            try container.encode(values, forKey: .samples)
        case .percentiles(let points):
            try container.encode(points, forKey: .points)
        case .mixture(let components):
            try container.encode(components, forKey: .components)
        }
    }
}
