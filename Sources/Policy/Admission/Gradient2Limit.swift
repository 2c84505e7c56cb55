/// The state of Netflix's Gradient2 algorithm (see `Gradient2LimitConfig`).
struct Gradient2Limit: Sendable {
    let config: Gradient2LimitConfig
    /// The fractional estimate; the usable limit is its integer part.
    private(set) var estimate: Double
    /// Long-term RTT average (Netflix `ExpAvgMeasurement(longWindow, 10)`), in ns.
    private(set) var longRttNs: Double
    /// Samples folded into the warm-up mean so far (at most `warmupSamples`).
    private var warmupCount: Int
    private var warmupSumNs: Double

    /// Netflix averages the first 10 samples plainly before switching to the exponential average.
    static let warmupSamples = 10
    /// When the long RTT exceeds twice the latest, Netflix scales it by this.
    static let driftDecay = 0.95

    init(config: Gradient2LimitConfig) {
        self.config = config
        estimate = Double(config.initialLimit)
        longRttNs = 0
        warmupCount = 0
        warmupSumNs = 0
    }

    var limit: Int { Int(estimate) }

    /// Feeds one sample; returns `.gradient` when the integer limit changed.
    /// Drops are not an input: Netflix's Gradient2 ignores `didDrop`.
    mutating func update(rtt: Nanoseconds, inflight: Int) -> LimitChange.Cause? {
        // A zero RTT would divide by zero; one nanosecond is the shortest real one.
        let shortRtt = Double(max(rtt.ns, 1))
        let longRtt = addToLongAverage(shortRtt)
        // Latency back to normal after long overload: pull the average down now
        // instead of waiting out the exponential decay. The gradient below still
        // uses the value before this correction, as Netflix does.
        if longRtt / shortRtt > 2 {
            longRttNs *= Self.driftDecay
        }
        // Application-limited: too little in flight to learn anything.
        if Double(inflight) < estimate / 2 { return nil }
        let gradient = max(0.5, min(1.0, config.rttTolerance * longRtt / shortRtt))
        var next = estimate * gradient + Double(config.queueSize)
        next = estimate * (1 - config.smoothing) + next * config.smoothing
        next = max(Double(config.minLimit), min(Double(config.maxLimit), next))
        let before = limit
        estimate = next
        return limit != before ? .gradient : nil
    }

    /// Netflix `ExpAvgMeasurement.add`: mean of the first samples, then
    /// `value * (1 - f) + sample * f` with `f = 2 / (longWindow + 1)`.
    private mutating func addToLongAverage(_ sample: Double) -> Double {
        if warmupCount < Self.warmupSamples {
            warmupCount += 1
            warmupSumNs += sample
            longRttNs = warmupSumNs / Double(warmupCount)
        } else {
            let factor = 2.0 / Double(config.longWindow + 1)
            longRttNs = longRttNs * (1 - factor) + sample * factor
        }
        return longRttNs
    }
}
