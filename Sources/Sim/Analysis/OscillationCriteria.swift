/// When a series counts as oscillating.
///
/// Verdict "oscillating" when all hold:
/// - autocorrelation at the dominant period >= `minimumAutocorrelation` (0.5):
///   white noise of n points has |r| around 1/sqrt(n), far below;
/// - at least `minimumCycles` (3) periods fit in the series: two bumps are
///   not a rhythm;
/// - amplitude >= max(`minimumAmplitude`, `minimumRelativeAmplitude` x |mean|):
///   a wiggle of 0.5 request around 100 in flight is not worth a verdict.
///   Defaults 0 and 5 %; give an absolute floor in the series' unit where the
///   mean can be near zero.
public struct OscillationCriteria: Sendable, Equatable {
    /// Minimum r at the period (default 0.5).
    public var minimumAutocorrelation: Double
    /// Minimum periods that must fit in the series (default 3).
    public var minimumCycles: Double
    /// In the series' own unit.
    public var minimumAmplitude: Double
    /// As a fraction of the series' mean level (0.05 = 5 %).
    public var minimumRelativeAmplitude: Double

    /// Criteria with the documented defaults unless given.
    public init(minimumAutocorrelation: Double = 0.5, minimumCycles: Double = 3,
                minimumAmplitude: Double = 0, minimumRelativeAmplitude: Double = 0.05) {
        precondition(minimumCycles >= 2, "a period needs at least two cycles to be seen")
        precondition(minimumAmplitude >= 0 && minimumRelativeAmplitude >= 0, "amplitude floors must be >= 0")
        self.minimumAutocorrelation = minimumAutocorrelation
        self.minimumCycles = minimumCycles
        self.minimumAmplitude = minimumAmplitude
        self.minimumRelativeAmplitude = minimumRelativeAmplitude
    }
}
