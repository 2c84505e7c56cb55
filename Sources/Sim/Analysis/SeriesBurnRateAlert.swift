/// A small built-in multiwindow multi-burn-rate alert over per-window
/// good/total request counts, so reports have an MTTD even where a scenario
/// has no Policy alert configured. (The Policy library's alert, when present,
/// is recorded as `.alert` events and takes precedence; this may be replaced by it.)
///
/// Definitions, for a window of length W ending at the end of metrics window i:
/// - error ratio = (sum total - sum good) / sum total over the metrics windows
///   in (end - W, end]; W is rounded up to whole metrics windows and clipped at
///   the start of the run (like a Prometheus range over a young series); a
///   range with no requests has error ratio 0;
/// - burn rate = error ratio / (1 - SLO);
/// - a rule holds when burn rate > threshold over both its long and short window;
/// - the alert fires while any rule holds, and the firing time is the end of
///   the metrics window where it first holds (the earliest moment the data
///   for that window is complete).
///
/// Defaults: SLO 99.9 %, rules `pageFast` (14.4x, 1 h / 5 m) and `pageSlow`
/// (6x, 6 h / 30 m): the workbook's paging pair.
public struct SeriesBurnRateAlert: Sendable, Equatable {
    /// The success objective (0.999 = 99.9 %); the budget is `1 - slo`.
    public var slo: Double
    /// The rules; the alert fires while any of them holds.
    public var rules: [SeriesBurnRateRule]

    /// An alert on `slo` with `rules` (default: the workbook paging pair).
    public init(slo: Double = 0.999, rules: [SeriesBurnRateRule] = [.pageFast, .pageSlow]) {
        precondition(slo > 0 && slo < 1, "slo must be in (0, 1)")
        precondition(!rules.isEmpty, "a burn-rate alert needs at least one rule")
        self.slo = slo
        self.rules = rules
    }

    /// The burn rate over the `span` ending at the end of window `index`.
    /// NaN counts are skipped. `cumulative` are prefix sums from `prefixSums`.
    func burnRate(_ cumulative: (good: [Double], total: [Double]), endingAt index: Int, span: SimTime, windowWidth: SimTime) -> Double {
        let windowsInSpan = Int((span.ns + windowWidth.ns - 1) / windowWidth.ns)
        let first = max(0, index + 1 - windowsInSpan)
        let total = cumulative.total[index + 1] - cumulative.total[first]
        guard total > 0 else { return 0 }
        let bad = total - (cumulative.good[index + 1] - cumulative.good[first])
        return bad / total / (1 - slo)
    }

    /// Whether the alert holds at the end of each window.
    public func firing(good: [Double], total: [Double], windowWidth: SimTime) -> [Bool] {
        precondition(good.count == total.count, "good and total need one value per window")
        let sums = (SeriesBurnRateAlert.prefixSums(good), SeriesBurnRateAlert.prefixSums(total))
        return good.indices.map { index in
            rules.contains { rule in
                burnRate(sums, endingAt: index, span: rule.longWindow, windowWidth: windowWidth) > rule.burnRateThreshold
                    && burnRate(sums, endingAt: index, span: rule.shortWindow, windowWidth: windowWidth) > rule.burnRateThreshold
            }
        }
    }

    /// The times the alert went from not firing to firing (ends of windows).
    public func firingTimes(good: [Double], total: [Double], windowWidth: SimTime) -> [SimTime] {
        var times: [SimTime] = []
        var wasFiring = false
        for (index, isFiring) in firing(good: good, total: total, windowWidth: windowWidth).enumerated() {
            if isFiring && !wasFiring { times.append(windowWidth * Int64(index + 1)) }
            wasFiring = isFiring
        }
        return times
    }

    /// The burn rate over `span` at the end of each window (for charts).
    public func burnRates(good: [Double], total: [Double], windowWidth: SimTime, span: SimTime) -> [Double] {
        precondition(good.count == total.count, "good and total need one value per window")
        let sums = (SeriesBurnRateAlert.prefixSums(good), SeriesBurnRateAlert.prefixSums(total))
        return good.indices.map { burnRate(sums, endingAt: $0, span: span, windowWidth: windowWidth) }
    }

    /// Running sums with a leading 0, NaN counted as 0.
    static func prefixSums(_ values: [Double]) -> [Double] {
        var sums = [0.0]
        sums.reserveCapacity(values.count + 1)
        for value in values { sums.append(sums[sums.count - 1] + (value.isNaN ? 0 : value)) }
        return sums
    }
}
