/// Whole-run totals and extremes of one series, and series summed over
/// several entities: the small reads `RunAnalysis` makes of a `Recording`.
/// NaN ("undefined in this window") is skipped everywhere.
extension Recording {
    /// The sum of `metric` over every window of `entity` (0 when not recorded).
    func total(_ entity: String, _ metric: Metric) -> Double {
        WindowSums.total(values(entity, metric))
    }

    /// Per-window sums of `metric` over `entities` (undefined values count as 0).
    func summed(_ entities: [String], _ metric: Metric) -> [Double] {
        var sums = Array(repeating: 0.0, count: windowCount)
        for entity in entities {
            for (index, value) in values(entity, metric).enumerated() where !value.isNaN { sums[index] += value }
        }
        return sums
    }

    /// Recorded entities of one kind (`client:`, `edge:`, ...), in sorted order.
    public func entities(ofKind kind: EntityName.Kind) -> [String] {
        let prefix = kind.rawValue + ":"
        return entities.filter { $0.hasPrefix(prefix) }
    }

    /// Whether `entity` has a series for `metric`.
    func hasSeries(_ entity: String, _ metric: Metric) -> Bool {
        series.contains { $0.entity == entity && $0.metric == metric.rawValue }
    }
}

/// The first, last, lowest and highest defined value of a gauge series
/// (weights, instances up, in-flight): enough for a table row.
public struct GaugeSummary: Sendable, Equatable {
    /// The first defined value (NaN when none).
    public var first: Double
    /// The last defined value (NaN when none).
    public var last: Double
    /// The lowest defined value (NaN when none).
    public var minimum: Double
    /// The highest defined value (NaN when none).
    public var maximum: Double

    /// The summary of `values`, skipping NaN.
    public init(_ values: [Double]) {
        let defined = values.filter { !$0.isNaN }
        first = defined.first ?? .nan
        last = defined.last ?? .nan
        minimum = defined.min() ?? .nan
        maximum = defined.max() ?? .nan
    }
}

/// The run total of one count metric (a failure class, a rejection reason).
public struct MetricTotal: Sendable, Equatable {
    /// Which metric.
    public var metric: Metric
    /// Its sum over the run.
    public var total: Double

    /// `metric` summed to `total`.
    public init(_ metric: Metric, _ total: Double) {
        self.metric = metric
        self.total = total
    }
}
