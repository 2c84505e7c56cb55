/// One chart of a run report: the SVG file it is written to and the chart.
public struct SummaryChart: Sendable {
    /// The file name (`client-success-ratio.svg`), also the image link in `summary.md`.
    public var fileName: String
    /// The chart (its title is the image's alt text).
    public var chart: TimeChart

    public init(fileName: String, chart: TimeChart) {
        self.fileName = fileName
        self.chart = chart
    }
}

/// The charts of a run report, in this order (each with every fault shaded):
///
/// 1. `client-success-ratio.svg`: success ratio per client (and all clients
///    together when there are several), 0...1, with the SLO as a dashed line;
/// 2. `client-latency-p99.svg`: p99 latency per client, with the SLO's latency target;
/// 3. `edge-amplification.svg`: attempts / offered per edge, with the storm threshold;
/// 4. `breaker-states.svg`: step chart of the breaker state of every edge whose
///    breaker changed state (an event) or was sampled away from `closed`;
/// 5. `service-in-flight.svg`: requests in flight per service;
/// 6. `service-queue-length.svg`: queued requests per service;
/// 7. `version-weights.svg`: step chart of the traffic weight of every version of a service with several;
/// 8. `instances-up.svg`: step chart of instances taking traffic per service.
///
/// Step charts draw gauges (breaker state, weights, instances), which the
/// recorder samples at the end of each window: each value is drawn from its
/// sampling time on (one window later than its window), so an instance that
/// crashes at 20 s steps down at 20 s, not at the start of the window before.
///
/// A chart is skipped when no series has a defined value; the breaker and
/// queue charts are also skipped when every value is zero (all breakers
/// stayed closed, no queue formed), and the weights chart when no service has
/// two versions: a flat line at zero says less than one sentence.
public enum SummaryCharts {
    /// Every chart with data, in the order above.
    public static func charts(_ input: ReportInput, _ analysis: RunAnalysis) -> [SummaryChart] {
        all(input, analysis).compactMap { $0.chart }
    }

    /// Every chart in the order above, each with its chart or nil when skipped
    /// (for the "not drawn" line of `summary.md`).
    static func all(_ input: ReportInput, _ analysis: RunAnalysis) -> [(title: String, chart: SummaryChart?)] {
        let r = input.recording
        let clients = r.entities(ofKind: .client)
        let clientSeries = clients.count > 1 ? [EntityName.run.text] + clients : clients
        let label = { (entity: String) in entity == EntityName.run.text ? "all clients" : entity }
        let versions = r.entities(ofKind: .version)
        let splitVersions = versions.filter { version in versions.filter { serviceOf($0) == serviceOf(version) }.count > 1 }
        let breakers = r.entities(ofKind: .edge).filter { edge in
            r.values(edge, .breakerState).contains { !$0.isNaN && $0 != 0 }
                || r.events.contains { $0.category == .breaker && ($0.entity == edge || $0.entity.hasPrefix(edge + "#")) }
        }
        let services = r.entities(ofKind: .service)

        var success = TimeChart(title: "Client success ratio", yAxisTitle: "success ratio", windowWidth: r.windowWidth,
                                series: clientSeries.map { .init(label($0), r.values($0, .successRatio)) })
        success.yDomain = 0...1
        success.thresholds = [.init(input.slo.successRatio, "SLO " + NumberFormat.percent(input.slo.successRatio, decimals: 2))]
        var latency = TimeChart(title: "Client p99 latency", yAxisTitle: "p99 latency (ms)", windowWidth: r.windowWidth,
                                series: clientSeries.map { .init(label($0), r.values($0, .latencyMsP99)) })
        latency.thresholds = [.init(input.slo.latencyP99.milliseconds, "SLO p99 " + DurationFormat.human(input.slo.latencyP99))]
        var amplification = TimeChart(title: "Retry amplification per edge", yAxisTitle: "attempts / offered", windowWidth: r.windowWidth,
                                      series: r.entities(ofKind: .edge).map { .init($0, r.amplification($0)) })
        let stormThreshold = analysis.criteria.storms.amplificationThreshold
        amplification.thresholds = [.init(stormThreshold, "storm " + NumberFormat.trimmed(stormThreshold, maxDecimals: 2) + "x")]
        var breakerChart = TimeChart(title: "Breaker states", yAxisTitle: "breaker state", windowWidth: r.windowWidth, style: .step,
                                     series: breakers.map { .init($0, sampledAtWindowEnd(r.values($0, .breakerState))) })
        breakerChart.levels = TimeChart.breakerLevels
        let inFlight = TimeChart(title: "Requests in flight per service", yAxisTitle: "requests in flight", windowWidth: r.windowWidth,
                                 series: services.map { .init($0, r.values($0, .inFlight)) })
        let queue = TimeChart(title: "Queue length per service", yAxisTitle: "queued requests", windowWidth: r.windowWidth,
                              series: services.map { .init($0, r.values($0, .queueLength)) })
        var weights = TimeChart(title: "Traffic weight per version", yAxisTitle: "weight (%)", windowWidth: r.windowWidth, style: .step,
                                series: splitVersions.map { .init($0, sampledAtWindowEnd(r.values($0, .weightPercent))) })
        weights.yDomain = 0...100
        let instances = TimeChart(title: "Instances up per service", yAxisTitle: "instances up", windowWidth: r.windowWidth, style: .step,
                                  series: services.map { .init($0, sampledAtWindowEnd(r.values($0, .instancesUp))) })

        let spans = input.faults.map { TimeChart.Span($0.name, start: $0.start, end: min($0.end, r.duration)) }
        let candidates: [(String, TimeChart, Bool)] = [
            ("client-success-ratio.svg", success, false), ("client-latency-p99.svg", latency, false),
            ("edge-amplification.svg", amplification, false), ("breaker-states.svg", breakerChart, true),
            ("service-in-flight.svg", inFlight, false), ("service-queue-length.svg", queue, true),
            ("version-weights.svg", weights, false), ("instances-up.svg", instances, false),
        ]
        return candidates.map { name, chart, needsNonZero in
            var chart = chart
            chart.spans = spans
            let values = chart.series.flatMap(\.values).filter { !$0.isNaN }
            let drawn = needsNonZero ? values.contains { $0 != 0 } : !values.isEmpty
            return (chart.title, drawn ? SummaryChart(fileName: name, chart: chart) : nil)
        }
    }

    /// End-of-window samples moved to the window they hold over: value i is the
    /// state at the end of window i, so it is drawn over window i + 1; window 0
    /// shows the first sample (the state before anything was recorded), and the
    /// last sample (the state at the very end) has no window left to fill.
    static func sampledAtWindowEnd(_ values: [Double]) -> [Double] {
        guard let first = values.first else { return values }
        return [first] + values.dropLast()
    }

    /// `api` from `version:api@v2`.
    static func serviceOf(_ version: String) -> Substring {
        version.split(separator: "@", maxSplits: 1).first ?? Substring(version)
    }
}
