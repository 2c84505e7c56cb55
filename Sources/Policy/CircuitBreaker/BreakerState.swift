/// The state of a `CircuitBreaker`. Raw values are the spellings reports use.
public enum BreakerState: String, Codable, CaseIterable, Sendable {
    /// Calls flow; outcomes are recorded and may trip the breaker.
    case closed
    /// Calls are rejected until `waitInOpen` has elapsed.
    case open
    /// A limited number of trial calls decide whether to close or reopen.
    case halfOpen
    /// Held open by an operator: every call is rejected, nothing is recorded, no timer runs.
    case forcedOpen
    /// Held closed by an operator (Resilience4j's DISABLED): every call flows, nothing is recorded.
    case forcedClosed
    /// Every call flows and outcomes are recorded, but the breaker never trips
    /// (Resilience4j's METRICS_ONLY: watch what a breaker would do before enforcing it).
    case metricsOnly

    /// A number for time series: 0 closed, 1 half-open, 2 open. Forced-open maps
    /// to open; forced-closed and metrics-only map to closed (they let calls through).
    @inlinable public var code: Double {
        switch self {
        case .closed, .forcedClosed, .metricsOnly: 0
        case .halfOpen: 1
        case .open, .forcedOpen: 2
        }
    }

    /// `true` where calls are refused (`open`, `forcedOpen`); half-open admits some.
    @inlinable public var rejectsCalls: Bool { self == .open || self == .forcedOpen }
}
