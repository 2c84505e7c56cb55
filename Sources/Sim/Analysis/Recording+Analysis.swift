/// Reading analysis inputs straight from a `Recording`: the glue the run
/// pipeline calls. Each function only picks series and hands them to the pure
/// definitions (`HealthTimeline`, `RetryStormCriteria`, `Oscillation`, ...).
extension Recording {
    /// The simulated time the recording covers.
    public var duration: SimTime { windowWidth * Int64(windowCount) }

    /// The values of `metric` for `entity` (`EntityName.text`), or all NaN when
    /// not recorded, so callers never special-case a missing series.
    public func values(_ entity: String, _ metric: Metric) -> [Double] {
        series.first { $0.entity == entity && $0.metric == metric.rawValue }?.values
            ?? Array(repeating: .nan, count: windowCount)
    }

    /// Per-window health of `entity` (a client, for the client-visible SLO)
    /// from its `successRatio`, `latencyMs.p99` and `offered` series.
    public func healthTimeline(_ entity: String, target: SLOTarget = SLOTarget()) -> HealthTimeline {
        HealthTimeline(successRatios: values(entity, .successRatio), latencyP99Ms: values(entity, .latencyMsP99),
                       offered: values(entity, .offered), windowWidth: windowWidth, target: target)
    }

    /// Good and total requests per window of `entity`: good = successes,
    /// total = successes + failures (every unsuccessful outcome the entity saw).
    public func goodAndTotal(_ entity: String) -> (good: [Double], total: [Double]) {
        let good = values(entity, .successes)
        let failures = values(entity, .failures)
        return (good, good.indices.map { good[$0] + failures[$0] })
    }

    /// Times an alert went to firing, from `.alert` events whose `to` is
    /// `firingState`, optionally only for `entity`, in time order.
    public func alertFiringTimes(entity: String? = nil, firingState: String = "firing") -> [SimTime] {
        events.filter { $0.category == .alert && $0.to == firingState && (entity == nil || $0.entity == entity) }.map(\.time)
    }

    /// Firing times of the built-in burn-rate alert over `entity`'s requests.
    public func burnRateFiringTimes(_ entity: String, alert: SeriesBurnRateAlert = SeriesBurnRateAlert()) -> [SimTime] {
        let counts = goodAndTotal(entity)
        return alert.firingTimes(good: counts.good, total: counts.total, windowWidth: windowWidth)
    }

    /// attempts / offered per window of `entity`.
    public func amplification(_ entity: String) -> [Double] {
        Amplification.perWindow(attempts: values(entity, .attempts), offered: values(entity, .offered))
    }

    /// Retry-storm episodes of `entity` from its `attempts`, `offered` and `wasted` series.
    public func retryStorms(_ entity: String, criteria: RetryStormCriteria = RetryStormCriteria()) -> [RetryStormEpisode] {
        criteria.episodes(entity: entity, attempts: values(entity, .attempts), offered: values(entity, .offered),
                          wasted: values(entity, .wastedWork), windowWidth: windowWidth)
    }

    /// State flips per minute of every entity in `category` over the whole run.
    public func stateFlipRates(_ category: StateChangeCategory) -> [StateFlipRate] {
        StateFlipRate.rates(events, category: category, duration: duration)
    }

    /// Period, amplitude and verdict of one series.
    public func oscillation(_ entity: String, _ metric: Metric, criteria: OscillationCriteria = OscillationCriteria()) -> Oscillation {
        Oscillation(values(entity, metric), windowWidth: windowWidth, criteria: criteria)
    }

    /// SLO attainment of `entity` (window- and request-based) and its error budget use.
    public func sloAttainment(_ entity: String, target: SLOTarget = SLOTarget()) -> SLOAttainment {
        let counts = goodAndTotal(entity)
        return SLOAttainment(health: healthTimeline(entity, target: target), good: counts.good, total: counts.total, target: target)
    }

    /// Goodput, fallback, shed and rejected shares of `entity`.
    public func trafficShares(_ entity: String) -> TrafficShares {
        let reasons: [Metric] = [.rejectedBreaker, .rejectedLimiter, .rejectedThrottle, .rejectedBudget, .rejectedQueueFull]
        let recorded = reasons.filter { reason in series.contains { $0.entity == entity && $0.metric == reason.rawValue } }
        return TrafficShares(offered: values(entity, .offered), goodput: values(entity, .goodput), wasted: values(entity, .wastedWork),
                             fallbacks: values(entity, .fallbacks), shed: values(entity, .shed),
                             rejected: recorded.map { ($0.rawValue, values(entity, $0)) })
    }
}
