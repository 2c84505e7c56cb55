/// A chart of per-window series over simulated time, written as SVG 1.1 that
/// GitHub renders in Markdown: our own writer, no scripts, no external fonts.
///
/// - `.line` draws each value at the middle of its window; `.step` holds it
///   across the window (breaker state, instance counts, weights).
/// - NaN values break the line (no data is not zero); a value alone between
///   gaps is drawn as a dot.
/// - Axes get "nice" 1-2-5 ticks; the time axis is in seconds, or minutes for
///   runs longer than 10 minutes; the y axis title should carry the unit
///   ("p99 latency (ms)").
/// - Fault spans are shaded and labelled; `levels` replace numeric y ticks
///   with names (0 closed, 1 half-open, 2 open); `thresholds` draw dashed
///   reference lines (an SLO target).
/// - The size is fixed (720x240 by default) and every coordinate prints with
///   one decimal, so the same chart is the same bytes on every machine.
public struct TimeChart: Sendable {
    /// How values are joined.
    public enum Style: Sendable { case line, step }

    /// One named series: one value per window, NaN where undefined.
    public struct Series: Sendable {
        /// Legend text (usually the entity).
        public var name: String
        /// One value per window.
        public var values: [Double]
        /// A series named `name` with one value per window.
        public init(_ name: String, _ values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// A shaded stretch of time (a fault), labelled just above its top left.
    public struct Span: Sendable {
        /// What the span is (the fault name).
        public var label: String
        /// When the span begins.
        public var start: SimTime
        /// When it ends (equal to `start` for an instant: drawn 2 px wide).
        public var end: SimTime
        /// A span from `start` to `end` labelled `label`.
        public init(_ label: String, start: SimTime, end: SimTime) {
            self.label = label
            self.start = start
            self.end = end
        }
    }

    /// A named y value: a tick label ("open") or a dashed reference line ("SLO 99.9%").
    public struct Mark: Sendable {
        /// The y value.
        public var value: Double
        /// The text shown for the value.
        public var label: String
        /// A named value.
        public init(_ value: Double, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    /// Shown bold at the top left and as the SVG `<title>`.
    public var title: String
    /// The y axis title, with the unit: "success ratio", "p99 latency (ms)".
    public var yAxisTitle: String
    /// Width of one window; window i spans [i * width, (i + 1) * width).
    public var windowWidth: SimTime
    /// How values are joined.
    public var style: Style
    /// The series, coloured in order from the palette.
    public var series: [Series]
    /// Shaded spans (faults), drawn under the lines.
    public var spans: [Span] = []
    /// When not empty, the y ticks are exactly these values, labelled by name.
    public var levels: [Mark] = []
    /// Dashed horizontal reference lines.
    public var thresholds: [Mark] = []
    /// A fixed y range (e.g. 0...1 for ratios); nil fits the data.
    public var yDomain: ClosedRange<Double>? = nil
    /// When fitting the data, stretch the y axis to include zero (true by
    /// default: a bar from zero does not exaggerate small changes).
    public var includesZero = true
    /// Width of the image in pixels.
    public var widthPx = 720
    /// Height of the image in pixels.
    public var heightPx = 240

    /// A chart of `series`, each with one value per window of `windowWidth`.
    public init(title: String, yAxisTitle: String, windowWidth: SimTime, style: Style = .line, series: [Series]) {
        precondition(windowWidth.ns > 0, "windowWidth must be > 0")
        self.title = title
        self.yAxisTitle = yAxisTitle
        self.windowWidth = windowWidth
        self.style = style
        self.series = series
    }

    /// The number of windows shown: the longest series (at least one).
    var windowCount: Int { max(1, series.map(\.values.count).max() ?? 1) }

    /// The simulated time the x axis covers.
    var duration: SimTime { windowWidth * Int64(windowCount) }
}

extension TimeChart {
    /// The levels of `Metric.breakerState` (0 closed, 1 half-open, 2 open), for step charts.
    public static let breakerLevels: [Mark] = [Mark(0, "closed"), Mark(1, "half-open"), Mark(2, "open")]
}
