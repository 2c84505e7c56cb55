/// Which requests a service drops to keep its queue short, and the numbers.
///
/// Three published ways to shed, one active at a time (all fields always
/// present so a scenario can switch `kind` and override single fields):
/// - `queueLength`: refuse arrivals once `maxQueueLength` requests wait.
/// - `queueTime`: CoDel (RFC 8289) on the dequeue side: when even the shortest
///   wait in an `codelInterval` stays above `codelTarget`, drop dequeued
///   requests at a rate that rises with the square root of the drop count.
/// - `priority`: refuse arrivals of a priority class once the queue is at least
///   that class's threshold full; the most important classes keep the queue to
///   themselves as it fills.
///
/// `init()` sheds nothing (`kind: .none`); CoDel holds RFC 8289's 5 ms / 100 ms.
public struct LoadShedderConfig: ValidatedConfig {
    /// The shedding rule.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Admit everything (the queue's own capacity still applies).
        case none
        /// Refuse arrivals while `maxQueueLength` or more requests are waiting.
        case queueLength
        /// CoDel on the time requests spent waiting (decided at dequeue).
        case queueTime
        /// Refuse arrivals of a class whose fill threshold is reached.
        case priority
    }

    /// The active rule.
    public var kind: Kind
    /// `.queueLength`: arrivals are refused while this many requests wait.
    /// Default 1024, Envoy's `max_pending_requests`.
    public var maxQueueLength: Int
    /// `.queueTime`: the acceptable standing queue delay (RFC 8289 TARGET, 5 ms).
    public var codelTarget: Nanoseconds
    /// `.queueTime`: how long the delay must stay above target before dropping
    /// starts, and the base of the drop spacing `interval / sqrt(count)`
    /// (RFC 8289 INTERVAL, 100 ms).
    public var codelInterval: Nanoseconds
    /// `.priority`: for class 0 (most important), 1, 2, ...: the queue fill, in
    /// percent of its capacity, at which arrivals of that class are refused.
    /// Classes past the end use the last entry. Must not increase: a less
    /// important class never gets more of the queue than a more important one.
    /// Default `[100, 75, 50]`: critical only when full, the middle class from
    /// 75% full, everything else from half full.
    public var priorityThresholdsPercent: [Double]

    /// No shedding; every rule's numbers at its reference default.
    public init() {
        self.init(kind: .none)
    }

    /// The default per-priority admission thresholds.
    // A named constant, not an array literal, as the default argument: Swift 6.3.1
    // miscompiles array-literal default arguments in optimised builds with testing on.
    public static let defaultPriorityThresholdsPercent: [Double] = [100, 75, 50]

    /// Every field explicit; unspecified ones take the `init()` values.
    public init(kind: Kind = .none, maxQueueLength: Int = 1024, codelTarget: Nanoseconds = .ms(5),
                codelInterval: Nanoseconds = .ms(100),
                priorityThresholdsPercent: [Double] = LoadShedderConfig.defaultPriorityThresholdsPercent) {
        self.kind = kind
        self.maxQueueLength = maxQueueLength
        self.codelTarget = codelTarget
        self.codelInterval = codelInterval
        self.priorityThresholdsPercent = priorityThresholdsPercent
    }

    /// Validates every rule's numbers (an inactive rule may become active by an override).
    public func validate() throws(PolicyConfigError) {
        try Check.positive(maxQueueLength, "maxQueueLength")
        try Check.positive(codelTarget, "codelTarget")
        try Check.positive(codelInterval, "codelInterval")
        let thresholds = priorityThresholdsPercent
        try Check.that((1...64).contains(thresholds.count), "priorityThresholdsPercent",
                       expected: "1 to 64 thresholds, one per priority class", got: "\(thresholds.count)")
        for index in thresholds.indices {
            let field = "priorityThresholdsPercent[\(index)]"
            try Check.percent(thresholds[index], field)
            if index > 0 {
                try Check.that(thresholds[index] <= thresholds[index - 1], field,
                               expected: "at most the threshold of the more important class before it (\(thresholds[index - 1]))",
                               got: "\(thresholds[index])")
            }
        }
    }
}
