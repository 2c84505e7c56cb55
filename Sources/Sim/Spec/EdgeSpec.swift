/// The client side of calls from one caller (a client or a service) to one
/// service: the resilience pipeline, a connection pool, and network overrides.
public struct EdgeSpec: SpecDefaults, Equatable {
    /// Whose policy state a call uses.
    public enum Scope: String, Codable, CaseIterable, Sendable {
        /// One state for the whole edge, as behind a shared proxy or gateway.
        case edge
        /// One state per caller instance, as when every process links its own
        /// client library (each instance has its own breaker and budget).
        case callerInstance
    }

    public var from: String
    public var to: String
    public var policy: ClientPipelineConfig
    public var scope: Scope
    /// Connections to the callee per policy slot; 0 = unlimited. A call waits
    /// for a free connection (the wait counts in its latency) for at most
    /// `poolMaxWait`, then fails.
    public var poolSize: Int
    public var poolMaxWait: SimTime
    /// When the caller stops waiting (timeout, hedge lost), also cancel the
    /// callee's queued work and skip its remaining dependency calls. Off by
    /// default: most real systems keep working on abandoned requests.
    public var cancelOnTimeout: Bool

    public init(from: String = "", to: String = "", policy: ClientPipelineConfig = .edgeDefault, scope: Scope = .edge,
                poolSize: Int = 0, poolMaxWait: SimTime = .seconds(1), cancelOnTimeout: Bool = false) {
        self.from = from
        self.to = to
        self.policy = policy
        self.scope = scope
        self.poolSize = poolSize
        self.poolMaxWait = poolMaxWait
        self.cancelOnTimeout = cancelOnTimeout
    }

    public static let defaultValue = EdgeSpec()
}

