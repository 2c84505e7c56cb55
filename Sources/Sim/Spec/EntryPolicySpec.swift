/// Server-side policy at a service's entry: a service-wide rate limit, and
/// per instance a concurrency limit and a load shedder.
public struct EntryPolicySpec: SpecDefaults, Equatable {
    public var rateLimitEnabled: Bool
    public var rateLimit: RateLimiterConfig
    public var concurrencyLimitEnabled: Bool
    public var concurrencyLimit: ConcurrencyLimitConfig
    /// `kind: none` = no shedding.
    public var loadShedder: LoadShedderConfig

    public init(rateLimitEnabled: Bool = false, rateLimit: RateLimiterConfig = RateLimiterConfig(),
                concurrencyLimitEnabled: Bool = false, concurrencyLimit: ConcurrencyLimitConfig = ConcurrencyLimitConfig(),
                loadShedder: LoadShedderConfig = LoadShedderConfig()) {
        self.rateLimitEnabled = rateLimitEnabled
        self.rateLimit = rateLimit
        self.concurrencyLimitEnabled = concurrencyLimitEnabled
        self.concurrencyLimit = concurrencyLimit
        self.loadShedder = loadShedder
    }

    public static let defaultValue = EntryPolicySpec()

    /// A load shedder runs at each instance.
    public var sheds: Bool { loadShedder.kind != .none }
    /// Some entry policy runs: arrivals ask it before they queue.
    public var isActive: Bool { rateLimitEnabled || concurrencyLimitEnabled || sheds }
}
