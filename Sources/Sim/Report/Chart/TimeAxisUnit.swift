/// The unit of a chart's time axis, chosen from the length of the run so tick
/// labels stay short: seconds up to 10 minutes, minutes beyond.
enum TimeAxisUnit: Equatable {
    case seconds
    case minutes

    /// Seconds for runs up to 10 minutes (labels up to "600"), minutes beyond.
    init(duration: SimTime) {
        self = duration <= .minutes(10) ? .seconds : .minutes
    }

    /// How many seconds one unit is.
    var seconds: Double { self == .seconds ? 1 : 60 }

    /// The axis title.
    var axisTitle: String { self == .seconds ? "time (s)" : "time (min)" }

    /// `time` in this unit.
    func value(_ time: SimTime) -> Double { time.seconds / seconds }
}
