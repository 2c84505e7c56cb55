/// The state of Netflix's AIMD algorithm (see `AIMDLimitConfig`).
struct AIMDLimit: Sendable {
    let config: AIMDLimitConfig
    private(set) var limit: Int

    init(config: AIMDLimitConfig) {
        self.config = config
        limit = config.initialLimit
    }

    /// Feeds one sample; returns the cause when the limit changed.
    mutating func update(rtt: Nanoseconds, inflight: Int, didDrop: Bool) -> LimitChange.Cause? {
        let next: Int
        let cause: LimitChange.Cause
        if didDrop || rtt > config.rttTimeout {
            // Truncation, as Java's (int) cast of currentLimit * backoffRatio.
            next = Int(Double(limit) * config.backoffRatio)
            cause = didDrop ? .drop : .slowResponse
        } else if inflight * 2 >= limit {
            next = limit + 1
            cause = .additiveIncrease
        } else {
            // Too little in flight to learn anything about the limit.
            return nil
        }
        let bounded = min(config.maxLimit, max(config.minLimit, next))
        guard bounded != limit else { return nil }
        limit = bounded
        return cause
    }
}
