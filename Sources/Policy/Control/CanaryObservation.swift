/// One version's traffic over the analysis window, as the caller measured it.
public struct CanaryObservation: Equatable, Sendable {
    /// Requests in the window.
    public var requests: Int
    /// Failed requests in the window (clamped to `0...requests` when judged).
    public var errors: Int
    /// The window's 99th-percentile latency.
    public var latencyP99: Nanoseconds

    /// An observation value.
    public init(requests: Int, errors: Int, latencyP99: Nanoseconds) {
        self.requests = requests
        self.errors = errors
        self.latencyP99 = latencyP99
    }

    /// errors / requests in percent; 0 without requests.
    public var errorRatePercent: Double {
        requests > 0 ? Double(Swift.min(Swift.max(errors, 0), requests)) * 100 / Double(requests) : 0
    }
}

/// The numbers one canary analysis judged, for decisions and the event log.
public struct CanaryAnalysis: Equatable, Sendable, CustomStringConvertible {
    /// Requests the canary served in the window.
    public var canaryRequests: Int
    /// Requests the baseline served in the window.
    public var baselineRequests: Int
    /// The canary's error rate, in percent.
    public var canaryErrorRatePercent: Double
    /// The baseline's error rate, in percent.
    public var baselineErrorRatePercent: Double
    /// Canary minus baseline error rate, in percentage points.
    public var errorRateDeltaPercent: Double
    /// Canary p99 / baseline p99 (1 when both are 0, infinity when only the baseline's is).
    public var latencyRatio: Double
    /// The error-rate difference exceeded `maxErrorRateDeltaPercent`.
    public var errorRateBreached: Bool
    /// The latency ratio exceeded `maxLatencyRatio` (never when that is 0).
    public var latencyBreached: Bool

    /// Judges `canary` against `baseline` with `config`'s thresholds (both strict: "by more than").
    public init(canary: CanaryObservation, baseline: CanaryObservation, config: CanaryConfig) {
        canaryRequests = canary.requests
        baselineRequests = baseline.requests
        canaryErrorRatePercent = canary.errorRatePercent
        baselineErrorRatePercent = baseline.errorRatePercent
        errorRateDeltaPercent = canaryErrorRatePercent - baselineErrorRatePercent
        if baseline.latencyP99.ns > 0 {
            latencyRatio = Double(canary.latencyP99.ns) / Double(baseline.latencyP99.ns)
        } else {
            latencyRatio = canary.latencyP99.ns > 0 ? .infinity : 1
        }
        errorRateBreached = errorRateDeltaPercent > config.maxErrorRateDeltaPercent
        latencyBreached = config.maxLatencyRatio > 0 && latencyRatio > config.maxLatencyRatio
    }

    /// Either threshold was exceeded.
    public var breached: Bool { errorRateBreached || latencyBreached }

    /// `canary 2.5% vs baseline 0.5% (+2 pts), p99 ratio 1.1, n=400/3600`.
    public var description: String {
        "canary \(canaryErrorRatePercent)% vs baseline \(baselineErrorRatePercent)% (\(errorRateDeltaPercent >= 0 ? "+" : "")\(errorRateDeltaPercent) pts), p99 ratio \(latencyRatio), n=\(canaryRequests)/\(baselineRequests)"
    }
}

/// Request counts of an analysis that had too few to judge.
public struct CanarySample: Equatable, Sendable, CustomStringConvertible {
    /// Requests the canary served in the window.
    public var canaryRequests: Int
    /// Requests the baseline served in the window.
    public var baselineRequests: Int
    /// The minimum each side needed.
    public var minimumRequests: Int

    /// A sample value.
    public init(canaryRequests: Int, baselineRequests: Int, minimumRequests: Int) {
        self.canaryRequests = canaryRequests
        self.baselineRequests = baselineRequests
        self.minimumRequests = minimumRequests
    }

    /// Both sides reached the minimum.
    public var isSufficient: Bool { canaryRequests >= minimumRequests && baselineRequests >= minimumRequests }

    /// `canary 12, baseline 300 requests (minimum 100)`.
    public var description: String { "canary \(canaryRequests), baseline \(baselineRequests) requests (minimum \(minimumRequests))" }
}
