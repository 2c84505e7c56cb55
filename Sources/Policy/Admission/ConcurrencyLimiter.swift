/// A change of an adaptive concurrency limit, for the event log.
public struct LimitChange: Equatable, Sendable {
    public var from: Int
    public var to: Int
    public var cause: String
}

/// Admits a call while fewer than `limit` are in flight; adaptive kinds move
/// the limit on every release from the call's RTT and whether it was dropped.
///
/// Drops are timeouts and 503 overloads (what Netflix's limiters receive as
/// `onDropped`). `inflight` seen by the algorithms is the count when the call
/// is released, before it leaves. Vegas re-probes its no-load RTT every
/// `probeMultiplier * limit` samples without Netflix's random jitter, so the
/// limiter needs no randomness.
public struct ConcurrencyLimiter: Sendable {
    public let config: ConcurrencyLimitConfig
    /// The current limit (integer; adaptive kinds keep a fractional estimate).
    public private(set) var limit: Int
    public private(set) var inflight = 0
    var estimate: Double
    // Gradient2: long-term RTT, exponential average after a simple-average warm-up of 10 samples.
    var longRtt = 0.0
    var longSamples = 0
    // Vegas: the no-load RTT and samples since the last probe.
    var rttNoLoad: Int64 = 0
    var probeCount = 0

    public init(config: ConcurrencyLimitConfig) {
        self.config = config
        let initial: Int
        switch config.kind {
        case .fixed: initial = config.maxConcurrent
        case .aimd: initial = config.aimd.initialLimit
        case .gradient2: initial = config.gradient2.initialLimit
        case .vegas: initial = config.vegas.initialLimit
        }
        limit = initial
        estimate = Double(initial)
    }

    public mutating func tryAcquire(now: Nanoseconds) -> Bool {
        guard inflight < limit else { return false }
        inflight += 1
        return true
    }

    /// A call admitted earlier finished with `outcome` after `rtt`.
    @discardableResult
    public mutating func release(now: Nanoseconds, rtt: Nanoseconds, outcome: OutcomeClass) -> LimitChange? {
        let inflightAtRelease = inflight
        inflight = max(0, inflight - 1)
        let dropped = outcome == .timeout || outcome == .overloaded
        let before = limit
        var cause = ""
        switch config.kind {
        case .fixed:
            return nil
        case .aimd:
            cause = updateAIMD(rtt: rtt, inflight: inflightAtRelease, dropped: dropped)
        case .gradient2:
            cause = updateGradient2(rtt: rtt, inflight: inflightAtRelease)
        case .vegas:
            cause = updateVegas(rtt: rtt, inflight: inflightAtRelease, dropped: dropped)
        }
        return limit == before ? nil : LimitChange(from: before, to: limit, cause: cause)
    }

    /// A call admitted earlier was cancelled: free the permit, learn nothing.
    public mutating func releaseIgnored() {
        inflight = max(0, inflight - 1)
    }

    mutating func updateAIMD(rtt: Nanoseconds, inflight: Int, dropped: Bool) -> String {
        let settings = config.aimd
        if dropped || rtt > settings.timeout {
            limit = max(settings.minLimit, Int(Double(limit) * settings.backoffRatio))
            return dropped ? "drop: limit x \(settings.backoffRatio)" : "RTT \(rtt) above timeout \(settings.timeout)"
        }
        if inflight * 2 >= limit {
            limit = min(settings.maxLimit, limit + 1)
            return "inflight \(inflight) >= half the limit: +1"
        }
        return ""
    }

    mutating func updateGradient2(rtt: Nanoseconds, inflight: Int) -> String {
        let settings = config.gradient2
        let shortRtt = Double(max(1, rtt.ns))
        longSamples += 1
        if longSamples <= 10 {
            longRtt += (shortRtt - longRtt) / Double(longSamples)  // simple average while warming up
        } else {
            let factor = 2 / (Double(settings.longWindow) + 1)
            longRtt = longRtt * (1 - factor) + shortRtt * factor
        }
        // After a long overload the average stays high when latency is back to
        // normal: decay it so the limit can grow again.
        if longRtt / shortRtt > 2 { longRtt *= 0.95 }
        // Do not grow a limit the application is not using.
        if Double(inflight) < estimate / 2 { return "" }
        let gradient = max(0.5, min(1, settings.rttTolerance * longRtt / shortRtt))
        var next = estimate * gradient + Double(settings.queueSize)
        next = estimate * (1 - settings.smoothing) + next * settings.smoothing
        estimate = max(Double(settings.minLimit), min(Double(settings.maxLimit), next))
        limit = Int(estimate)
        return "gradient \(gradient) (long RTT \(Nanoseconds(ns: Int64(longRtt))), short \(rtt))"
    }

    mutating func updateVegas(rtt: Nanoseconds, inflight: Int, dropped: Bool) -> String {
        let settings = config.vegas
        probeCount += 1
        if probeCount >= settings.probeMultiplier * max(1, limit) {
            probeCount = 0
            rttNoLoad = rtt.ns
            return ""
        }
        if rttNoLoad == 0 || rtt.ns < rttNoLoad {
            rttNoLoad = max(1, rtt.ns)
            return ""
        }
        let logLimit = DeterministicMath.log10(Double(max(1, limit)))
        let current = estimate
        var next: Double
        var cause: String
        if dropped {
            next = current - logLimit
            cause = "drop: limit - log10(limit)"
        } else if Double(inflight) * 2 < current {
            return ""
        } else {
            let queue = (current * (1 - Double(rttNoLoad) / Double(rtt.ns))).rounded(.up)
            let alpha = 3 * logLimit, beta = 6 * logLimit
            if queue <= logLimit {
                next = current + beta
                cause = "queue \(Int(queue)) <= log10(limit): + beta"
            } else if queue < alpha {
                next = current + logLimit
                cause = "queue \(Int(queue)) < alpha: + log10(limit)"
            } else if queue > beta {
                next = current - logLimit
                cause = "queue \(Int(queue)) > beta: - log10(limit)"
            } else {
                return ""
            }
        }
        next = max(1, min(Double(settings.maxLimit), next))
        estimate = (1 - settings.smoothing) * current + settings.smoothing * next
        limit = max(1, Int(estimate))
        return cause
    }
}
