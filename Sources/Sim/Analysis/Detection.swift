/// When a fault was first detected by an alert (MTTD for one fault).
public enum Detection: Sendable, Equatable {
    /// An alert began firing at `at`, `after` the fault started.
    case detected(at: SimTime, after: SimTime)
    /// No alert began firing at or after the fault's start.
    case notDetected

    /// The time to detect if detected, nil otherwise.
    public var elapsed: SimTime? {
        if case .detected(_, let after) = self { return after }
        return nil
    }

    /// MTTD for `fault`: the first alert firing time at or after `fault.start`,
    /// minus `fault.start`. An alert already firing before the fault started
    /// does not count: it was raised by something else.
    ///
    /// `firingTimes` are the moments an alert went from not firing to firing,
    /// from any source: the Policy library's burn-rate alert (recorded as
    /// `.alert` events, see `Recording.alertFiringTimes`) or the built-in
    /// `SeriesBurnRateAlert`. Order does not matter.
    public init(of fault: FaultSpan, firingTimes: [SimTime]) {
        guard let first = firingTimes.filter({ $0 >= fault.start }).min() else {
            self = .notDetected
            return
        }
        self = .detected(at: first, after: first - fault.start)
    }
}
