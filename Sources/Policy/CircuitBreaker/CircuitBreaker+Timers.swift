/// Timed transitions: the automatic open -> half-open and the half-open deadline.
///
/// A sans-I/O breaker cannot set a timer; it says when it wants to be woken.
/// The simulator schedules an event at `nextTimedTransition` and calls `poll`;
/// a production wrapper does the same with a real timer. Every other entry point
/// also applies due timers first, so a late or missing poll never leaves the
/// breaker in a state it should have left.
extension CircuitBreaker {
    /// When the next timed transition is due, or `nil` if none is pending: open
    /// with the automatic transition (at `openedAt + waitInOpen`), or half-open
    /// with a `maxWaitInHalfOpen` (at `halfOpenedAt + maxWaitInHalfOpen`).
    public var nextTimedTransition: Nanoseconds? {
        switch state {
        case .open where config.automaticTransitionFromOpenToHalfOpen:
            openUntil
        case .halfOpen where config.maxWaitInHalfOpen > .zero:
            stateEnteredAt.saturatingAdd(config.maxWaitInHalfOpen)
        default:
            nil
        }
    }

    /// Applies a timed transition that is due at `now` (at or after `nextTimedTransition`).
    @discardableResult
    public mutating func poll(now: Nanoseconds) -> BreakerTransition? {
        guard let due = nextTimedTransition, now >= due else { return nil }
        if state == .open { return enter(.halfOpen, at: now, cause: .waitInOpenElapsed) }
        return enter(.open, at: now, cause: .maxWaitInHalfOpenElapsed)
    }

    /// Only the half-open deadline (used by `record`, see there).
    mutating func pollHalfOpenDeadline(now: Nanoseconds) -> BreakerTransition? {
        guard state == .halfOpen else { return nil }
        return poll(now: now)
    }
}
