/// Server-side load shedding: refuse (503) work that cannot be served in time.
///
/// - `queueLength`: refuse arrivals while `maxQueueLength` requests wait.
/// - `queueTime`: CoDel (Nichols and Jacobson): when the time requests spent
///   queued has stayed above `codelTarget` for a whole `codelInterval`, drop
///   at dequeue, ever faster (interval / sqrt(drops)) until it falls below.
/// - `priority`: class p is refused once the queue is `priorityThresholdsPercent[p]`
///   full (classes past the list use its last entry); class 0 is the most important.
public struct LoadShedderConfig: ValidatedConfig {
    public enum Kind: String, Codable, CaseIterable, Sendable { case none, queueLength, queueTime, priority }

    public var kind: Kind
    public var maxQueueLength: Int
    public var codelTarget: Nanoseconds
    public var codelInterval: Nanoseconds
    public var priorityThresholdsPercent: [Double]

    public init(kind: Kind = .none, maxQueueLength: Int = 100, codelTarget: Nanoseconds = .ms(5), codelInterval: Nanoseconds = .ms(100),
                priorityThresholdsPercent: [Double] = [100, 75, 50]) {
        self.kind = kind
        self.maxQueueLength = maxQueueLength
        self.codelTarget = codelTarget
        self.codelInterval = codelInterval
        self.priorityThresholdsPercent = priorityThresholdsPercent
    }

    public init() { self.init(kind: .none) }

    public func validate() throws(PolicyConfigError) {
        try Check.nonNegative(maxQueueLength, "maxQueueLength")
        try Check.positive(codelTarget, "codelTarget")
        try Check.positive(codelInterval, "codelInterval")
        try Check.that(!priorityThresholdsPercent.isEmpty, "priorityThresholdsPercent", expected: "at least one threshold", got: "none")
        for (index, threshold) in priorityThresholdsPercent.enumerated() {
            try Check.percent(threshold, "priorityThresholdsPercent[\(index)]")
        }
    }
}

/// The answer to an arrival.
public struct ShedDecision: Equatable, Sendable {
    public var admitted: Bool
    public var cause: String
    public static let admit = ShedDecision(admitted: true, cause: "")
}

/// The shedder's state machine (CoDel keeps its dropping state here).
public struct LoadShedder: Sendable {
    public let config: LoadShedderConfig
    var firstAboveTime: Int64 = 0
    var dropNext: Int64 = 0
    var dropCount = 0
    var lastDropCount = 0
    public private(set) var dropping = false

    public init(config: LoadShedderConfig) {
        self.config = config
    }

    /// Decides at arrival, given the queue in front of the request.
    public mutating func admit(now: Nanoseconds, queueLength: Int, capacity: Int, priority: Int) -> ShedDecision {
        switch config.kind {
        case .none, .queueTime:
            return .admit
        case .queueLength:
            return queueLength >= config.maxQueueLength
                ? ShedDecision(admitted: false, cause: "queue length \(queueLength) >= \(config.maxQueueLength)") : .admit
        case .priority:
            let thresholds = config.priorityThresholdsPercent
            let threshold = thresholds[min(max(0, priority), thresholds.count - 1)]
            let fullPercent = capacity > 0 ? 100 * Double(queueLength) / Double(capacity) : 100
            return fullPercent >= threshold && (queueLength > 0 || threshold == 0)
                ? ShedDecision(admitted: false, cause: "priority \(priority): queue \(fullPercent)% full >= \(threshold)%") : .admit
        }
    }

    /// CoDel at dequeue: `true` drops this request (it waited `sojourn`).
    /// Other kinds never drop here.
    public mutating func onDequeue(now: Nanoseconds, sojourn: Nanoseconds) -> Bool {
        guard config.kind == .queueTime else { return false }
        let interval = config.codelInterval.ns
        var okToDrop = false
        if sojourn < config.codelTarget {
            firstAboveTime = 0
        } else if firstAboveTime == 0 {
            firstAboveTime = now.ns + interval
        } else if now.ns >= firstAboveTime {
            okToDrop = true
        }
        if dropping {
            if !okToDrop {
                dropping = false
                return false
            }
            if now.ns >= dropNext {
                dropCount += 1
                dropNext = controlLaw(dropNext, dropCount)
                return true
            }
            return false
        }
        guard okToDrop else { return false }
        dropping = true
        // Resume near the previous drop rate if we stopped dropping only recently.
        let delta = dropCount - lastDropCount
        dropCount = (delta > 1 && now.ns - dropNext < 16 * interval) ? delta : 1
        lastDropCount = dropCount
        dropNext = controlLaw(now.ns, dropCount)
        return true
    }

    /// Next drop time: t + interval / sqrt(count).
    func controlLaw(_ t: Int64, _ count: Int) -> Int64 {
        t + Int64((Double(config.codelInterval.ns) / Double(count).squareRoot()).rounded())
    }
}
