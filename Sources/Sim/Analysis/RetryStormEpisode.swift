/// One retry storm on one entity (usually an edge).
public struct RetryStormEpisode: Sendable, Equatable {
    /// The entity (`edge:api->db`).
    public var entity: String
    /// Start of the first qualifying window.
    public var start: SimTime
    /// End of the last qualifying window.
    public var end: SimTime
    /// The highest amplification in a qualifying window of the episode.
    public var peakAmplification: Double
    /// Start of the window where the peak occurred (the first, on ties).
    public var peakAt: SimTime
    /// Extra attempts caused: sum over the episode's windows of (attempts - offered).
    public var extraAttempts: Double
    /// Work finished after the caller gave up, summed over the episode's windows.
    public var wastedWork: Double
    /// True when the storm had not ended when the run did.
    public var ongoingAtEnd: Bool

    /// An episode as found by `RetryStormCriteria.episodes(...)`.
    public init(entity: String, start: SimTime, end: SimTime, peakAmplification: Double, peakAt: SimTime,
                extraAttempts: Double, wastedWork: Double, ongoingAtEnd: Bool) {
        self.entity = entity
        self.start = start
        self.end = end
        self.peakAmplification = peakAmplification
        self.peakAt = peakAt
        self.extraAttempts = extraAttempts
        self.wastedWork = wastedWork
        self.ongoingAtEnd = ongoingAtEnd
    }

    /// How long the storm lasted.
    public var duration: SimTime { end - start }
}
