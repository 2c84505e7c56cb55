/// The `alert` block: SLO burn-rate alerting over the target's good and total
/// requests (`BurnRateAlertConfig`, default the Google SRE workbook's rules).
///
/// Each scrape is recorded when it arrives; rules are evaluated every
/// `interval`, and every firing or resolving goes into the event log as an
/// `alert` event (the report's MTTD reads the first firing after a fault).
public struct BurnRateAlertSpec: SpecDefaults, Equatable {
    /// Time between rule evaluations (default 30s).
    public var interval: SimTime
    /// SLO and rules (`preset: "google-sre"`).
    public var policy: BurnRateAlertConfig

    /// An alert block; the defaults are the Google SRE workbook's rules every 30 s.
    public init(interval: SimTime = .seconds(30), policy: BurnRateAlertConfig = BurnRateAlertConfig()) {
        self.interval = interval
        self.policy = policy
    }

    public static let defaultValue = BurnRateAlertSpec()
}
