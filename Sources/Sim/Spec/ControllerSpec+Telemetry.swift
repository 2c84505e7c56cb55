/// How a controller sees the system: the metrics pipeline between the truth
/// and the decision.
///
/// Every `scrapeInterval` the controller's sources are scraped (the counters
/// of the interval just ended); each scrape is lost with probability
/// `lossPercent` (drawn from the stream `telemetry.NAME`), otherwise it
/// arrives `lag` later (plus any active `telemetryLag` fault's). A decision
/// reads the newest arrived scrape and the arrived scrapes of the `window`
/// ending with it: a picture `lag` old at best, averaged over `window`.
///
/// Scrapes happen at metrics-window closes, so `scrapeInterval` must be a
/// whole number of the scenario's `window`, and `window` at least one scrape.
public struct TelemetrySpec: SpecDefaults, Equatable {
    /// Time between scrapes: a whole number of metrics windows (default 10s).
    public var scrapeInterval: SimTime
    /// What one decision aggregates over (a Prometheus range such as `[1m]`).
    public var window: SimTime
    /// Ingestion and query delay: seed [000] "Critical signals ideally <10s delay".
    public var lag: SimTime
    /// Share of scrapes lost, 0...100.
    public var lossPercent: Double

    /// A telemetry block; defaults: scrape every 10 s, 1-minute window, 10 s late, nothing lost.
    public init(scrapeInterval: SimTime = .seconds(10), window: SimTime = .seconds(60), lag: SimTime = .seconds(10), lossPercent: Double = 0) {
        self.scrapeInterval = scrapeInterval
        self.window = window
        self.lag = lag
        self.lossPercent = lossPercent
    }

    public static let defaultValue = TelemetrySpec()
}
