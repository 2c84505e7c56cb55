/// Everything outlier detection tracks about one host (Envoy's `DetectorHostMonitorImpl`).
struct OutlierHostState: Sendable {
    var ejected = false
    var consecutive5xx = 0
    var consecutiveGatewayFailure = 0
    /// Envoy's `ejectTimeBackoff`: the multiplier of `baseEjectionTime`. Grows by one
    /// per ejection (while `multiplier * base < max + base`), shrinks by one per
    /// sweep that finds the host healthy at least one interval after its return.
    var ejectionMultiplier = 0
    /// Ejections so far (Envoy's `num_ejections`).
    var ejections = 0
    var lastEjection = Nanoseconds.zero
    /// `nil` until the host has been unejected once.
    var lastUnejection: Nanoseconds? = nil
    /// The jitter drawn at the last ejection.
    var jitter = Nanoseconds.zero
    /// Requests and successes since the last sweep.
    var intervalRequests = 0
    var intervalSuccesses = 0
    /// The last completed interval's numbers, read by the statistical detectors.
    var sampleRequests = 0
    var sampleSuccesses = 0
    /// Marks for the current sweep: taking part in success-rate / failure-percentage detection.
    var successRateCandidate = false
    var failurePercentageCandidate = false

    /// The last interval's success rate in percent (only meaningful when `sampleRequests > 0`).
    var sampleSuccessRatePercent: Double { Double(sampleSuccesses) * 100 / Double(sampleRequests) }
}
