/// The stable name of a headline figure: the key a scenario's `expect` block
/// bounds (`mttr: {max: "2m"}`), the `name` column of `summary.csv`, and the
/// row order of every figure list (run-wide figures come in this order, then
/// each entity's in this order).
///
/// Definitions are in docs/report.md ("Headline figures"); each points at the
/// formula in docs/analysis.md. Renaming a case breaks users' scenario files.
public enum FigureName: String, Sendable, CaseIterable, Comparable {
    /// Fault start to the first alert firing (per fault; run-wide: the first fault).
    case mttd
    /// Fault start to the first sustained healthy stretch after it hurt.
    case mttr
    /// Fault removal to the first sustained healthy stretch after it.
    case recoveryAfterRemoval
    /// Still unhealthy longer than the threshold after the fault was removed.
    case metastable
    /// The highest attempts/offered in a window with enough offered load.
    case retryAmplificationPeak
    /// How many retry storms were found.
    case retryStormEpisodes
    /// Attempts beyond the offered calls during retry storms.
    case retryStormExtraAttempts
    /// Whether any key series has a rhythm (period, correlation, amplitude).
    case oscillating
    /// The period of the most regular oscillating key series.
    case oscillationPeriod
    /// State changes per minute (breakers, ejections, weights, instances).
    case stateFlipsPerMinute
    /// Transitions of a breaker into a state that refuses calls.
    case breakerOpens
    /// Healthy windows / judged windows.
    case sloAttainment
    /// Failed requests / the failures the SLO allows for the run's traffic.
    case errorBudgetConsumed
    /// Successes / finished requests.
    case successRatio
    /// The worst p99 latency of any window.
    case latencyP99Ms
    /// Work someone still waited for / all finished work.
    case goodputRatio
    /// Requests answered by a fallback / offered.
    case fallbackHitRatio
    /// Requests dropped by load shedding / offered.
    case shedShare
    /// Requests refused by a local policy / offered.
    case rejectedShare
    /// Requests the clients offered.
    case offeredRequests
    /// Whether a canary rollout ended in a rollback that took effect (controllers only).
    case canaryRolledBack
    /// From the canary version going bad (a fault on it during the rollout,
    /// else the rollout's start) to its rollback taking effect.
    case canaryRollbackTime
    /// Requests the canary version served from going bad (else the rollout's
    /// start) until the rollout ended: the exposure.
    case canaryExposure
    /// Of those, the ones that failed.
    case canaryFailures
    /// Replica changes an autoscaler applied, per hour of the time it ran.
    case scaleEventsPerHour
    /// Applied changes that reversed another controller's recent change of the same target.
    case controllerConflicts

    /// Figures about control loops: listed run-wide only when the scenario has controllers.
    public var isControllerFigure: Bool {
        switch self {
        case .canaryRolledBack, .canaryRollbackTime, .canaryExposure, .canaryFailures, .scaleEventsPerHour, .controllerConflicts: true
        default: false
        }
    }

    /// Declaration order (the documented row order).
    public static func < (a: FigureName, b: FigureName) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The unit of a numeric figure, as written in `summary.csv`.
public enum FigureUnit: String, Sendable, CaseIterable {
    /// A share in 0...1 (printed as a percentage in Markdown).
    case ratio
    /// A number of things (requests, episodes, transitions).
    case count
    /// A multiplier (attempts per offered request, error budgets used).
    case times = "x"
    /// Milliseconds.
    case milliseconds = "ms"
    /// Events per minute of simulated time.
    case perMinute = "/min"
    /// Events per hour of simulated time.
    case perHour = "/h"
}

/// Why a figure has no value in this run. Expectations need to tell these
/// apart: "not recovered" must fail an `mttr` maximum, while "no fault" has
/// nothing to bound.
public enum FigureAbsence: String, Sendable, CaseIterable {
    /// The scenario injects no fault, so there is nothing to detect or recover from.
    case noFault = "no fault"
    /// No alert began firing at or after the fault's start.
    case notDetected = "not detected"
    /// Unhealthy until the end of the run.
    case notRecovered = "not recovered"
    /// The fault never made a window unhealthy.
    case neverUnhealthy = "never unhealthy"
    /// The fault was still active when the run ended.
    case faultNotRemoved = "fault not removed"
    /// Unhealthy at the end, but the run ended too soon after the fault's
    /// removal to call it metastable (lengthen the scenario).
    case undetermined = "undetermined"
    /// The denominator was zero (nothing offered, nothing finished).
    case noData = "no data"
    /// No key series oscillates, so there is no period to report.
    case noOscillation = "no oscillation"
    /// The scenario has no controller of the kind the figure is about.
    case noController = "no controller"
    /// The canary was promoted, or was still rolling out when the run ended.
    case notRolledBack = "not rolled back"
}

/// The value of one figure.
public enum FigureValue: Sendable, Equatable {
    /// A finite number in `unit` (never NaN: see `notApplicable`).
    case number(Double, FigureUnit)
    /// A span of simulated time.
    case duration(SimTime)
    /// A yes/no verdict.
    case flag(Bool)
    /// No value, and why.
    case notApplicable(FigureAbsence)

    /// `value` in `unit`, or `notApplicable(.noData)` when it is NaN or infinite
    /// (a ratio with a zero denominator), so a `number` is always printable.
    public static func measured(_ value: Double, _ unit: FigureUnit) -> FigureValue {
        value.isFinite ? .number(value, unit) : .notApplicable(.noData)
    }

    /// The number, if this is one.
    public var number: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    /// The duration, if this is one.
    public var duration: SimTime? {
        if case .duration(let value) = self { return value }
        return nil
    }

    /// The verdict, if this is one.
    public var flag: Bool? {
        if case .flag(let value) = self { return value }
        return nil
    }

    /// Why there is no value, if there is none.
    public var absence: FigureAbsence? {
        if case .notApplicable(let reason) = self { return reason }
        return nil
    }
}

/// One headline figure: what, for whom, how much.
public struct Figure: Sendable, Equatable {
    /// The stable name.
    public var name: FigureName
    /// The entity it describes (`edge:api->db`, `fault:db crash`), nil for the run as a whole.
    public var entity: String?
    /// The value.
    public var value: FigureValue

    /// A figure named `name` for `entity` (nil: run-wide).
    public init(_ name: FigureName, entity: String? = nil, _ value: FigureValue) {
        self.name = name
        self.entity = entity
        self.value = value
    }
}
