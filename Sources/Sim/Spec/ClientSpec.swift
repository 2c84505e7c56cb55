/// An open-loop or closed-loop source of requests to one service.
public struct ClientSpec: SpecDefaults, Equatable {
    public enum Mode: String, Codable, CaseIterable, Sendable {
        /// Requests arrive as a Poisson process at the scheduled rate, whatever
        /// happens to earlier ones (real traffic from many users).
        case open
        /// `users` each send a request, wait for its answer, think, repeat.
        case closed
    }

    public var name: String
    public var target: String
    public var region: String
    public var mode: Mode
    public var rate: RateSchedule
    public var users: Int
    public var thinkTime: DurationDistributionSpec
    public var keys: KeySpec
    public var priorities: PriorityMix
    /// The client gives up on a request after this long (`.max` = never).
    /// It bounds the client's own call; a service with `deadlines: propagate`
    /// passes it on to the dependency calls it makes for the request.
    public var deadline: SimTime
    /// Routing attributes every request of this client carries (a cohort,
    /// a device, a tenant), matched by the `rules` of a service's `split`.
    /// Dependency calls made for the request carry them too. Besides these,
    /// each request has the built-in `client` (this client's name) and
    /// `priority` (its class, "0", "1"...).
    public var attributes: [RouteAttributeSpec]

    public init(name: String = "", target: String = "", region: String = "default", mode: Mode = .open,
                rate: RateSchedule = .defaultValue, users: Int = 100, thinkTime: DurationDistributionSpec = .constant(.seconds(1)),
                keys: KeySpec = .defaultValue, priorities: PriorityMix = .defaultValue, deadline: SimTime = .max,
                attributes: [RouteAttributeSpec] = ClientSpec.noAttributes) {
        self.name = name
        self.target = target
        self.region = region
        self.mode = mode
        self.rate = rate
        self.users = users
        self.thinkTime = thinkTime
        self.keys = keys
        self.priorities = priorities
        self.deadline = deadline
        self.attributes = attributes
    }

    // A named constant, not an array literal, as the default argument: Swift 6.3.1
    // miscompiles array-literal default arguments in optimised builds with testing on.
    public static let noAttributes: [RouteAttributeSpec] = []
    /// Attribute names every request has; a client may not set them.
    public static let builtinAttributes = ["client", "priority"]
    /// At most this many `attributes` per client: with the two built-ins they
    /// fill a `RouteAttributes` (capacity 4).
    public static let maxAttributes = RouteAttributes.capacity - builtinAttributes.count

    public static let defaultValue = ClientSpec()
}

/// One routing attribute of a client's requests: `{name: "cohort", value: "beta"}`.
public struct RouteAttributeSpec: Codable, Equatable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An open-loop client's pace is its rate; a closed-loop one's is its users
/// and their think time (the rate's `bursts` are sent in both modes).
extension ClientSpec: KindFields {
    public enum Field: String, CaseIterable, Sendable {
        case rate, users, thinkTime
    }

    public var kindName: String { mode == .open ? "open-loop" : "closed-loop" }

    public var readFields: [Field] { mode == .open ? [.rate] : [.users, .thinkTime] }

    public func setValue(_ field: Field) -> String? {
        let base = ClientSpec.defaultValue
        switch field {
        case .rate:
            var paced = rate
            paced.bursts = base.rate.bursts  // bursts are read in both modes
            return Self.text(paced, unless: base.rate, "a \(rate.kind.rawValue) rate")
        case .users: return Self.text(users, unless: base.users, "\(users)")
        case .thinkTime: return Self.text(thinkTime, unless: base.thinkTime, "a distribution")
        }
    }
}
