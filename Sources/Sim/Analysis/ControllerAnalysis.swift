/// One controller's headline numbers (docs/control-loops.md, "Report figures").
public struct ControllerAnalysis: Sendable, Equatable {
    /// The controller's own tally.
    public var summary: ControllerSummary
    /// For a canary: when its version went bad, as far as the analysis knows:
    /// the start of the earliest fault on the canary version that began
    /// during the rollout (the analysis knows the faults, the controller does
    /// not); nil without one.
    public var badSince: SimTime?
    /// A canary's rollback time: from `badSince` (else the rollout's start)
    /// to its rollback taking effect; nil unless it was rolled back.
    public var rollbackTime: SimTime?
    /// A canary's exposure: requests its version finished from `badSince`
    /// (else the rollout's start) until the rollout ended (else the end of the
    /// run), counted in whole metrics windows; and how many of them failed.
    public var exposure: Double?
    /// Of `exposure`, the failed requests.
    public var exposureFailures: Double?
    /// An autoscaler's applied replica changes per hour of the time it ran
    /// (from its start to the end of the run); nil for other kinds.
    public var scaleEventsPerHour: Double?

    /// Analyses `summary` for a run with `faults` and its `recording`.
    public init(_ summary: ControllerSummary, faults: [FaultSpan], recording: Recording) {
        self.summary = summary
        let duration = recording.duration
        if let canary = summary.canary {
            let end = canary.finishedAt ?? duration
            let bad = faults.filter { $0.target == canary.version && $0.start >= canary.startedAt && $0.start <= end }.map(\.start).min()
            badSince = bad
            let from = bad ?? canary.startedAt
            rollbackTime = canary.rolledBack ? end - from : nil
            let width = max(1, recording.windowWidth.ns)
            let windows = Int(from.ns / width)..<Int((end.ns + width - 1) / width)
            let successes = recording.values(canary.version, .successes), failures = recording.values(canary.version, .failures)
            let span = windows.clamped(to: successes.indices)
            let failed = WindowSums.total(Array(failures[span]))
            exposure = WindowSums.total(Array(successes[span])) + failed
            exposureFailures = failed
        }
        let ran = duration - summary.start
        scaleEventsPerHour = summary.kind == .autoscaler && ran.ns > 0 ? Double(summary.actionsApplied) / (ran.seconds / 3600) : nil
    }

    /// This controller's value of `name`, nil when the figure is not about its kind.
    public func value(_ name: FigureName) -> FigureValue? {
        switch name {
        case .canaryRolledBack: return summary.canary.map { .flag($0.rolledBack) }
        case .canaryRollbackTime:
            guard summary.canary != nil else { return nil }
            return rollbackTime.map { .duration($0) } ?? .notApplicable(.notRolledBack)
        case .canaryExposure: return exposure.map { .measured($0, .count) }
        case .canaryFailures: return exposureFailures.map { .measured($0, .count) }
        case .scaleEventsPerHour: return scaleEventsPerHour.map { .measured($0, .perHour) }
        case .controllerConflicts: return .number(Double(summary.conflicts), .count)
        default: return nil
        }
    }
}

extension RunAnalysis {
    /// The run-wide value of a controller figure: rolled back if any canary
    /// was; the first canary's rollback time; exposures and failures summed;
    /// the busiest autoscaler's scale rate; conflicts summed.
    func controllerRunValue(_ name: FigureName) -> FigureValue {
        let values = controllers.compactMap { $0.value(name) }
        guard let first = values.first else { return .notApplicable(.noController) }
        switch name {
        case .canaryRolledBack: return .flag(values.contains(.flag(true)))
        case .canaryRollbackTime: return first
        case .scaleEventsPerHour: return .number(values.compactMap(\.number).max() ?? 0, .perHour)
        default: return .number(values.compactMap(\.number).reduce(0, +), .count)
        }
    }

    /// Each controller's figures, under `controller:NAME`.
    var controllerFigures: [Figure] {
        controllers.flatMap { controller in
            FigureName.allCases.filter(\.isControllerFigure).compactMap { name in
                controller.value(name).map { Figure(name, entity: controller.summary.entity, $0) }
            }
        }
    }
}
