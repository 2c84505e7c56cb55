/// Everything a run recorded: per-window metric series and a log of state
/// changes. The contract between the model (which fills it) and analysis and
/// report writers (which read it).
///
/// Series are kept sorted by (entity, metric) and events by (time, order of
/// occurrence), so everything derived from a recording is deterministic.
public struct Recording: Sendable, Equatable {
    /// Width of one metrics window.
    public var windowWidth: SimTime
    /// Number of windows (every series has exactly this many values).
    public var windowCount: Int
    /// Sorted by (entity, metric).
    public var series: [MetricSeries]
    /// In time order (ties in the order they happened).
    public var events: [StateChangeEvent]

    public init(windowWidth: SimTime, windowCount: Int, series: [MetricSeries], events: [StateChangeEvent]) {
        precondition(windowWidth.ns > 0, "windowWidth must be > 0")
        precondition(series.allSatisfy { $0.values.count == windowCount }, "every series needs windowCount values")
        self.windowWidth = windowWidth
        self.windowCount = windowCount
        self.series = series.sorted { ($0.entity, $0.metric) < ($1.entity, $1.metric) }
        self.events = events
    }

    /// The series for `entity` and `metric`, if recorded.
    public func series(_ entity: EntityName, _ metric: Metric) -> MetricSeries? {
        series.first { $0.entity == entity.text && $0.metric == metric.rawValue }
    }

    /// The start time of window `index`.
    public func windowStart(_ index: Int) -> SimTime { windowWidth * Int64(index) }

    /// The index of the window containing `time` (clamped to the recording).
    public func windowIndex(containing time: SimTime) -> Int {
        min(max(0, Int(time.ns / windowWidth.ns)), max(0, windowCount - 1))
    }

    /// Every entity that has at least one series, in sorted order.
    public var entities: [String] {
        var seen: [String] = []
        for item in series where seen.last != item.entity { seen.append(item.entity) }
        return seen
    }
}

/// One metric of one entity, one value per window (`.nan` where undefined,
/// e.g. a latency percentile in a window with no requests).
public struct MetricSeries: Sendable, Equatable {
    public var entity: String
    public var metric: String
    public var values: [Double]

    /// Bit-for-bit equality: NaN (undefined) equals NaN, so two identical
    /// runs compare equal.
    public static func == (a: MetricSeries, b: MetricSeries) -> Bool {
        a.entity == b.entity && a.metric == b.metric && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    public init(entity: String, metric: String, values: [Double]) {
        self.entity = entity
        self.metric = metric
        self.values = values
    }
}

/// A state change with its time and cause: breaker transitions, ejections,
/// weight changes, instances up/down, faults starting/ending, limits hit,
/// controller decisions.
public struct StateChangeEvent: Sendable, Equatable {
    public var time: SimTime
    /// The entity that changed (`EntityName.text`).
    public var entity: String
    public var category: StateChangeCategory
    public var from: String
    public var to: String
    /// Why, in words a person reads in a report ("failure rate 62.5% >= 50%").
    public var cause: String

    public init(time: SimTime, entity: String, category: StateChangeCategory, from: String, to: String, cause: String) {
        self.time = time
        self.entity = entity
        self.category = category
        self.from = from
        self.to = to
        self.cause = cause
    }
}

/// What kind of thing changed state.
public enum StateChangeCategory: String, Sendable, Codable, CaseIterable {
    case breaker
    case ejection
    case weight
    case instance
    case fault
    case limit
    case concurrencyLimit
    case controller
    case alert
}
