/// Ejects misbehaving hosts of one pool, as Envoy's outlier detector does.
///
/// Protocol: `record` every response from a host (it may eject that host at
/// once on consecutive errors); call `sweep` every `interval` (it returns hosts
/// whose ejection time is over and runs the statistical detectors on the
/// interval just ended); ask `isEjected(host:)` when load balancing. Time and
/// randomness (for the `enforcing*` percentages and jitter) come in as
/// arguments. Hosts are `0..<hostCount`; the pool may grow or shrink with
/// `setHostCount`. Per-host state is one array entry; no call allocates in
/// steady state (`sweep` appends to the caller's array).
///
/// Semantics pinned to Envoy's `outlier_detection_impl.cc`:
/// - A detection ejects only if `100 * (ejected + 1) <= maxEjectionPercent * hosts`
///   (or, with `alwaysEjectOneHost`, no host is ejected yet), and then only with
///   the detector's enforcing chance. A host already ejected is not re-detected.
/// - Ejection lasts `min(baseEjectionTime * multiplier, maxEjectionTime) + jitter`;
///   the multiplier rises by one per ejection (while `multiplier * base < max + base`)
///   and falls by one at each sweep that finds the host in service at least one
///   interval after it returned. The host returns at the first sweep at or after that time.
/// - Returning resets the host's consecutive-error counters.
public struct OutlierDetector: Sendable {
    /// The configuration this detector runs (validate it before use).
    public let config: OutlierDetectionConfig
    /// Hosts currently ejected.
    public internal(set) var ejectedCount: Int
    /// Detections not acted on because `maxEjectionPercent` was reached (Envoy's `ejections_overflow`).
    public internal(set) var overflowCount: Int
    /// The last sweep's success-rate mean and ejection threshold in percent, or
    /// `nil` if too few hosts had enough requests.
    public internal(set) var successRateStatistics: SuccessRateStatistics?

    var hosts: [OutlierHostState]

    /// A detector over `hostCount` hosts, none ejected.
    /// - Precondition: `config.validate()` succeeds; `hostCount >= 0`.
    public init(config: OutlierDetectionConfig, hostCount: Int) {
        precondition(hostCount >= 0, "hostCount must be >= 0")
        self.config = config
        hosts = Array(repeating: OutlierHostState(), count: hostCount)
        ejectedCount = 0
        overflowCount = 0
        successRateStatistics = nil
    }

    /// Hosts in the pool.
    public var hostCount: Int { hosts.count }
    /// Time between sweeps.
    public var interval: Nanoseconds { config.interval }

    /// Resizes the pool. New hosts start in service with no history; removed
    /// hosts (the highest indices) are forgotten, ejected or not.
    public mutating func setHostCount(_ count: Int) {
        precondition(count >= 0, "hostCount must be >= 0")
        if count < hosts.count {
            for index in count..<hosts.count where hosts[index].ejected { ejectedCount -= 1 }
            hosts.removeLast(hosts.count - count)
        } else if count > hosts.count {
            hosts.append(contentsOf: repeatElement(OutlierHostState(), count: count - hosts.count))
        }
    }

    /// Whether `host` is ejected.
    public func isEjected(host: Int) -> Bool { hosts[host].ejected }

    /// How many times `host` has been ejected.
    public func ejections(host: Int) -> Int { hosts[host].ejections }

    /// `host`'s current ejection-time multiplier (0 for a host never ejected).
    public func ejectionMultiplier(host: Int) -> Int { hosts[host].ejectionMultiplier }

    /// The most hosts that may be ejected at once with the current pool size.
    public var maxEjectedHosts: Int {
        let byPercent = config.maxEjectionPercent * hosts.count / 100
        return config.alwaysEjectOneHost && hosts.count > 0 ? Swift.max(1, byPercent) : byPercent
    }

    /// A response from `host` at `now`. Returns the ejection it caused, if any.
    /// `.rejected` (never sent to the host) is ignored.
    public mutating func record(host: Int, outcome: OutcomeClass, now: Nanoseconds,
                                using rng: inout some RandomNumberGenerator) -> OutlierEvent? {
        guard outcome != .rejected else { return nil }
        hosts[host].intervalRequests += 1
        guard outcome.isOutlier5xx else {
            hosts[host].intervalSuccesses += 1
            hosts[host].consecutive5xx = 0
            hosts[host].consecutiveGatewayFailure = 0
            return nil
        }
        // Envoy counts the gateway streak first, then the 5xx streak; each fires
        // when its count *equals* its threshold, so a streak fires once until reset.
        var event: OutlierEvent?
        if outcome.isOutlierGatewayFailure {
            hosts[host].consecutiveGatewayFailure += 1
            if hosts[host].consecutiveGatewayFailure == config.consecutiveGatewayFailure {
                event = onConsecutiveErrors(host: host, cause: .consecutiveGatewayFailure, now: now, using: &rng)
            }
        } else {
            hosts[host].consecutiveGatewayFailure = 0
        }
        hosts[host].consecutive5xx += 1
        if hosts[host].consecutive5xx == config.consecutive5xx {
            event = onConsecutiveErrors(host: host, cause: .consecutive5xx, now: now, using: &rng) ?? event
        }
        return event
    }

    /// A consecutive-error detection. An ejected host is left alone (its counter
    /// keeps counting, so the `==` test will not fire again before it returns);
    /// otherwise the counter restarts whether or not the ejection was allowed.
    mutating func onConsecutiveErrors(host: Int, cause: OutlierEjectionCause, now: Nanoseconds,
                                      using rng: inout some RandomNumberGenerator) -> OutlierEvent? {
        guard !hosts[host].ejected else { return nil }
        let enforcing = cause == .consecutive5xx ? config.enforcingConsecutive5xxPercent : config.enforcingConsecutiveGatewayFailurePercent
        let event = eject(host: host, cause: cause, enforcingPercent: enforcing, now: now, using: &rng)
        if cause == .consecutive5xx { hosts[host].consecutive5xx = 0 } else { hosts[host].consecutiveGatewayFailure = 0 }
        return event
    }

    /// Ejects `host` if the ejection cap allows and the enforcing draw says so.
    mutating func eject(host: Int, cause: OutlierEjectionCause, enforcingPercent: Int, now: Nanoseconds,
                        using rng: inout some RandomNumberGenerator) -> OutlierEvent? {
        var allowed = 100 * (ejectedCount + 1) <= config.maxEjectionPercent * hosts.count
        if config.alwaysEjectOneHost && ejectedCount == 0 { allowed = true }
        guard allowed else {
            overflowCount += 1
            return nil
        }
        // Envoy's runtime featureEnabled(percent): no draw is needed at 0 or 100.
        if enforcingPercent <= 0 { return nil }
        if enforcingPercent < 100, rng.nextBelow(100) >= UInt64(enforcingPercent) { return nil }
        ejectedCount += 1
        hosts[host].ejected = true
        hosts[host].ejections += 1
        hosts[host].lastEjection = now
        hosts[host].jitter = rng.nextDuration(from: .zero, to: config.maxEjectionTimeJitter)
        let multiplier = hosts[host].ejectionMultiplier
        if Self.times(config.baseEjectionTime, multiplier) < config.maxEjectionTime.saturatingAdd(config.baseEjectionTime) {
            hosts[host].ejectionMultiplier = multiplier + 1
        }
        return .ejected(host: host, cause: cause, until: now.saturatingAdd(ejectionTime(host: host)))
    }

    /// How long `host`'s current (or next) ejection lasts, jitter included.
    func ejectionTime(host: Int) -> Nanoseconds {
        let scaled = Self.times(config.baseEjectionTime, hosts[host].ejectionMultiplier)
        return Swift.min(scaled, config.maxEjectionTime).saturatingAdd(hosts[host].jitter)
    }

    /// `duration * factor`, saturating at `.max`.
    static func times(_ duration: Nanoseconds, _ factor: Int) -> Nanoseconds {
        let (product, overflow) = duration.ns.multipliedReportingOverflow(by: Int64(factor))
        return overflow ? .max : Nanoseconds(ns: product)
    }
}

/// The pool statistics of one success-rate sweep (Envoy logs them with each ejection).
public struct SuccessRateStatistics: Equatable, Sendable {
    /// Mean success rate of the hosts that took part, in percent.
    public var meanPercent: Double
    /// Hosts below this success rate (`mean - stdev * factor`) are outliers.
    public var thresholdPercent: Double

    /// A statistics value.
    public init(meanPercent: Double, thresholdPercent: Double) {
        self.meanPercent = meanPercent
        self.thresholdPercent = thresholdPercent
    }
}
