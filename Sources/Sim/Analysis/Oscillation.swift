/// The rhythm of one series and the numbers behind the "oscillating" verdict.
///
/// Method, on the series y detrended by least squares (NaN on the trend line):
/// - autocorrelation r(k) for lags 1...n/2;
/// - period = the lag of the highest local peak of r (r(k) > r(k-1) and
///   r(k) >= r(k+1)) after the first zero crossing (the first k with
///   r(k) <= 0); earlier lags only echo the series' own smoothness. Ties go
///   to the shorter lag;
/// - amplitude = (p95 - p5) / 2 of the detrended values: exactly A for a square
///   wave of +-A, 0.988 A for a sine, and unmoved by a few spikes (unlike max - min);
/// - cycles = n / period.
public struct Oscillation: Sendable, Equatable {
    /// The dominant period in windows, if r has a peak after its first zero crossing.
    public var periodWindows: Int?
    /// The dominant period in time.
    public var period: SimTime?
    /// r at the period (NaN when there is none).
    public var autocorrelationAtPeriod: Double
    /// (p95 - p5) / 2 of the detrended series, in the series' unit.
    public var amplitude: Double
    /// Mean of the defined values (the level the relative floor is taken of).
    public var meanLevel: Double
    /// How many periods fit in the series (0 when there is no period).
    public var cycles: Double
    /// The verdict under the criteria used.
    public var isOscillating: Bool

    /// Analyses `values` (one per window of `windowWidth`) under `criteria`.
    public init(_ values: [Double], windowWidth: SimTime, criteria: OscillationCriteria = OscillationCriteria()) {
        let defined = values.filter { !$0.isNaN }
        meanLevel = defined.isEmpty ? .nan : defined.reduce(0, +) / Double(defined.count)
        let residuals = SeriesMath.detrended(values)
        let sortedResiduals = values.indices.filter { !values[$0].isNaN }.map { residuals[$0] }.sorted()
        amplitude = sortedResiduals.isEmpty ? .nan
            : (SeriesMath.percentile(sorted: sortedResiduals, 0.95) - SeriesMath.percentile(sorted: sortedResiduals, 0.05)) / 2

        let r = SeriesMath.autocorrelation(residuals, maxLag: values.count / 2)
        let lag = Oscillation.dominantLag(r)
        periodWindows = lag
        period = lag.map { windowWidth * Int64($0) }
        autocorrelationAtPeriod = lag.map { r[$0] } ?? .nan
        cycles = lag.map { Double(values.count) / Double($0) } ?? 0
        let amplitudeFloor = max(criteria.minimumAmplitude, criteria.minimumRelativeAmplitude * (meanLevel.isNaN ? 0 : meanLevel.magnitude))
        isOscillating = lag != nil
            && autocorrelationAtPeriod >= criteria.minimumAutocorrelation
            && cycles >= criteria.minimumCycles
            && amplitude > 0 && amplitude >= amplitudeFloor
    }

    /// The lag of the highest local peak of `r` after its first zero crossing.
    static func dominantLag(_ r: [Double]) -> Int? {
        guard r.count >= 3, let zero = r.indices.dropFirst().first(where: { r[$0] <= 0 }) else { return nil }
        var best: Int? = nil
        var lag = zero + 1
        while lag < r.count - 1 {
            if r[lag] > r[lag - 1] && r[lag] >= r[lag + 1] && (best == nil || r[lag] > r[best!]) { best = lag }
            lag += 1
        }
        return best
    }
}
