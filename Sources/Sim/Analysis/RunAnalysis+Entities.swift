/// What every recorded entity with outcomes has in common over a run: the
/// rows of the per-client, per-edge, per-service and per-version tables start here.
public struct EntityTotals: Sendable, Equatable {
    /// The failure-class metrics, in the order tables show them.
    public static let failureClasses: [Metric] = [.failTimeout, .failServerError, .failOverloaded, .failThrottled,
                                                  .failConnection, .failClientError]

    /// The entity (`EntityName.text`).
    public var entity: String
    /// Requests (clients, services, versions) or calls (edges) offered.
    public var offered: Double
    /// Finished successfully.
    public var successes: Double
    /// Finished with any failure class.
    public var failures: Double
    /// successes / (successes + failures); NaN when nothing finished.
    public var successRatio: Double
    /// The worst (highest) per-window p99 latency in ms; NaN when nothing finished.
    /// Windows cannot be merged into one run-wide p99 from their percentiles,
    /// and the worst window is what an SLO on latency cares about.
    public var latencyP99MsWorst: Double
    /// Failures by class, in `failureClasses` order (zeros kept, so columns line up).
    public var failuresByClass: [MetricTotal]

    /// The totals of `entity` in `recording`.
    public init(_ recording: Recording, _ entity: String) {
        self.entity = entity
        offered = recording.total(entity, .offered)
        successes = recording.total(entity, .successes)
        failures = recording.total(entity, .failures)
        successRatio = WindowSums.ratio(successes, successes + failures)
        latencyP99MsWorst = GaugeSummary(recording.values(entity, .latencyMsP99)).maximum
        failuresByClass = EntityTotals.failureClasses.map { MetricTotal($0, recording.total(entity, $0)) }
    }
}

/// One client: client-visible outcomes, SLO attainment and local rejections.
public struct ClientAnalysis: Sendable, Equatable {
    /// Outcome totals.
    public var totals: EntityTotals
    /// Window- and request-based attainment of the scenario's SLO.
    public var slo: SLOAttainment
    /// Requests refused by the client's own policy (breaker, throttle, budget, limiter) / offered.
    public var rejectedShare: Double
}

/// One edge (caller -> callee): load, retries, refusals and failures.
public struct EdgeAnalysis: Sendable, Equatable {
    /// The rejection reasons an edge records, in the order tables show them.
    public static let rejectionReasons: [Metric] = [.rejectedBreaker, .rejectedBudget, .rejectedThrottle, .rejectedLimiter]

    /// Outcome totals (offered = calls).
    public var totals: EntityTotals
    /// Attempts sent, retries and hedges included.
    public var attempts: Double
    /// Retry attempts.
    public var retries: Double
    /// Hedged attempts.
    public var hedges: Double
    /// Calls refused locally, by reason (`rejectionReasons` order).
    public var rejected: [MetricTotal]
    /// All local refusals / offered calls.
    public var rejectedShare: Double
    /// The highest attempts/offered in a window with at least the storm floor of offered load.
    public var amplificationPeak: Double
    /// Retry storms on this edge, in time order.
    public var storms: [RetryStormEpisode]
    /// Transitions of this edge's breaker(s) into a state that refuses calls.
    public var breakerOpens: Int
}

/// One service: its outcomes, where its work and requests went, and its gauges.
public struct ServiceAnalysis: Sendable, Equatable {
    /// Outcome totals.
    public var totals: EntityTotals
    /// Goodput, fallback, shed and rejected shares.
    public var shares: TrafficShares
    /// Requests in the service (serving and queued) at window ends.
    public var inFlight: GaugeSummary
    /// Requests waiting in queues at window ends.
    public var queueLength: GaugeSummary
    /// Instances taking traffic.
    public var instancesUp: GaugeSummary
}

/// One version of a service: its outcomes, traffic weight and instances.
public struct VersionAnalysis: Sendable, Equatable {
    /// Outcome totals.
    public var totals: EntityTotals
    /// The traffic weight in percent.
    public var weightPercent: GaugeSummary
    /// Instances taking traffic.
    public var instancesUp: GaugeSummary
}

extension RunAnalysis {
    static func client(_ recording: Recording, _ entity: String, slo target: SLOTarget) -> ClientAnalysis {
        ClientAnalysis(totals: EntityTotals(recording, entity), slo: recording.sloAttainment(entity, target: target),
                       rejectedShare: recording.trafficShares(entity).rejectedShare)
    }

    static func edge(_ recording: Recording, _ entity: String, criteria: RetryStormCriteria) -> EdgeAnalysis {
        let minimumOffered = criteria.minimumOfferedRps * recording.windowWidth.seconds
        let opens = recording.events.filter { event in
            event.category == .breaker && (event.entity == entity || event.entity.hasPrefix(entity + "#"))
                && (BreakerState(rawValue: event.to)?.rejectsCalls ?? false) && event.from != event.to
        }.count
        return EdgeAnalysis(totals: EntityTotals(recording, entity), attempts: recording.total(entity, .attempts),
                            retries: recording.total(entity, .retries), hedges: recording.total(entity, .hedges),
                            rejected: EdgeAnalysis.rejectionReasons.map { MetricTotal($0, recording.total(entity, $0)) },
                            rejectedShare: recording.trafficShares(entity).rejectedShare,
                            amplificationPeak: Amplification.peak(attempts: recording.values(entity, .attempts),
                                                                  offered: recording.values(entity, .offered),
                                                                  minimumOffered: minimumOffered),
                            storms: storms(recording, entity, criteria: criteria), breakerOpens: opens)
    }

    /// Storms on `entity`, with the wasted work counted at the callee
    /// (`edge:api->db` -> `service:db`): edges record no wasted work, and the
    /// work a storm wastes is done by the service it hammers.
    static func storms(_ recording: Recording, _ entity: String, criteria: RetryStormCriteria) -> [RetryStormEpisode] {
        let callee = entity.split(separator: ">", maxSplits: 1).last.map { EntityName.service(String($0)).text } ?? entity
        return criteria.episodes(entity: entity, attempts: recording.values(entity, .attempts), offered: recording.values(entity, .offered),
                                 wasted: recording.values(callee, .wastedWork), windowWidth: recording.windowWidth)
    }

    static func service(_ recording: Recording, _ entity: String) -> ServiceAnalysis {
        ServiceAnalysis(totals: EntityTotals(recording, entity), shares: recording.trafficShares(entity),
                        inFlight: GaugeSummary(recording.values(entity, .inFlight)),
                        queueLength: GaugeSummary(recording.values(entity, .queueLength)),
                        instancesUp: GaugeSummary(recording.values(entity, .instancesUp)))
    }

    static func version(_ recording: Recording, _ entity: String) -> VersionAnalysis {
        VersionAnalysis(totals: EntityTotals(recording, entity), weightPercent: GaugeSummary(recording.values(entity, .weightPercent)),
                        instancesUp: GaugeSummary(recording.values(entity, .instancesUp)))
    }
}
