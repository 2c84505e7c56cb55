/// The name of something metrics are recorded for, as it appears in reports
/// and `timeseries.csv`: `client:web`, `service:api`, `version:api@v2`,
/// `edge:api->db`, `instance:api/3`, `run` (the whole run).
public struct EntityName: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case run, client, service, version, edge, instance
    }

    public var kind: Kind
    public var text: String

    public static let run = EntityName(kind: .run, text: "run")
    public static func client(_ name: String) -> EntityName { EntityName(kind: .client, text: "client:\(name)") }
    public static func service(_ name: String) -> EntityName { EntityName(kind: .service, text: "service:\(name)") }
    public static func version(_ service: String, _ version: String) -> EntityName { EntityName(kind: .version, text: "version:\(service)@\(version)") }
    public static func edge(_ caller: String, _ callee: String) -> EntityName { EntityName(kind: .edge, text: "edge:\(caller)->\(callee)") }
    public static func instance(_ service: String, _ index: Int) -> EntityName { EntityName(kind: .instance, text: "instance:\(service)/\(index)") }

    public static func < (a: EntityName, b: EntityName) -> Bool { a.text < b.text }
    public var description: String { text }
}

/// The per-window metrics the model records. Raw values are the names used in
/// `timeseries.csv`; units are in the names.
public enum Metric: String, Sendable, CaseIterable {
    // Demand and outcome counts (per window).
    case offered            // original requests (clients) or calls (edges)
    case attempts           // attempts sent, including retries and hedges
    case retries
    case hedges
    case successes
    case failures           // all failure classes together
    case failTimeout = "fail.timeout"
    case failServerError = "fail.serverError"
    case failOverloaded = "fail.overloaded"
    case failThrottled = "fail.throttled"
    case failConnection = "fail.connectionError"
    case failClientError = "fail.clientError"
    case shed               // dropped by a load shedder
    case rejectedBreaker = "rejected.breaker"
    case rejectedLimiter = "rejected.limiter"
    case rejectedThrottle = "rejected.throttle"
    case rejectedBudget = "rejected.budget"
    case rejectedQueueFull = "rejected.queueFull"
    case fallbacks
    case wastedWork = "wasted"        // jobs finished after the caller gave up
    case goodput                       // jobs finished for a caller still waiting
    case deadLettered                  // queue messages given up after maxDeliveries
    // Derived ratios (per window).
    case successRatio = "successRatio"
    case amplification                  // attempts / offered
    // Latency percentiles of completed requests, in milliseconds.
    case latencyMsP50 = "latencyMs.p50"
    case latencyMsP90 = "latencyMs.p90"
    case latencyMsP99 = "latencyMs.p99"
    case latencyMsP999 = "latencyMs.p999"
    // Gauges sampled at the end of the window (or averaged over it, as named).
    case inFlight
    case queueLength
    case utilisation                    // busy servers / servers, time-averaged
    case instancesUp
    case breakerState                   // 0 closed, 1 half-open, 2 open (forced: same as open/closed)
    case weightPercent
    case concurrencyLimit
    case retryBudgetLevel
}
