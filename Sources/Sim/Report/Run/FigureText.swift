/// How figures are spelled in `summary.md` and `summary.csv`. Every number
/// goes through `NumberFormat` or `DurationFormat`, so the text is the same
/// on every machine.
public enum FigureText {
    /// The value as a person reads it: ratios as percentages (`99.95%`),
    /// multipliers `1.52x`, milliseconds `182.5 ms`, durations `1m 12s`,
    /// verdicts `yes`/`no`, and a missing value as its reason in italics.
    public static func markdown(_ value: FigureValue) -> String {
        switch value {
        case .number(let number, let unit):
            switch unit {
            case .ratio: return NumberFormat.percent(number, decimals: 2)
            case .count: return NumberFormat.trimmed(number, maxDecimals: 2)
            case .times: return NumberFormat.fixed(number, decimals: 2) + "x"
            case .milliseconds: return NumberFormat.fixed(number, decimals: 1) + " ms"
            case .perMinute: return NumberFormat.fixed(number, decimals: 2) + "/min"
            case .perHour: return NumberFormat.fixed(number, decimals: 1) + "/h"
            }
        case .duration(let time): return DurationFormat.human(time)
        case .flag(let flag): return flag ? "yes" : "no"
        case .notApplicable(let reason): return "*" + reason.rawValue + "*"
        }
    }

    /// The `value`, `unit` and `note` fields of a `summary.csv` row: numbers
    /// with up to 6 decimals in their unit, durations in seconds (`s`),
    /// verdicts `true`/`false` (`bool`), and a missing value as an empty value
    /// with its reason in the note (pandas reads the empty field as NaN).
    public static func csvFields(_ value: FigureValue) -> (value: String, unit: String, note: String) {
        switch value {
        case .number(let number, let unit): return (NumberFormat.trimmed(number, maxDecimals: 6), unit.rawValue, "")
        case .duration(let time): return (NumberFormat.trimmed(time.seconds, maxDecimals: 6), "s", "")
        case .flag(let flag): return (flag ? "true" : "false", "bool", "")
        case .notApplicable(let reason): return ("", "", reason.rawValue)
        }
    }

    /// A count (requests, attempts) in a table cell.
    static func count(_ value: Double) -> String { NumberFormat.trimmed(value, maxDecimals: 2) }

    /// A ratio in a table cell, `–` when undefined.
    static func percent(_ ratio: Double) -> String { ratio.isNaN ? "–" : NumberFormat.percent(ratio, decimals: 2) }

    /// Milliseconds in a table cell, `–` when undefined.
    static func milliseconds(_ value: Double) -> String { value.isNaN ? "–" : NumberFormat.fixed(value, decimals: 1) }

    /// A gauge's range in a table cell: `2` when constant, `1–2` otherwise, `–` without data.
    static func range(_ gauge: GaugeSummary) -> String {
        guard !gauge.minimum.isNaN else { return "–" }
        let low = NumberFormat.trimmed(gauge.minimum, maxDecimals: 2), high = NumberFormat.trimmed(gauge.maximum, maxDecimals: 2)
        return low == high ? low : low + "–" + high
    }
}

extension FigureName {
    /// The row title in `summary.md`'s headline table.
    public var label: String {
        switch self {
        case .mttd: "Time to detect (MTTD)"
        case .mttr: "Time to recover (MTTR)"
        case .recoveryAfterRemoval: "Recovery after fault removed"
        case .metastable: "Metastable"
        case .retryAmplificationPeak: "Peak retry amplification"
        case .retryStormEpisodes: "Retry storm episodes"
        case .retryStormExtraAttempts: "Extra attempts in storms"
        case .oscillating: "Oscillating"
        case .oscillationPeriod: "Oscillation period"
        case .stateFlipsPerMinute: "State flips per minute (busiest entity)"
        case .breakerOpens: "Breaker opens"
        case .sloAttainment: "SLO attainment (windows)"
        case .errorBudgetConsumed: "Error budget consumed"
        case .successRatio: "Success ratio"
        case .latencyP99Ms: "p99 latency (worst window)"
        case .goodputRatio: "Goodput ratio"
        case .fallbackHitRatio: "Fallback hit ratio"
        case .shedShare: "Shed share"
        case .rejectedShare: "Rejected share"
        case .offeredRequests: "Requests offered"
        case .canaryRolledBack: "Canary rolled back"
        case .canaryRollbackTime: "Canary rollback time"
        case .canaryExposure: "Canary exposure (requests)"
        case .canaryFailures: "Canary failed requests"
        case .scaleEventsPerHour: "Scale events per hour"
        case .controllerConflicts: "Controller conflicts"
        }
    }
}
