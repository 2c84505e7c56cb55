/// Whether one metrics window met the SLO.
public enum WindowHealth: Sendable, Equatable {
    /// Success ratio >= target and p99 latency <= target.
    case healthy
    /// Below the success target, above the latency target, or demand arrived
    /// and nothing completed (a black hole is not "no data").
    case unhealthy
    /// No demand and no completions: nothing to judge. Such windows neither
    /// count for nor against attainment, and they neither start nor break a
    /// sustained healthy stretch (they are skipped over).
    case noData
}

extension SLOTarget {
    /// The health of one window.
    ///
    /// - successRatio: successes / completed requests; NaN when none completed.
    /// - latencyP99Ms: p99 latency in ms; NaN (no completions) is not judged.
    /// - offered: requests offered in the window (NaN if not recorded).
    ///
    /// Rules, in order: NaN success ratio -> `unhealthy` if `offered > 0` (demand,
    /// but nothing came back), else `noData`; `successRatio < target` ->
    /// `unhealthy`; `latencyP99Ms > target` -> `unhealthy`; otherwise `healthy`.
    public func health(successRatio: Double, latencyP99Ms: Double, offered: Double) -> WindowHealth {
        if successRatio.isNaN { return offered > 0 ? .unhealthy : .noData }
        if successRatio < self.successRatio { return .unhealthy }
        if latencyP99Ms > latencyP99.milliseconds { return .unhealthy }
        return .healthy
    }
}
