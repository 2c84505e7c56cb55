/// One dependency call made while serving a request.
public struct CallSpec: SpecDefaults, Equatable {
    /// The service called.
    public var target: String
    /// A failed required call fails the request (a 5xx to the caller); a failed
    /// optional call is replaced by its fallback (cached answer, default,
    /// degraded response) and the request carries on.
    public var required: Bool
    /// Time to produce the fallback answer when an optional call fails.
    public var fallbackLatency: SimTime
    /// Percent of requests that make this call (the rest skip it): e.g. 30 for
    /// "only writes reach the database".
    public var percent: Double

    public init(target: String = "", required: Bool = true, fallbackLatency: SimTime = .zero, percent: Double = 100) {
        self.target = target
        self.required = required
        self.fallbackLatency = fallbackLatency
        self.percent = percent
    }

    public static let defaultValue = CallSpec()
}

/// A step of dependency calls: one call, or several in parallel (fan-out; the
/// step ends when all have answered). In a file: `{target: "db"}` or
/// `{parallel: [{target: "a"}, {target: "b"}]}`.
public struct CallStepSpec: Equatable, Sendable, Codable {
    public var calls: [CallSpec]

    public init(calls: [CallSpec]) { self.calls = calls }
    public static func call(_ spec: CallSpec) -> CallStepSpec { CallStepSpec(calls: [spec]) }
    public static func parallel(_ specs: [CallSpec]) -> CallStepSpec { CallStepSpec(calls: specs) }

    enum CodingKeys: String, CodingKey { case parallel }

    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self), container.contains(.parallel) {
            calls = try container.decode([CallSpec].self, forKey: .parallel)
        } else {
            calls = [try decoder.singleValueContainer().decode(CallSpec.self)]
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if calls.count == 1 {
            var single = encoder.singleValueContainer()
            try single.encode(calls[0])
        } else {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(calls, forKey: .parallel)
        }
    }
}

/// A cache in front of its dependencies: its `calls` run only on a miss.
public struct CacheSpec: SpecDefaults, Equatable {
    public enum Mode: String, Codable, CaseIterable, Sendable {
        /// A fixed share of requests hit.
        case hitRatio
        /// Requests carry keys; a key hits while cached and younger than `ttl`.
        case keyed
    }
    public enum Eviction: String, Codable, CaseIterable, Sendable { case lru, fifo }

    public var mode: Mode
    public var hitRatioPercent: Double
    /// Keys held (keyed mode).
    public var capacity: Int
    /// How long an entry stays valid (keyed mode); `.max` = forever.
    public var ttl: SimTime
    public var eviction: Eviction
    /// After a flush in hit-ratio mode, the hit ratio climbs back linearly over this time.
    public var refillTime: SimTime

    public init(mode: Mode = .hitRatio, hitRatioPercent: Double = 90, capacity: Int = 10_000, ttl: SimTime = .minutes(5),
                eviction: Eviction = .lru, refillTime: SimTime = .seconds(60)) {
        self.mode = mode
        self.hitRatioPercent = hitRatioPercent
        self.capacity = capacity
        self.ttl = ttl
        self.eviction = eviction
        self.refillTime = refillTime
    }

    public static let defaultValue = CacheSpec()
}

/// A queue/broker: producers get an acknowledgement once a message is stored;
/// consumers deliver messages to `target` with retries and a dead-letter queue.
public struct QueueSpec: SpecDefaults, Equatable {
    /// The service consumers deliver to.
    public var target: String
    /// Deliveries in flight at once.
    public var consumers: Int
    /// Messages the queue holds; beyond it producers are refused (503).
    public var capacity: Int
    /// Deliveries per message before it goes to the dead-letter queue.
    public var maxDeliveries: Int
    /// Wait before redelivering a failed message.
    public var redeliveryDelay: SimTime

    public init(target: String = "", consumers: Int = 4, capacity: Int = 100_000, maxDeliveries: Int = 3, redeliveryDelay: SimTime = .seconds(1)) {
        self.target = target
        self.consumers = consumers
        self.capacity = capacity
        self.maxDeliveries = maxDeliveries
        self.redeliveryDelay = redeliveryDelay
    }

    public static let defaultValue = QueueSpec()
}
