/// One multiwindow burn-rate condition: fire while the error budget burns
/// faster than `burnRate` over both the long and the short window.
///
/// The long window proves the burn is significant; the short one proves it is
/// still happening, so the alert resolves soon after the burn stops (Google SRE
/// workbook, "Alerting on SLOs", approach 6: multiwindow, multi-burn-rate).
public struct BurnRateRule: Codable, Equatable, Sendable {
    /// How urgent a firing rule is.
    public enum Severity: String, Codable, CaseIterable, Sendable {
        /// Wake someone up.
        case page
        /// Look at it in working hours.
        case ticket
    }

    /// The rule's name in events and reports (`page-fast`).
    public var name: String
    /// Page or ticket.
    public var severity: Severity
    /// The threshold, as a multiple of the sustainable burn (1 = the budget lasts exactly the SLO period).
    public var burnRate: Double
    /// The window that proves the burn is significant (workbook: 1 h, 6 h, 3 d).
    public var longWindow: Nanoseconds
    /// The window that proves the burn is still happening (workbook: 1/12 of the long one).
    public var shortWindow: Nanoseconds

    /// A rule value.
    public init(name: String, severity: Severity, burnRate: Double, longWindow: Nanoseconds, shortWindow: Nanoseconds) {
        self.name = name
        self.severity = severity
        self.burnRate = burnRate
        self.longWindow = longWindow
        self.shortWindow = shortWindow
    }
}

/// An SLO and the burn-rate rules that alert on it.
///
/// Burn rate = error ratio / (1 - SLO). A rule fires when the burn rate over
/// its long window *and* over its short window are both strictly above its
/// `burnRate` (the workbook's Prometheus rules use `>`), and resolves when
/// either is no longer above. Rules are independent (the workbook ORs them).
///
/// Resolution: each rule counts requests in buckets of
/// `bucketWidth(for:)` = max(shortWindow / 10, 1 s); a window of length W is
/// read at `now` as the last W plus the elapsed part of the current bucket, so
/// it spans W to W + one bucket (5 m reads 5 m to 5 m 30 s with the workbook's
/// fast-page rule). A window holds `ceil(W / width) + 1` buckets, at most
/// `maxBucketsPerWindow`.
///
/// `init()` is the workbook's recommendation for a 99.9 % SLO (`googleSRE`).
public struct BurnRateAlertConfig: ValidatedConfig {
    /// The SLO, in percent of good events (0 < x < 100).
    public var sloPercent: Double
    /// The rules, evaluated independently.
    public var rules: [BurnRateRule]

    /// The Google SRE workbook's rules for a 99.9 % SLO (see `preset(.googleSRE)`).
    public init() {
        self.init(sloPercent: 99.9, rules: BurnRateAlertConfig.googleSRERules)
    }

    /// Every field explicit.
    public init(sloPercent: Double = 99.9, rules: [BurnRateRule] = BurnRateAlertConfig.googleSRERules) {
        self.sloPercent = sloPercent
        self.rules = rules
    }

    /// "Alerting on SLOs", table "Recommended parameters for an SLO-based
    /// alerting configuration" (99.9 % SLO over 30 days): page at 14.4x over
    /// 1 h and 5 m (2 % of the budget in an hour), page at 6x over 6 h and
    /// 30 m (5 % in six hours), ticket at 1x over 3 d and 6 h (10 % in three days).
    public static let googleSRERules = [
        BurnRateRule(name: "page-fast", severity: .page, burnRate: 14.4, longWindow: .hours(1), shortWindow: .minutes(5)),
        BurnRateRule(name: "page-slow", severity: .page, burnRate: 6, longWindow: .hours(6), shortWindow: .minutes(30)),
        BurnRateRule(name: "ticket", severity: .ticket, burnRate: 1, longWindow: .hours(72), shortWindow: .hours(6)),
    ]

    /// The most rules one alert may have.
    public static let maxRules = 32
    /// Buckets per short window: the resolution of both windows of a rule.
    public static let bucketsPerShortWindow: Int64 = 10
    /// No bucket is narrower than this.
    public static let minimumBucketWidth = Nanoseconds.seconds(1)
    /// The most buckets one window may hold (storage is allocated up front).
    public static let maxBucketsPerWindow = 100_000

    /// The error budget as a ratio: 1 - SLO (0.001 for 99.9 %).
    public var errorBudgetRatio: Double { (100 - sloPercent) / 100 }

    /// The bucket width of `rule`'s windows: max(shortWindow / 10, 1 s).
    public static func bucketWidth(for rule: BurnRateRule) -> Nanoseconds {
        Swift.max(Nanoseconds(ns: rule.shortWindow.ns / bucketsPerShortWindow), minimumBucketWidth)
    }

    /// Buckets a window of `length` needs at `width`: `ceil(length / width) + 1`.
    public static func bucketCount(_ length: Nanoseconds, width: Nanoseconds) -> Int {
        Int(length.ns / width.ns + (length.ns % width.ns == 0 ? 0 : 1)) + 1
    }

    /// Rejects an SLO outside (0, 100), no rules or too many, empty or repeated
    /// names, non-positive burn rates and windows, a short window longer than the
    /// long one, and windows needing more than `maxBucketsPerWindow` buckets.
    public func validate() throws(PolicyConfigError) {
        try Check.that(sloPercent.isFinite && sloPercent > 0 && sloPercent < 100, "sloPercent",
                       expected: "a percentage in (0, 100)", got: "\(sloPercent)")
        try Check.that((1...Self.maxRules).contains(rules.count), "rules", expected: "1 to \(Self.maxRules) rules", got: "\(rules.count)")
        for (index, rule) in rules.enumerated() {
            let path = "rules[\(index)]"
            try Check.that(!rule.name.isEmpty, "\(path).name", expected: "a name", got: "\"\"")
            try Check.that(!rules[..<index].contains { $0.name == rule.name }, "\(path).name",
                           expected: "a name not used by another rule", got: "\"\(rule.name)\"")
            try Check.positive(rule.burnRate, "\(path).burnRate")
            try Check.positive(rule.longWindow, "\(path).longWindow")
            try Check.positive(rule.shortWindow, "\(path).shortWindow")
            try Check.that(rule.shortWindow <= rule.longWindow, "\(path).shortWindow",
                           expected: "a duration <= longWindow (\(rule.longWindow.unitString))", got: rule.shortWindow.unitString)
            let buckets = Self.bucketCount(rule.longWindow, width: Self.bucketWidth(for: rule))
            try Check.that(buckets <= Self.maxBucketsPerWindow, "\(path).longWindow",
                           expected: "at most \(Self.maxBucketsPerWindow) buckets of \(Self.bucketWidth(for: rule).unitString) (shortWindow / 10)",
                           got: rule.longWindow.unitString)
        }
    }

    /// That source's burn-rate alert, or `nil` if it publishes none.
    ///
    /// `.googleSRE` is `init()`: SLO 99.9 % and `googleSRERules`. The seed
    /// guides' 2x/4x/8x thresholds are not library presets; docs/policies/control.md
    /// shows them as rule lists.
    public static func preset(_ preset: PolicyPreset) -> BurnRateAlertConfig? {
        switch preset {
        case .googleSRE:
            return BurnRateAlertConfig()
        case .resilience4j, .hystrix, .pollyV8, .envoy, .grpc, .finagle, .awsStandard, .aws2026, .netflix, .kubernetes:
            return nil
        }
    }
}
