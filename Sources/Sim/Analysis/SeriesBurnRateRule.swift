/// One multiwindow burn-rate condition: fire while the error budget burns
/// faster than `burnRateThreshold` over both the long and the short window.
///
/// The long window proves the burn is significant; the short one proves it is
/// still happening, so the alert resets soon after recovery (Google SRE
/// workbook, "Alerting on SLOs", multiwindow multi-burn-rate alerts).
public struct SeriesBurnRateRule: Sendable, Equatable {
    /// The window that proves the burn is significant.
    public var longWindow: SimTime
    /// The window that proves the burn is still happening.
    public var shortWindow: SimTime
    /// Burn rate both windows must exceed (strictly, as in the workbook's
    /// Prometheus rules: `rate > 14.4 * (1 - SLO)`).
    public var burnRateThreshold: Double

    /// A rule firing when both windows burn faster than `burnRateThreshold`.
    public init(longWindow: SimTime, shortWindow: SimTime, burnRateThreshold: Double) {
        precondition(longWindow.ns > 0 && shortWindow.ns > 0, "burn-rate windows must be > 0")
        precondition(burnRateThreshold > 0, "burnRateThreshold must be > 0")
        self.longWindow = longWindow
        self.shortWindow = shortWindow
        self.burnRateThreshold = burnRateThreshold
    }

    /// Page: 2 % of a 30-day budget in 1 h (14.4x over 1 h and 5 m).
    public static let pageFast = SeriesBurnRateRule(longWindow: .hours(1), shortWindow: .minutes(5), burnRateThreshold: 14.4)
    /// Page: 5 % of a 30-day budget in 6 h (6x over 6 h and 30 m).
    public static let pageSlow = SeriesBurnRateRule(longWindow: .hours(6), shortWindow: .minutes(30), burnRateThreshold: 6)
    /// Ticket: 10 % of a 30-day budget in 3 d (1x over 3 d and 6 h).
    public static let ticket = SeriesBurnRateRule(longWindow: .hours(72), shortWindow: .hours(6), burnRateThreshold: 1)
}
