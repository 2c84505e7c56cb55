/// Non-homogeneous Poisson arrivals for a `RateFunction`, by thinning
/// (Lewis and Shedler): candidates come at the bound rate of the current
/// segment and are kept with probability rate(t) / bound. A candidate that
/// falls past the segment's end restarts from that end (the exponential is
/// memoryless), so each segment uses its own tight bound.
public struct ArrivalProcess: Sendable {
    public let rate: RateFunction
    public let end: SimTime
    let breakpoints: [Int64]
    /// `rate.constantRate`, read once: a constant rate skips the rate function.
    let constantRate: Double?
    /// Segments are at most this long, so a smooth curve (diurnal) gets a tight bound.
    static let maxSegment = SimTime.seconds(10)
    /// Candidates rejected in one call before giving up: the rate is then
    /// effectively zero (below one request in 10^6 candidates).
    public static let maxRejections = 1_000_000

    public init(rate: RateFunction, end: SimTime) {
        self.rate = rate
        self.end = end
        breakpoints = rate.breakpoints()
        constantRate = rate.constantRate
    }

    /// The first arrival strictly after `t`, or nil when there is none before `end`.
    ///
    /// A constant rate (from t >= 0) takes the same draws and arithmetic
    /// without evaluating the rate function (a search of its knots, twice per
    /// arrival): its only knot is at 0, so the next breakpoint is never
    /// reached, the bound is the rate itself, and the rate at any time is
    /// `max(0, rate)`.
    public func nextArrival(after t: SimTime, using rng: inout some RandomNumberGenerator) -> SimTime? {
        let constant = t.ns >= 0 ? constantRate : nil
        var current = t
        var rejections = 0
        while current < end {
            let segmentEnd: SimTime
            let bound: Double
            if let constant {
                segmentEnd = min(current.saturatingAdd(ArrivalProcess.maxSegment), end)
                bound = constant
            } else {
                segmentEnd = min(nextBreakpoint(after: current), current.saturatingAdd(ArrivalProcess.maxSegment), end)
                bound = rate.upperBound(from: current, to: segmentEnd)
            }
            guard bound > 0 else {
                current = segmentEnd
                continue
            }
            let gapSeconds = UnitExponential.sample(using: &rng) / bound
            let candidate = current.saturatingAdd(SimTime(seconds: gapSeconds))
            if candidate >= segmentEnd {
                current = segmentEnd
                continue
            }
            current = candidate
            let rateThere = constant.map { max(0, $0) } ?? rate.rate(at: candidate)
            if rng.nextUnit() * bound <= rateThere && candidate > t {
                return candidate
            }
            rejections += 1
            if rejections >= ArrivalProcess.maxRejections { return nil }
        }
        return nil
    }

    func nextBreakpoint(after t: SimTime) -> SimTime {
        var low = 0, high = breakpoints.count
        while low < high {
            let middle = (low + high) >> 1
            if breakpoints[middle] <= t.ns { low = middle + 1 } else { high = middle }
        }
        return low < breakpoints.count ? SimTime(ns: breakpoints[low]) : .max
    }
}
