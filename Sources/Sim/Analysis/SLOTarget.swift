/// The service-level objective a window is judged against.
///
/// Defaults: 99.9 % success and p99 latency at most 1 s.
/// - 99.9 % is the Google SRE workbook's worked example, so the built-in
///   burn-rate alert (whose budget is `1 - successRatio`) and window health use
///   the same number a reader already knows.
/// - 1 s p99 is a generous ceiling that a healthy simulated service (tens to
///   hundreds of milliseconds) meets with room to spare, while timeouts piling
///   up, deep queues and retry chains break it.
/// Scenarios set their own target; these are only the defaults.
public struct SLOTarget: Sendable, Equatable {
    /// Minimum share of successful requests, 0...1 (0.999 = 99.9 %).
    public var successRatio: Double
    /// Maximum p99 latency of completed requests.
    public var latencyP99: SimTime

    /// 99.9 % success and p99 <= 1 s unless given.
    public init(successRatio: Double = 0.999, latencyP99: SimTime = .seconds(1)) {
        precondition(successRatio > 0 && successRatio < 1, "successRatio must be in (0, 1)")
        self.successRatio = successRatio
        self.latencyP99 = latencyP99
    }

    /// The error budget as a ratio of requests: `1 - successRatio`.
    public var errorBudgetRatio: Double { 1 - successRatio }
}
