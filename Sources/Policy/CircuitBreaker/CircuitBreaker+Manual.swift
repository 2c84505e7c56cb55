/// Operator controls: forcing a state and resetting, as Resilience4j's
/// `transitionToForcedOpenState`, `transitionToDisabledState`,
/// `transitionToMetricsOnlyState` and `reset`.
extension CircuitBreaker {
    /// Rejects every call until another manual transition; records nothing, runs no timer.
    @discardableResult
    public mutating func forceOpen(now: Nanoseconds) -> BreakerTransition? { force(.forcedOpen, at: now) }

    /// Lets every call through until another manual transition; records nothing.
    @discardableResult
    public mutating func forceClosed(now: Nanoseconds) -> BreakerTransition? { force(.forcedClosed, at: now) }

    /// Lets every call through and records outcomes into a fresh window, never tripping.
    @discardableResult
    public mutating func forceMetricsOnly(now: Nanoseconds) -> BreakerTransition? { force(.metricsOnly, at: now) }

    /// Back to closed with an empty window, from any state. Already closed: the
    /// window is emptied and `nil` returned (no state change, as Resilience4j
    /// publishes no transition for closed -> closed).
    @discardableResult
    public mutating func reset(now: Nanoseconds) -> BreakerTransition? {
        guard state != .closed else {
            window.reset()
            consecutiveFailures = 0
            refreshMetrics(at: now)
            return nil
        }
        return enter(.closed, at: now, cause: .reset)
    }

    private mutating func force(_ target: BreakerState, at now: Nanoseconds) -> BreakerTransition? {
        guard state != target else { return nil }
        return enter(target, at: now, cause: .forced)
    }
}
