/// When a client stops sending to one host of a pool, and for how long: Envoy's
/// `outlier_detection` (passive health checking by ejection).
///
/// Unlike a circuit breaker, which guards a whole dependency, ejection removes
/// single misbehaving hosts from load balancing, on consecutive errors (at
/// once) or on statistics gathered per `interval` (at each sweep). Field names
/// follow Envoy's proto; percentages are whole numbers, as Envoy's are.
///
/// `init()` is Envoy's defaults (`preset(.envoy)`).
public struct OutlierDetectionConfig: ValidatedConfig {
    /// 5xx responses in a row that eject a host (0 = never).
    public var consecutive5xx: Int
    /// Chance, in percent, that a consecutive-5xx detection actually ejects.
    public var enforcingConsecutive5xxPercent: Int
    /// Gateway errors (502, 503, 504, and local failures mapped to them) in a row that eject (0 = never).
    public var consecutiveGatewayFailure: Int
    /// Chance, in percent, that a consecutive-gateway-failure detection ejects (Envoy default 0: detect only).
    public var enforcingConsecutiveGatewayFailurePercent: Int
    /// Time between sweeps: unejection checks and success-rate / failure-percentage detection.
    public var interval: Nanoseconds
    /// Ejection time of a first ejection; later ones last this times the ejection multiplier.
    public var baseEjectionTime: Nanoseconds
    /// Ejection time never exceeds this (must be >= `baseEjectionTime`).
    public var maxEjectionTime: Nanoseconds
    /// A uniform random extra in `0...this` added to each ejection, so hosts
    /// ejected together do not all return at once.
    public var maxEjectionTimeJitter: Nanoseconds
    /// At most this percentage of hosts may be ejected at once: an ejection is
    /// allowed only if `100 * (ejected + 1) <= maxEjectionPercent * hosts`.
    public var maxEjectionPercent: Int
    /// Allow one ejection even when the percentage would forbid it (a pool of
    /// fewer than 10 hosts at 10%). Envoy's default is `false`.
    public var alwaysEjectOneHost: Bool
    /// Chance, in percent, that a success-rate detection ejects.
    public var enforcingSuccessRatePercent: Int
    /// Success-rate detection runs only if at least this many hosts have enough requests.
    public var successRateMinimumHosts: Int
    /// Requests a host needs in one interval to take part in success-rate detection.
    public var successRateRequestVolume: Int
    /// A host is an outlier below `mean - stdev * factor`, with the factor in
    /// thousandths (Envoy's `success_rate_stdev_factor`: 1900 means 1.9).
    public var successRateStdevFactorThousandths: Int
    /// Failure-percentage detection ejects a host whose failures in one interval are at least this percentage.
    public var failurePercentageThreshold: Int
    /// Chance, in percent, that a failure-percentage detection ejects (Envoy default 0: off).
    public var enforcingFailurePercentagePercent: Int
    /// Failure-percentage detection runs only if at least this many hosts have enough requests.
    public var failurePercentageMinimumHosts: Int
    /// Requests a host needs in one interval to take part in failure-percentage detection.
    public var failurePercentageRequestVolume: Int

    /// Envoy's defaults (`outlier_detection.proto`, `DEFAULT_*` in
    /// `outlier_detection_impl.h`): 5 consecutive 5xx enforced 100%, gateway
    /// failures detected but not enforced, sweep every 10 s, ejection 30 s x
    /// multiplier up to 300 s, at most 10% of hosts, success rate (5 hosts, 100
    /// requests, 1.9 stdev) enforced 100%, failure percentage 85% not enforced.
    public init() {
        self.init(consecutive5xx: 5)
    }

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(consecutive5xx: Int = 5, enforcingConsecutive5xxPercent: Int = 100,
                consecutiveGatewayFailure: Int = 5, enforcingConsecutiveGatewayFailurePercent: Int = 0,
                interval: Nanoseconds = .seconds(10), baseEjectionTime: Nanoseconds = .seconds(30),
                maxEjectionTime: Nanoseconds = .seconds(300), maxEjectionTimeJitter: Nanoseconds = .zero,
                maxEjectionPercent: Int = 10, alwaysEjectOneHost: Bool = false,
                enforcingSuccessRatePercent: Int = 100, successRateMinimumHosts: Int = 5,
                successRateRequestVolume: Int = 100, successRateStdevFactorThousandths: Int = 1900,
                failurePercentageThreshold: Int = 85, enforcingFailurePercentagePercent: Int = 0,
                failurePercentageMinimumHosts: Int = 5, failurePercentageRequestVolume: Int = 50) {
        self.consecutive5xx = consecutive5xx
        self.enforcingConsecutive5xxPercent = enforcingConsecutive5xxPercent
        self.consecutiveGatewayFailure = consecutiveGatewayFailure
        self.enforcingConsecutiveGatewayFailurePercent = enforcingConsecutiveGatewayFailurePercent
        self.interval = interval
        self.baseEjectionTime = baseEjectionTime
        self.maxEjectionTime = maxEjectionTime
        self.maxEjectionTimeJitter = maxEjectionTimeJitter
        self.maxEjectionPercent = maxEjectionPercent
        self.alwaysEjectOneHost = alwaysEjectOneHost
        self.enforcingSuccessRatePercent = enforcingSuccessRatePercent
        self.successRateMinimumHosts = successRateMinimumHosts
        self.successRateRequestVolume = successRateRequestVolume
        self.successRateStdevFactorThousandths = successRateStdevFactorThousandths
        self.failurePercentageThreshold = failurePercentageThreshold
        self.enforcingFailurePercentagePercent = enforcingFailurePercentagePercent
        self.failurePercentageMinimumHosts = failurePercentageMinimumHosts
        self.failurePercentageRequestVolume = failurePercentageRequestVolume
    }

    /// Rejects negative counts, percentages outside 0...100, non-positive interval or
    /// base ejection time, and a maximum ejection time below the base (Envoy refuses it too).
    public func validate() throws(PolicyConfigError) {
        try Check.nonNegative(consecutive5xx, "consecutive5xx")
        try Check.inRange(enforcingConsecutive5xxPercent, 0...100, "enforcingConsecutive5xxPercent")
        try Check.nonNegative(consecutiveGatewayFailure, "consecutiveGatewayFailure")
        try Check.inRange(enforcingConsecutiveGatewayFailurePercent, 0...100, "enforcingConsecutiveGatewayFailurePercent")
        try Check.positive(interval, "interval")
        try Check.positive(baseEjectionTime, "baseEjectionTime")
        try Check.that(maxEjectionTime >= baseEjectionTime, "maxEjectionTime",
                       expected: "a duration >= baseEjectionTime (\(baseEjectionTime.unitString))", got: maxEjectionTime.unitString)
        try Check.nonNegative(maxEjectionTimeJitter, "maxEjectionTimeJitter")
        try Check.inRange(maxEjectionPercent, 0...100, "maxEjectionPercent")
        try Check.inRange(enforcingSuccessRatePercent, 0...100, "enforcingSuccessRatePercent")
        try Check.nonNegative(successRateMinimumHosts, "successRateMinimumHosts")
        try Check.nonNegative(successRateRequestVolume, "successRateRequestVolume")
        try Check.nonNegative(successRateStdevFactorThousandths, "successRateStdevFactorThousandths")
        try Check.inRange(failurePercentageThreshold, 0...100, "failurePercentageThreshold")
        try Check.inRange(enforcingFailurePercentagePercent, 0...100, "enforcingFailurePercentagePercent")
        try Check.nonNegative(failurePercentageMinimumHosts, "failurePercentageMinimumHosts")
        try Check.nonNegative(failurePercentageRequestVolume, "failurePercentageRequestVolume")
    }
}
