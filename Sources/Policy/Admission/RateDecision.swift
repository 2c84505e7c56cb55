/// What a rate limiter answered to one request for permits.
public enum RateDecision: Equatable, Sendable {
    /// Permits were available: proceed now.
    case admitted
    /// The permits are reserved now (nobody else can take them) and become
    /// usable after this wait, which is at most `maxWait`: the caller proceeds
    /// at `now + wait`. Resilience4j's `reservePermission` returns this wait.
    case admittedAfter(Nanoseconds)
    /// No permits within `maxWait`; nothing was taken. If no one else takes
    /// permits, the same request made after `retryAfter` is admitted
    /// (`.max`: it can never be, because it asks for more than the bucket can
    /// ever provide within `maxWait`).
    case rejected(retryAfter: Nanoseconds)

    /// `true` for `.admitted` and `.admittedAfter`.
    public var isAdmitted: Bool {
        if case .rejected = self { return false }
        return true
    }

    /// How long the caller waits before proceeding; `.zero` unless `.admittedAfter`.
    public var wait: Nanoseconds {
        if case .admittedAfter(let wait) = self { return wait }
        return .zero
    }
}
