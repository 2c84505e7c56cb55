/// The state of Netflix's Vegas algorithm (see `VegasLimitConfig`).
struct VegasLimit: Sendable {
    let config: VegasLimitConfig
    /// The fractional estimate; the usable limit is its integer part.
    private(set) var estimate: Double
    /// The smallest RTT seen since the last probe (`rtt_noload`); 0 before the first sample.
    private(set) var rttNoLoadNs: Int64
    /// Samples since the last probe.
    private var probeCount: Int
    /// Random factor in [0.5, 1) spreading probes out; negative until first drawn.
    private var probeJitter: Double

    init(config: VegasLimitConfig) {
        self.config = config
        estimate = Double(config.initialLimit)
        rttNoLoadNs = 0
        probeCount = 0
        probeJitter = -1
    }

    var limit: Int { Int(estimate) }

    /// Feeds one sample; returns the cause when the integer limit changed.
    /// Draws from `rng` only to re-jitter the probe interval (at the first sample and after each probe).
    mutating func update(rtt: Nanoseconds, inflight: Int, didDrop: Bool, using rng: inout some RandomNumberGenerator) -> LimitChange.Cause? {
        // Netflix requires rtt > 0; clamp instead of trapping in production.
        let rttNs = max(rtt.ns, 1)
        // Netflix draws the first jitter at construction; we draw it lazily so
        // construction needs no generator. The sequence of draws is the same.
        if probeJitter < 0 { probeJitter = Self.drawJitter(using: &rng) }
        probeCount += 1
        if probeJitter * Double(config.probeMultiplier) * estimate <= Double(probeCount) {
            // Probe: forget the minimum and take this RTT as the new no-load RTT.
            probeJitter = Self.drawJitter(using: &rng)
            probeCount = 0
            rttNoLoadNs = rttNs
            return nil
        }
        if rttNoLoadNs == 0 || rttNs < rttNoLoadNs {
            rttNoLoadNs = rttNs
            return nil
        }
        return updateEstimate(rttNs: rttNs, inflight: inflight, didDrop: didDrop)
    }

    private mutating func updateEstimate(rttNs: Int64, inflight: Int, didDrop: Bool) -> LimitChange.Cause? {
        let queue = Int((estimate * (1 - Double(rttNoLoadNs) / Double(rttNs))).rounded(.up))
        let step = Double(Self.log10Floor(limit))
        var next: Double
        let cause: LimitChange.Cause
        if didDrop {
            next = estimate - step
            cause = .drop
        } else if Double(inflight * 2) < estimate {
            // Not close to the limit: growing it would only drift upwards.
            return nil
        } else {
            let log10 = Self.log10Floor(limit)
            let alpha = config.alphaLog10Multiplier * log10
            let beta = config.betaLog10Multiplier * log10
            if queue <= log10 {
                next = estimate + Double(beta)
                cause = .noQueueing
            } else if queue < alpha {
                next = estimate + step
                cause = .smallQueue
            } else if queue > beta {
                next = estimate - step
                cause = .queueing
            } else {
                return nil
            }
        }
        next = max(Double(config.minLimit), min(Double(config.maxLimit), next))
        next = (1 - config.smoothing) * estimate + config.smoothing * next
        let before = limit
        estimate = next
        return limit != before ? cause : nil
    }

    /// Netflix `Log10RootFunction`: `max(1, floor(log10(n)))`, in integers.
    ///
    /// Counting digits is exact at powers of ten, where a floating-point
    /// logarithm can land a hair below the integer (log10(1000) = 2.9999...)
    /// and floor to the wrong value on some platform; `DeterministicMath.log10`
    /// would be reproducible but not exact there.
    static func log10Floor(_ n: Int) -> Int {
        var digits = 0
        var rest = n
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return max(1, digits)
    }

    /// Netflix `ThreadLocalRandom.nextDouble(0.5, 1)`.
    static func drawJitter(using rng: inout some RandomNumberGenerator) -> Double {
        0.5 + 0.5 * rng.nextUnit()
    }
}
