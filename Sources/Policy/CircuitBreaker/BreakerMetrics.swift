/// What a breaker's current window holds, as Resilience4j's `CircuitBreaker.Metrics` reports it.
///
/// In closed (and metrics-only) state this is the sliding window; in half-open the
/// trial calls; in open, whatever the state before it measured (the window that
/// tripped it, or the failed trials), as Resilience4j keeps it for inspection.
public struct BreakerMetrics: Equatable, Sendable {
    /// Calls in the window (recorded successes plus failures).
    public var bufferedCalls: Int
    /// Recorded failures in the window.
    public var failedCalls: Int
    /// Calls slower than `slowCallDuration`, failed or not.
    public var slowCalls: Int
    /// Calls needed before rates are defined.
    public var minimumCalls: Int

    /// An empty window needing `minimumCalls` calls.
    public init(bufferedCalls: Int = 0, failedCalls: Int = 0, slowCalls: Int = 0, minimumCalls: Int) {
        self.bufferedCalls = bufferedCalls
        self.failedCalls = failedCalls
        self.slowCalls = slowCalls
        self.minimumCalls = minimumCalls
    }

    /// `true` once the window holds enough calls for rates to mean anything.
    @inlinable public var hasMinimumCalls: Bool { bufferedCalls > 0 && bufferedCalls >= minimumCalls }

    /// Failures per 100 calls, or `nil` below the minimum number of calls
    /// (Resilience4j reports -1 there).
    @inlinable public var failureRatePercent: Double? {
        hasMinimumCalls ? Double(failedCalls) * 100 / Double(bufferedCalls) : nil
    }

    /// Slow calls per 100 calls, or `nil` below the minimum number of calls.
    @inlinable public var slowCallRatePercent: Double? {
        hasMinimumCalls ? Double(slowCalls) * 100 / Double(bufferedCalls) : nil
    }
}

/// Call counters for one window bucket (or a whole window).
struct CallCounts: WindowBucket {
    var calls: Int
    var failures: Int
    var slow: Int

    static var zero: CallCounts { CallCounts(calls: 0, failures: 0, slow: 0) }
    static func + (a: CallCounts, b: CallCounts) -> CallCounts {
        CallCounts(calls: a.calls + b.calls, failures: a.failures + b.failures, slow: a.slow + b.slow)
    }
    static func - (a: CallCounts, b: CallCounts) -> CallCounts {
        CallCounts(calls: a.calls - b.calls, failures: a.failures - b.failures, slow: a.slow - b.slow)
    }

    /// One call.
    init(failed: Bool, slow: Bool) {
        self.init(calls: 1, failures: failed ? 1 : 0, slow: slow ? 1 : 0)
    }

    init(calls: Int, failures: Int, slow: Int) {
        self.calls = calls
        self.failures = failures
        self.slow = slow
    }
}
