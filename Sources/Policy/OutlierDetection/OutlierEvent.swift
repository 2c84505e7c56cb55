/// A change in which hosts an `OutlierDetector` ejects.
public enum OutlierEvent: Equatable, Sendable {
    /// `host` leaves load balancing. It returns at the first sweep at or after `until`.
    case ejected(host: Int, cause: OutlierEjectionCause, until: Nanoseconds)
    /// `host` is back in load balancing.
    case unejected(host: Int)

    /// The host the event is about.
    public var host: Int {
        switch self {
        case let .ejected(host, _, _), let .unejected(host): host
        }
    }
}

/// Which detector ejected a host (Envoy's `OutlierEjectionType`). Raw values are report spellings.
public enum OutlierEjectionCause: String, Codable, CaseIterable, Sendable {
    /// `consecutive5xx` 5xx responses in a row.
    case consecutive5xx
    /// `consecutiveGatewayFailure` gateway errors in a row.
    case consecutiveGatewayFailure
    /// Success rate in the last interval below `mean - stdev * factor` of the pool.
    case successRate
    /// Failures in the last interval at least `failurePercentageThreshold` percent.
    case failurePercentage
}

/// How outlier detection reads an outcome, in Envoy's default mode
/// (`split_external_local_origin_errors: false`), where local failures are
/// mapped to the status code the router would return: connect failure -> 503,
/// timeout -> 504.
extension OutcomeClass {
    /// Counts towards consecutive 5xx and as a failure in success-rate statistics:
    /// server errors (500), overloaded (503), timeouts (504), connection errors (503).
    /// 429 and other 4xx are answers from a working host: they count as successes.
    @inlinable public var isOutlier5xx: Bool {
        switch self {
        case .serverError, .overloaded, .timeout, .connectionError: true
        case .success, .throttled, .clientError, .rejected: false
        }
    }

    /// Counts towards consecutive gateway failures (502, 503, 504): every `isOutlier5xx`
    /// class except a plain 500.
    @inlinable public var isOutlierGatewayFailure: Bool {
        switch self {
        case .overloaded, .timeout, .connectionError: true
        case .success, .serverError, .throttled, .clientError, .rejected: false
        }
    }
}
