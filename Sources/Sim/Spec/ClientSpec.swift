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
    /// It bounds the client's own call only: dependency calls made for the
    /// request do not inherit it (no gRPC-style deadline propagation yet).
    public var deadline: SimTime

    public init(name: String = "", target: String = "", region: String = "default", mode: Mode = .open,
                rate: RateSchedule = .defaultValue, users: Int = 100, thinkTime: DurationDistributionSpec = .constant(.seconds(1)),
                keys: KeySpec = .defaultValue, priorities: PriorityMix = .defaultValue, deadline: SimTime = .max) {
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
    }

    public static let defaultValue = ClientSpec()
}
