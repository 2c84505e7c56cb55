/// What one scrape of one source carried: the counters of the scrape
/// interval that ended at `scrapedAt`, and the gauges read then.
struct TelemetrySample {
    /// End of the interval the sample covers.
    var scrapedAt: SimTime = .zero
    /// When the controller can first see it (`scrapedAt` + the lag then).
    var arrivesAt: SimTime = .zero
    /// Requests finished in the interval (successes + failures).
    var requests: Double = 0
    var errors: Double = 0
    /// Busy-server time and server time of ready instances (ns x servers), for utilisation.
    var busyArea: Double = 0
    var capacityArea: Double = 0
    /// Instances up, and instances provisioned (not scaled in), at `scrapedAt`.
    var instancesUp = 0
    var instancesProvisioned = 0
    var latency = LatencySketch()
    /// Already handed to a consumer that takes every sample once (the burn-rate alert).
    var consumed = false
}
