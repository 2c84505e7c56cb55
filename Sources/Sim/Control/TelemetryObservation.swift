/// What a controller sees of one source at a decision: the arrived scrapes
/// of the telemetry window ending at the newest arrived one, summed.
struct TelemetryObservation: Equatable {
    /// Requests finished and failed in the window.
    var requests: Double
    var errors: Double
    /// p99 latency of the window's requests (nil without latency data).
    var latencyP99: SimTime?
    /// Busy / capacity of ready instances over the window, in percent (NaN without capacity).
    var utilisationPercent: Double
    /// Requests per second over the time the arrived scrapes cover.
    var requestRatePerSecond: Double
    /// Gauges from the newest scrape.
    var instancesUp: Int
    var instancesProvisioned: Int
    /// Scrapes summed, and how many the window should have held.
    var samples: Int
    var expectedSamples: Int
    /// The newest scrape's time, and the time the window's data starts.
    var newestScrapeAt: SimTime
    var coveredFrom: SimTime
    /// How old the newest data is at the decision (`now - newestScrapeAt`).
    var staleness: SimTime

    /// successes / requests, NaN without requests.
    var successRatio: Double { requests > 0 ? (requests - errors) / requests : .nan }

    /// The share of provisioned instances that are up, in percent (NaN with none provisioned).
    var healthyInstancesPercent: Double {
        instancesProvisioned > 0 ? 100 * Double(instancesUp) / Double(instancesProvisioned) : .nan
    }

    /// `n=812 err=0.4% p99=42ms` (p99 when latency is collected): the traffic part of a log line.
    var trafficText: String {
        let errorText = requests > 0 ? NumberFormat.trimmed(100 * errors / requests, maxDecimals: 2) + "%" : "-"
        let p99Text = latencyP99.map { " p99=" + NumberFormat.trimmed($0.milliseconds, maxDecimals: 1) + "ms" } ?? ""
        return "n=\(Int(requests)) err=\(errorText)\(p99Text)"
    }

    /// `12s old, 6/6 scrapes`: how fresh and complete the data was.
    var freshnessText: String {
        "\(DurationFormat.human(staleness)) old, \(samples)/\(expectedSamples) scrapes"
    }
}
