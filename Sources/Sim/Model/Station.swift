/// How a station picks the next waiting job when a server frees up.
public enum QueueDiscipline: String, Codable, Sendable, CaseIterable {
    /// First in, first out: fair, but under overload every job waits the full queue.
    case fifo
    /// Last in, first out: under overload the newest jobs (whose callers are
    /// still waiting) are served; old ones starve. Keeps goodput up.
    case lifo
}

/// What happened to a job that arrived at a station.
public enum StationAdmission: Equatable, Sendable {
    /// A server was free: service starts now.
    case serve
    /// All servers busy: the job waits in the queue.
    case queued
    /// All servers busy and the queue full: the job is refused.
    case rejected
}

/// A multi-server queue: `servers` parallel servers in front of a bounded
/// waiting line. The kernel of every service instance.
///
/// The station only decides who is served; the model owning it schedules the
/// completion events and keeps the clock. Jobs are small handles (`Job`), so
/// queueing never allocates once the line has reached its peak length.
public struct Station<Job> {
    public private(set) var servers: Int
    public private(set) var busy = 0
    public let queueCapacity: Int
    public var discipline: QueueDiscipline
    @usableFromInline var waiting: RingDeque<Job>

    /// - Parameters:
    ///   - servers: parallel servers (concurrency), >= 0.
    ///   - queueCapacity: jobs that may wait; 0 means no queue (loss system).
    public init(servers: Int, queueCapacity: Int, discipline: QueueDiscipline = .fifo) {
        precondition(servers >= 0 && queueCapacity >= 0, "station sizes must be >= 0")
        self.servers = servers
        self.queueCapacity = queueCapacity
        self.discipline = discipline
        waiting = RingDeque(initialCapacity: min(queueCapacity, 1024))
    }

    /// Jobs waiting (not in service).
    @inlinable public var queueLength: Int { waiting.count }
    /// Jobs in service plus waiting.
    @inlinable public var inSystem: Int { busy + waiting.count }
    /// `true` when another arrival would be served at once.
    @inlinable public var hasIdleServer: Bool { busy < servers }

    /// Offers a job. On `.serve` the caller starts its service now; on
    /// `.queued` the station holds it; on `.rejected` the caller keeps it.
    /// Always inlined: every attempt arrives, and with the deque's push
    /// inlined (for the event queue's lanes) the compiler would otherwise
    /// leave this a call.
    @inline(__always) public mutating func arrive(_ job: Job) -> StationAdmission {
        if busy < servers {
            busy += 1
            return .serve
        }
        if waiting.count >= queueCapacity { return .rejected }
        waiting.pushBack(job)
        return .queued
    }

    /// A server finished. Returns the waiting job that takes the server, if any
    /// (the caller starts its service now); otherwise the server goes idle.
    public mutating func complete() -> Job? {
        precondition(busy > 0, "complete() with no busy server")
        if busy <= servers, !waiting.isEmpty, let next = takeNext() { return next }
        busy -= 1
        return nil
    }

    /// Changes the number of servers (capacity loss, CPU saturation, scaling).
    /// Jobs in service finish; freed capacity pulls waiting jobs in at once,
    /// and those are returned for the caller to start.
    public mutating func setServers(_ count: Int, started: inout [Job]) {
        precondition(count >= 0, "servers must be >= 0")
        servers = count
        while busy < servers, let next = takeNext() {
            busy += 1
            started.append(next)
        }
    }

    /// Removes waiting jobs matching `predicate` (cancellation, shedding).
    public mutating func removeWaiting(where predicate: (Job) -> Bool) {
        waiting.removeAll(where: predicate)
    }

    /// Removes and returns the job the discipline would serve next.
    public mutating func takeNext() -> Job? {
        discipline == .fifo ? waiting.popFront() : waiting.popBack()
    }

    /// The job that has waited longest (for queue-time shedding), if any.
    public var oldestWaiting: Job? { waiting.first }
}
