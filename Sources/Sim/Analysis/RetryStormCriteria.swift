/// What counts as a retry storm.
///
/// A window qualifies when amplification >= `amplificationThreshold` and its
/// offered load >= `minimumOfferedRps` x window seconds. An episode starts after
/// `hysteresisWindows` qualifying windows in a row and ends after that many
/// non-qualifying windows in a row; shorter dips inside are part of the episode.
///
/// Defaults: 1.5x, 1 request/s, 2 windows.
/// - 1.5x: retry budgets of the reference libraries cap retries at 20 % of
///   requests (Finagle `RetryBudget`, Envoy retry budget), i.e. 1.2x; a storm
///   is load well past what a budget allows, so a budgeted client cannot storm.
/// - 1 request/s: below that the ratio is noise (1 request, 3 attempts).
/// - 2 windows: one window can be a single burst of timeouts retried once;
///   two in a row is sustained. Two calm windows to end keeps one lucky window
///   from splitting a storm in two.
public struct RetryStormCriteria: Sendable, Equatable {
    /// attempts / offered at or above which a window qualifies (default 1.5).
    public var amplificationThreshold: Double
    /// Offered load below which a window never qualifies, per second (default 1).
    public var minimumOfferedRps: Double
    /// Qualifying windows in a row to start, calm windows in a row to end (default 2).
    public var hysteresisWindows: Int

    /// Criteria with the documented defaults unless given.
    public init(amplificationThreshold: Double = 1.5, minimumOfferedRps: Double = 1, hysteresisWindows: Int = 2) {
        precondition(amplificationThreshold > 0, "amplificationThreshold must be > 0")
        precondition(minimumOfferedRps >= 0, "minimumOfferedRps must be >= 0")
        precondition(hysteresisWindows >= 1, "hysteresisWindows must be >= 1")
        self.amplificationThreshold = amplificationThreshold
        self.minimumOfferedRps = minimumOfferedRps
        self.hysteresisWindows = hysteresisWindows
    }
}
