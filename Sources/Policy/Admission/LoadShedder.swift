/// Decides which requests a service sheds: at arrival (`admit`) for the
/// queue-length and priority rules, at dequeue (`onDequeue`) for CoDel.
///
/// Protocol for the queue that owns it: call `admit` for each arrival with the
/// queue as it is before the request joins; call `onDequeue` for each request
/// taken off the queue, and if it answers `true` drop that request and take the
/// next one at the same `now`; call `onQueueEmpty` when a dequeue finds the
/// queue empty. State is fixed-size; no call allocates.
public struct LoadShedder: Sendable {
    /// The configuration this shedder runs (validate it before use).
    public let config: LoadShedderConfig
    /// CoDel's state (RFC 8289 names in the comments).
    var codel: CoDelState

    /// A shedder that has seen nothing.
    /// - Precondition: `config.validate()` succeeds.
    public init(config: LoadShedderConfig) {
        self.config = config
        codel = CoDelState()
    }

    /// Decides for a request of `priority` (0 = most important) arriving when
    /// `queueLength` requests wait in a queue that holds `capacity`.
    ///
    /// `.queueTime` (CoDel) admits every arrival: it decides at dequeue. For
    /// `.priority` a queue of capacity 0 counts as full once anything waits.
    public mutating func admit(now: Nanoseconds, queueLength: Int, capacity: Int, priority: Int) -> ShedDecision {
        switch config.kind {
        case .none, .queueTime:
            return .admit
        case .queueLength:
            return queueLength >= config.maxQueueLength ? .shed(.queueLength) : .admit
        case .priority:
            let thresholds = config.priorityThresholdsPercent
            let threshold = thresholds[min(max(priority, 0), thresholds.count - 1)]
            // fill% >= threshold, cross-multiplied so the integers stay exact.
            let fillReached = capacity > 0
                ? Double(queueLength) * 100 >= threshold * Double(capacity)
                : queueLength > 0 || threshold == 0
            return fillReached ? .shed(.priority) : .admit
        }
    }

    /// `true` while CoDel is in its dropping state (telemetry).
    public var isDropping: Bool { codel.dropping }
    /// CoDel's drop count for the current (or last) dropping episode (telemetry).
    public var dropCount: Int { codel.count }
}
