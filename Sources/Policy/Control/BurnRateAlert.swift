/// Good and total requests in one bucket of a burn-rate window.
struct GoodTotal: WindowBucket {
    var good: Int
    var total: Int

    static var zero: GoodTotal { GoodTotal(good: 0, total: 0) }
    static func + (a: GoodTotal, b: GoodTotal) -> GoodTotal { GoodTotal(good: a.good + b.good, total: a.total + b.total) }
    static func - (a: GoodTotal, b: GoodTotal) -> GoodTotal { GoodTotal(good: a.good - b.good, total: a.total - b.total) }
}

/// A multiwindow, multi-burn-rate SLO alert (Google SRE workbook, "Alerting
/// on SLOs") as a sans-I/O value: the caller records good/total counts as they
/// happen and evaluates when it likes (every few seconds, or after each
/// record); firing and resolving come back as `AlertTransition` values.
///
/// Each rule keeps two `SlidingWindow`s (long and short) of
/// `BurnRateAlertConfig.bucketWidth(for:)` buckets, allocated at init. A rule
/// fires when both windows' burn rates are strictly above its threshold and
/// resolves when either is not; a window without traffic burns at 0. Burn
/// rates are rounded to 1e-9 so binary noise cannot decide a threshold. Time must
/// not go backwards. `record` and `evaluate(now:into:)` never allocate once
/// the caller's buffer has capacity for `config.rules.count` transitions.
public struct BurnRateAlert: Sendable {
    /// The configuration this alert runs (validate it before use).
    public let config: BurnRateAlertConfig
    /// Whether each rule is firing, by rule index.
    public private(set) var firing: [Bool]
    var longWindows: [SlidingWindow<GoodTotal>]
    var shortWindows: [SlidingWindow<GoodTotal>]
    /// 1 - SLO, computed once.
    let budget: Double

    /// An alert with empty windows and no rule firing.
    /// - Precondition: `config.validate()` succeeds.
    public init(config: BurnRateAlertConfig) {
        self.config = config
        firing = Array(repeating: false, count: config.rules.count)
        budget = config.errorBudgetRatio
        longWindows = config.rules.map { Self.window(covering: $0.longWindow, for: $0) }
        shortWindows = config.rules.map { Self.window(covering: $0.shortWindow, for: $0) }
    }

    /// An empty window of `length` at `rule`'s resolution.
    static func window(covering length: Nanoseconds, for rule: BurnRateRule) -> SlidingWindow<GoodTotal> {
        let width = BurnRateAlertConfig.bucketWidth(for: rule)
        return SlidingWindow(bucketWidth: width, bucketCount: BurnRateAlertConfig.bucketCount(length, width: width))
    }

    /// Counts `total` requests at `now`, `good` of them good. Negative counts
    /// are taken as 0 and `good` is capped at `total` (a production metric
    /// glitch must not trap).
    public mutating func record(now: Nanoseconds, good: Int, total: Int) {
        let total = Swift.max(total, 0)
        let counts = GoodTotal(good: Swift.min(Swift.max(good, 0), total), total: total)
        guard counts.total > 0 else { return }
        for index in longWindows.indices {
            longWindows[index].add(counts, at: now)
            shortWindows[index].add(counts, at: now)
        }
    }

    /// The burn rates of rule `index` over its long and short window at `now`.
    public mutating func burnRates(rule index: Int, at now: Nanoseconds) -> (long: Double, short: Double) {
        (burnRate(longWindows[index].total(at: now)), burnRate(shortWindows[index].total(at: now)))
    }

    /// Evaluates every rule at `now`, appending one transition per rule that
    /// started or stopped firing to `transitions` (in rule order). Returns how
    /// many were appended. Allocation-free when `transitions` has the capacity
    /// (`reserveCapacity(config.rules.count)` once, `removeAll(keepingCapacity: true)` per call).
    @discardableResult
    public mutating func evaluate(now: Nanoseconds, into transitions: inout [AlertTransition]) -> Int {
        var appended = 0
        for index in firing.indices {
            let rule = config.rules[index]
            let burns = burnRates(rule: index, at: now)
            let firesNow = burns.long > rule.burnRate && burns.short > rule.burnRate
            guard firesNow != firing[index] else { continue }
            firing[index] = firesNow
            transitions.append(AlertTransition(ruleIndex: index, name: rule.name, severity: rule.severity, firing: firesNow, at: now,
                                               burnLong: burns.long, burnShort: burns.short, threshold: rule.burnRate))
            appended += 1
        }
        return appended
    }

    /// Evaluates every rule at `now` and returns the transitions. An empty
    /// result (the steady state) does not allocate; a transition does.
    public mutating func evaluate(now: Nanoseconds) -> [AlertTransition] {
        var transitions: [AlertTransition] = []
        evaluate(now: now, into: &transitions)
        return transitions
    }

    /// Whether any rule of `severity` is firing.
    public func isFiring(_ severity: BurnRateRule.Severity) -> Bool {
        firing.indices.contains { firing[$0] && config.rules[$0].severity == severity }
    }

    /// Empties every window and resolves every rule silently.
    public mutating func reset() {
        for index in firing.indices {
            firing[index] = false
            longWindows[index].reset()
            shortWindows[index].reset()
        }
    }

    /// error ratio / (1 - SLO), rounded to 1e-9; 0 without traffic.
    ///
    /// Why round: a decimal SLO is not exact in binary (100 - 99.9 is
    /// 0.0999999999999943), so 144 errors in 10,000 requests would otherwise
    /// burn at 14.400000000000823 and fire a strict `> 14.4`.
    func burnRate(_ counts: GoodTotal) -> Double {
        guard counts.total > 0 else { return 0 }
        let raw = Double(counts.total - counts.good) / Double(counts.total) / budget
        return (raw * 1e9).rounded() / 1e9
    }
}
