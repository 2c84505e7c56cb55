extension RunAnalysis {
    /// Every headline figure: first the run-wide ones in `FigureName` order,
    /// then each entity's (faults as `fault:NAME`, clients, edges, instances,
    /// services, versions) sorted by entity text and, within an entity, in
    /// `FigureName` order. An entity only gets the figures that apply to its kind.
    public var figures: [Figure] {
        runFigures + entityFigures.sorted { ($0.entity!, $0.name) < ($1.entity!, $1.name) }
    }

    /// The run-wide figures, in `FigureName` order (one per name; a
    /// control-loop figure only when some controller is of its kind).
    public var runFigures: [Figure] {
        FigureName.allCases.filter { name in !name.isControllerFigure || controllers.contains { $0.value(name) != nil } }
            .map { Figure($0, runValue($0)) }
    }

    /// The figure `name` for `entity` (nil: run-wide), if the report has one.
    public func figure(_ name: FigureName, entity: String? = nil) -> Figure? {
        guard let entity else { return Figure(name, runValue(name)) }
        return entityFigures.first { $0.name == name && $0.entity == entity }
    }

    /// The run-wide value of `name`.
    public func runValue(_ name: FigureName) -> FigureValue {
        switch name {
        case .mttd, .mttr, .recoveryAfterRemoval:
            guard let first = faults.first else { return .notApplicable(.noFault) }
            return first.value(name)
        case .metastable: return metastableVerdict
        case .retryAmplificationPeak:
            return .measured(edges.map(\.amplificationPeak).filter { !$0.isNaN }.max() ?? .nan, .times)
        case .retryStormEpisodes: return .number(Double(edges.reduce(0) { $0 + $1.storms.count }), .count)
        case .retryStormExtraAttempts:
            return .number(edges.reduce(0) { $0 + $1.storms.reduce(0) { $0 + $1.extraAttempts } }, .count)
        case .oscillating: return .flag(dominantOscillation != nil)
        case .oscillationPeriod:
            return dominantOscillation?.oscillation.period.map { .duration($0) } ?? .notApplicable(.noOscillation)
        case .stateFlipsPerMinute: return .number(flipsPerMinuteByEntity.map(\.perMinute).max() ?? 0, .perMinute)
        case .breakerOpens: return .number(Double(edges.reduce(0) { $0 + $1.breakerOpens }), .count)
        case .sloAttainment: return .measured(attainment.windowAttainment, .ratio)
        case .errorBudgetConsumed: return .measured(attainment.errorBudgetConsumed, .times)
        case .successRatio: return .measured(run.successRatio, .ratio)
        case .latencyP99Ms: return .measured(run.latencyP99MsWorst, .milliseconds)
        case .goodputRatio: return .measured(serviceShares.goodputRatio, .ratio)
        case .fallbackHitRatio: return .measured(serviceShares.fallbackHitRatio, .ratio)
        case .shedShare: return .measured(serviceShares.shedShare, .ratio)
        case .rejectedShare: return .measured(edgeRejectedShare, .ratio)
        case .offeredRequests: return .number(run.offered, .count)
        case .canaryRolledBack, .canaryRollbackTime, .canaryExposure, .canaryFailures, .scaleEventsPerHour, .controllerConflicts:
            return controllerRunValue(name)
        }
    }

    /// Metastable if any fault is; otherwise undetermined if any fault's tail
    /// was too short to tell; not judged when there is no removed fault; else no.
    var metastableVerdict: FigureValue {
        let verdicts = faults.map(\.recovery.metastability)
        if verdicts.contains(where: \.isMetastable) { return .flag(true) }
        if verdicts.contains(where: { if case .undetermined = $0 { true } else { false } }) { return .notApplicable(.undetermined) }
        if faults.isEmpty { return .notApplicable(.noFault) }
        if verdicts.allSatisfy({ $0 == .faultNotRemoved }) { return .notApplicable(.faultNotRemoved) }
        return .flag(false)
    }

    /// Per-entity figures, unsorted.
    var entityFigures: [Figure] {
        var out: [Figure] = []
        for fault in faults {
            for name in [FigureName.mttd, .mttr, .recoveryAfterRemoval, .metastable] {
                out.append(Figure(name, entity: fault.entity, fault.value(name)))
            }
        }
        for client in clients {
            let e = client.totals.entity
            out += [Figure(.sloAttainment, entity: e, .measured(client.slo.windowAttainment, .ratio)),
                    Figure(.errorBudgetConsumed, entity: e, .measured(client.slo.errorBudgetConsumed, .times)),
                    Figure(.rejectedShare, entity: e, .measured(client.rejectedShare, .ratio)),
                    Figure(.offeredRequests, entity: e, .number(client.totals.offered, .count))]
            out += client.totals.outcomeFigures
        }
        for edge in edges {
            let e = edge.totals.entity
            out += [Figure(.retryAmplificationPeak, entity: e, .measured(edge.amplificationPeak, .times)),
                    Figure(.retryStormEpisodes, entity: e, .number(Double(edge.storms.count), .count)),
                    Figure(.retryStormExtraAttempts, entity: e, .number(edge.storms.reduce(0) { $0 + $1.extraAttempts }, .count)),
                    Figure(.breakerOpens, entity: e, .number(Double(edge.breakerOpens), .count)),
                    Figure(.rejectedShare, entity: e, .measured(edge.rejectedShare, .ratio))]
            out += edge.totals.outcomeFigures
        }
        for service in services {
            let e = service.totals.entity
            out += [Figure(.goodputRatio, entity: e, .measured(service.shares.goodputRatio, .ratio)),
                    Figure(.fallbackHitRatio, entity: e, .measured(service.shares.fallbackHitRatio, .ratio)),
                    Figure(.shedShare, entity: e, .measured(service.shares.shedShare, .ratio)),
                    Figure(.rejectedShare, entity: e, .measured(service.shares.rejectedShare, .ratio))]
            out += service.totals.outcomeFigures
        }
        for version in versions { out += version.totals.outcomeFigures }
        // One verdict per entity: oscillating if any of its key series is.
        var judged: [String] = []
        for item in oscillations where !judged.contains(item.entity) && item.entity != EntityName.run.text {
            judged.append(item.entity)
            let any = oscillations.contains { $0.entity == item.entity && $0.oscillation.isOscillating }
            out.append(Figure(.oscillating, entity: item.entity, .flag(any)))
        }
        for rate in flipsPerMinuteByEntity {
            out.append(Figure(.stateFlipsPerMinute, entity: rate.entity, .number(rate.perMinute, .perMinute)))
        }
        return out + controllerFigures
    }

    /// MTTR after the first fault (nil: no fault, not recovered, or never unhealthy).
    public var mttr: SimTime? { runValue(.mttr).duration }
    /// MTTD of the first fault (nil: no fault or not detected).
    public var mttd: SimTime? { runValue(.mttd).duration }
    /// True only for a definite metastable verdict on some fault.
    public var isMetastable: Bool { runValue(.metastable).flag == true }
    /// The highest amplification of any edge (NaN when no edge had enough load).
    public var retryAmplificationPeak: Double { runValue(.retryAmplificationPeak).number ?? .nan }
    /// Retry storms over all edges.
    public var retryStormEpisodes: Int { edges.reduce(0) { $0 + $1.storms.count } }
    /// Whether any key series oscillates.
    public var isOscillating: Bool { dominantOscillation != nil }
}

extension FaultAnalysis {
    /// This fault's `mttd`, `mttr`, `recoveryAfterRemoval` or `metastable`
    /// (`notApplicable(.noData)` for any other name).
    public func value(_ name: FigureName) -> FigureValue {
        switch name {
        case .mttd: return detection.elapsed.map { .duration($0) } ?? .notApplicable(.notDetected)
        case .mttr: return FaultAnalysis.value(recovery.recovery)
        case .recoveryAfterRemoval: return recovery.recoveryAfterRemoval.map(FaultAnalysis.value) ?? .notApplicable(.faultNotRemoved)
        case .metastable:
            switch recovery.metastability {
            case .metastable: return .flag(true)
            case .notMetastable: return .flag(false)
            case .undetermined: return .notApplicable(.undetermined)
            case .faultNotRemoved: return .notApplicable(.faultNotRemoved)
            }
        default: return .notApplicable(.noData)
        }
    }

    static func value(_ outcome: RecoveryOutcome) -> FigureValue {
        switch outcome {
        case .recovered(_, let after): .duration(after)
        case .notRecovered: .notApplicable(.notRecovered)
        case .neverUnhealthy: .notApplicable(.neverUnhealthy)
        }
    }
}

extension EntityTotals {
    /// `successRatio` and `latencyP99Ms` of this entity.
    var outcomeFigures: [Figure] {
        [Figure(.successRatio, entity: entity, .measured(successRatio, .ratio)),
         Figure(.latencyP99Ms, entity: entity, .measured(latencyP99MsWorst, .milliseconds))]
    }
}
