/// A validated probability distribution over real numbers.
///
/// Unit-agnostic: when a distribution describes a duration its values are
/// nanoseconds (`sampleDuration`). Built only through the throwing factories in
/// `Distribution+Factories.swift`, so an invalid parameter can never reach a run.
///
/// Every continuous family but the exponential is sampled by inverting its
/// CDF with exactly one uniform draw (a mixture uses two). The exponential,
/// the common service-time model, is drawn by the ziggurat (`UnitExponential`):
/// one 64-bit draw 97.8% of the time and no logarithm. Either way a value is
/// a fixed function of its generator's output, and each job draws from its
/// own generator, so two runs that differ only in a policy see the same
/// service times: the premise of common random numbers.
public struct Distribution: Sendable, Equatable {
    // Not `indirect`: a mixture already holds its components in an array, and
    // a boxed case would be retained and released around every sample.
    enum Kind: Sendable, Equatable {
        case constant(Double)
        case uniform(low: Double, high: Double)
        case exponential(mean: Double)
        case normal(mean: Double, standardDeviation: Double, truncatedAtZero: Bool)
        case lognormal(mu: Double, sigma: Double)
        case pareto(scale: Double, shape: Double)
        /// Inverse CDF as a piecewise-linear table: cumulative probabilities
        /// (0 first, 1 last, increasing) and the values at them (non-decreasing).
        case empirical(probabilities: [Double], values: [Double])
        /// Components with cumulative weights (last is 1).
        case mixture(cumulativeWeights: [Double], components: [Distribution])
    }

    let kind: Kind

    init(kind: Kind) { self.kind = kind }

    /// Draws one value.
    public func sample(using rng: inout some RandomNumberGenerator) -> Double {
        switch kind {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * rng.nextUnit()
        case .exponential(let mean):
            return Distribution.sampleExponential(mean: mean, using: &rng)
        case .normal(let mean, let sd, let truncated):
            return Distribution.sampleNormal(mean: mean, sd: sd, truncatedAtZero: truncated, using: &rng)
        case .lognormal(let mu, let sigma):
            return DeterministicMath.exp(mu + sigma * InverseNormal.quantile(Distribution.openUnit(&rng)))
        case .pareto(let scale, let shape):
            return scale * DeterministicMath.exp(-DeterministicMath.log(1 - rng.nextUnit()) / shape)
        case .empirical(let probabilities, let values):
            return Distribution.interpolate(rng.nextUnit(), probabilities, values)
        case .mixture(let cumulative, let components):
            let u = rng.nextUnit()
            var index = 0
            while index < cumulative.count - 1 && u >= cumulative[index] { index += 1 }
            return components[index].sample(using: &rng)
        }
    }

    /// Draws a duration: the value read as nanoseconds, rounded, never negative.
    /// Inlined, with the exponential (the common service-time model) drawn
    /// without going through `sample`'s switch: one per service visit.
    @inline(__always) public func sampleDuration(using rng: inout some RandomNumberGenerator) -> SimTime {
        let value: Double
        if case .exponential(let mean) = kind {
            value = Distribution.sampleExponential(mean: mean, using: &rng)
        } else {
            value = sample(using: &rng)
        }
        return value > 0 ? SimTime(roundingSaturated: value) : .zero
    }

    /// Exponential: `mean` times a unit draw from the ziggurat (`UnitExponential`).
    @inline(__always) static func sampleExponential(mean: Double, using rng: inout some RandomNumberGenerator) -> Double {
        mean * UnitExponential.sample(using: &rng)
    }

    /// A uniform draw in the open interval (0, 1), for quantile functions.
    static func openUnit(_ rng: inout some RandomNumberGenerator) -> Double {
        // 53 random bits plus a half step: never 0, never 1.
        (Double(rng.next() >> 11) + 0.5) * 0x1.0p-53
    }

    static func sampleNormal(mean: Double, sd: Double, truncatedAtZero: Bool, using rng: inout some RandomNumberGenerator) -> Double {
        if !truncatedAtZero { return mean + sd * InverseNormal.quantile(openUnit(&rng)) }
        // Truncation by inversion: draw u in (F(0), 1) so exactly one uniform is used.
        let lower = InverseNormal.cdf((0 - mean) / sd)
        let u = lower + (1 - lower) * openUnit(&rng)
        return max(0, mean + sd * InverseNormal.quantile(min(u, 1 - 0x1.0p-53)))
    }

    static func interpolate(_ u: Double, _ probabilities: [Double], _ values: [Double]) -> Double {
        // Binary search for the segment [p_i, p_{i+1}) holding u.
        var low = 0
        var high = probabilities.count - 1
        while high - low > 1 {
            let middle = (low + high) >> 1
            if probabilities[middle] <= u { low = middle } else { high = middle }
        }
        let span = probabilities[high] - probabilities[low]
        let fraction = span > 0 ? (u - probabilities[low]) / span : 0
        return values[low] + fraction * (values[high] - values[low])
    }
}
