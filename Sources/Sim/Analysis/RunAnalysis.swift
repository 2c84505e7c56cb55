/// Everything the report says about one run, computed once from a
/// `ReportInput` by the definitions in this folder (docs/analysis.md).
///
/// Client-visible figures come from the `run` entity (all clients together):
/// health, SLO attainment, MTTD and MTTR. Amplification and storms are per
/// edge; oscillation is judged on key series and flip rates per entity.
/// `figures` lists the headline numbers under stable names; the typed
/// properties below hold the same data for tables and charts.
///
/// Pure and deterministic: entity lists follow the recording's sorted order,
/// faults the input's order.
public struct RunAnalysis: Sendable, Equatable {
    /// The thresholds used.
    public var criteria: RunAnalysisCriteria
    /// The SLO windows were judged against.
    public var slo: SLOTarget
    /// Width of one metrics window.
    public var windowWidth: SimTime
    /// The simulated time the recording covers.
    public var duration: SimTime
    /// Client-visible health of every window (the `run` entity).
    public var health: HealthTimeline
    /// Client-visible SLO attainment and error budget (the `run` entity).
    public var attainment: SLOAttainment
    /// Client-visible outcome totals (the `run` entity).
    public var run: EntityTotals
    /// When alerts began firing: recorded `alert` events, or the built-in
    /// burn-rate alert over the run's requests when there are none.
    public var alertFiringTimes: [SimTime]
    /// Detection and recovery of each fault, in the input's order.
    public var faults: [FaultAnalysis]
    /// Per client, per edge, per service and per version, in sorted entity order.
    public var clients: [ClientAnalysis]
    /// Per edge.
    public var edges: [EdgeAnalysis]
    /// Per service.
    public var services: [ServiceAnalysis]
    /// Per version.
    public var versions: [VersionAnalysis]
    /// All services together: goodput, fallback and shed shares of the
    /// requests services received (`rejectedShare` here is server-side refusals).
    public var serviceShares: TrafficShares
    /// All edges together: calls refused by a client-side policy / calls offered.
    public var edgeRejectedShare: Double
    /// Period, amplitude and verdict of each key series.
    public var oscillations: [SeriesOscillation]
    /// State flips of every entity that changed, by category (sorted by entity, then category).
    public var flipRates: [StateFlipRate]
    /// Each control loop's figures, in the scenario's order (empty without controllers).
    public var controllers: [ControllerAnalysis]

    /// Analyses `input` under `criteria`.
    public init(_ input: ReportInput, criteria: RunAnalysisCriteria = .standard) {
        let recording = input.recording
        let run = EntityName.run.text
        self.criteria = criteria
        slo = input.slo
        windowWidth = recording.windowWidth
        duration = recording.duration
        health = recording.healthTimeline(run, target: input.slo)
        attainment = recording.sloAttainment(run, target: input.slo)
        self.run = EntityTotals(recording, run)
        let recorded = recording.alertFiringTimes()
        let builtIn = SeriesBurnRateAlert(slo: input.slo.successRatio, rules: criteria.burnRateRules)
        alertFiringTimes = recorded.isEmpty ? recording.burnRateFiringTimes(run, alert: builtIn) : recorded
        let health = health, firing = alertFiringTimes
        faults = input.faults.map { fault in
            FaultAnalysis(fault: fault, detection: Detection(of: fault, firingTimes: firing),
                          recovery: health.recovery(from: fault, criteria: criteria.recovery))
        }
        clients = recording.entities(ofKind: .client).map { RunAnalysis.client(recording, $0, slo: input.slo) }
        edges = recording.entities(ofKind: .edge).map { RunAnalysis.edge(recording, $0, criteria: criteria.storms) }
        services = recording.entities(ofKind: .service).map { RunAnalysis.service(recording, $0) }
        versions = recording.entities(ofKind: .version).map { RunAnalysis.version(recording, $0) }
        let serviceNames = recording.entities(ofKind: .service)
        serviceShares = TrafficShares(offered: recording.summed(serviceNames, .offered), goodput: recording.summed(serviceNames, .goodput),
                                      wasted: recording.summed(serviceNames, .wastedWork), fallbacks: recording.summed(serviceNames, .fallbacks),
                                      shed: recording.summed(serviceNames, .shed),
                                      rejected: [Metric.rejectedLimiter, .rejectedQueueFull].map { ($0.rawValue, recording.summed(serviceNames, $0)) })
        let edges = edges
        edgeRejectedShare = WindowSums.ratio(edges.reduce(0) { $0 + $1.rejected.reduce(0) { $0 + $1.total } },
                                             edges.reduce(0) { $0 + $1.totals.offered })
        oscillations = RunAnalysis.keySeries(recording).map {
            SeriesOscillation(entity: $0.entity, metric: $0.metric,
                              oscillation: recording.oscillation($0.entity, $0.metric, criteria: criteria.oscillation))
        }
        flipRates = recording.duration.ns > 0 ? RunAnalysis.flipRates(recording, categories: criteria.flipCategories) : []
        controllers = input.controllers.map { ControllerAnalysis($0, faults: input.faults, recording: recording) }
    }
}

/// Detection and recovery of one fault.
public struct FaultAnalysis: Sendable, Equatable {
    /// The fault.
    public var fault: FaultSpan
    /// MTTD: when an alert first fired at or after the fault's start.
    public var detection: Detection
    /// MTTR, recovery after removal and metastability.
    public var recovery: FaultRecovery

    /// The entity per-fault figures carry: `fault:` and the fault's name.
    public var entity: String { "fault:" + fault.name }
}
