/// A rate (requests per second) as a function of time: piecewise linear knots
/// (two knots at one time make a jump), times an optional sine (diurnal
/// traffic), times multiplicative factors (traffic surges).
public struct RateFunction: Sendable, Equatable {
    public struct Sine: Sendable, Equatable {
        /// Relative amplitude in [0, 1].
        public var amplitude: Double
        public var periodNs: Int64
        public var phaseNs: Int64
    }

    /// A multiplier over [start, end), reaching full strength linearly over `ramp`.
    public struct Factor: Sendable, Equatable {
        public var start: SimTime
        public var end: SimTime
        public var ramp: SimTime
        public var multiplier: Double

        public init(start: SimTime, end: SimTime, ramp: SimTime, multiplier: Double) {
            self.start = start
            self.end = end
            self.ramp = ramp
            self.multiplier = multiplier
        }

        func value(at t: SimTime) -> Double {
            guard t >= start && t < end else { return 1 }
            let strength = ramp.ns > 0 ? min(1, Double((t - start).ns) / Double(ramp.ns)) : 1
            return 1 + (multiplier - 1) * strength
        }
    }

    /// Knot times (non-decreasing, first is 0) and rates.
    let times: [Int64]
    let rates: [Double]
    let sine: Sine?
    public private(set) var factors: [Factor]

    init(times: [Int64], rates: [Double], sine: Sine?, factors: [Factor]) {
        self.times = times
        self.rates = rates
        self.sine = sine
        self.factors = factors
    }

    /// The rate when it never changes (one knot, no sine, no factor), else nil.
    var constantRate: Double? {
        times.count == 1 && sine == nil && factors.isEmpty ? rates[0] : nil
    }

    /// The same function multiplied by `factor` (a surge).
    public func multiplied(by factor: Factor) -> RateFunction {
        var copy = self
        copy.factors.append(factor)
        return copy
    }

    /// The piecewise-linear part at `t` (right-continuous at jumps).
    func base(at t: Int64) -> Double {
        // Last knot with time <= t; at a jump that is the later knot.
        var low = 0, high = times.count - 1
        if t >= times[high] { return rates[high] }
        while high - low > 1 {
            let middle = (low + high) >> 1
            if times[middle] <= t { low = middle } else { high = middle }
        }
        let span = times[high] - times[low]
        guard span > 0 else { return rates[high] }
        return rates[low] + (rates[high] - rates[low]) * Double(t - times[low]) / Double(span)
    }

    /// The rate at `t`, in requests per second.
    public func rate(at t: SimTime) -> Double {
        var value = base(at: t.ns)
        if let sine {
            let angle = 2 * Double.pi * Double(t.ns - sine.phaseNs) / Double(sine.periodNs)
            value *= 1 + sine.amplitude * DeterministicMath.sin(angle)
        }
        for factor in factors { value *= factor.value(at: t) }
        return max(0, value)
    }

    /// A bound on the rate over [from, to]: the largest knot value reachable,
    /// the sine's peak, the largest factor overlapping the interval.
    public func upperBound(from: SimTime, to: SimTime) -> Double {
        var bound = max(base(at: from.ns), base(at: to.ns))
        for (index, time) in times.enumerated() where time >= from.ns && time <= to.ns {
            bound = max(bound, rates[index])
        }
        if let sine { bound *= 1 + sine.amplitude }
        for factor in factors where factor.start <= to && factor.end > from {
            bound *= max(1, factor.multiplier)
        }
        return bound
    }

    /// Times where the bound may change: knots and factor edges, sorted.
    func breakpoints() -> [Int64] {
        var points = times
        for factor in factors { points += [factor.start.ns, factor.start.saturatingAdd(factor.ramp).ns, factor.end.ns] }
        return Array(Set(points)).sorted()
    }
}
