import Synchronization

/// The production face of the policy library: a thread-safe wrapper that runs
/// async operations through a `ClientPipeline` with the real clock.
///
/// Timeouts cancel the attempt's task; backoff sleeps with `Task.sleep`. The
/// pipeline's decisions are exactly those the simulator gets for the same
/// configuration, outcomes and times: only the clock differs. Attempts are
/// sent one after another (hedging is simulated, not run, by this wrapper).
///
/// ```swift
/// let client = try ResilientClient(config: .preset(.resilience4j)!, generator: SplitMix64(seed: 42))
/// let body = try await client.execute {
///     let (body, status) = try await httpGet("/profiles/\(id)")
///     guard status == 200 else { throw HTTPStatusError(status: status) }  // a ClassifiedError
///     return body
/// }
/// ```
///
/// docs/policies/pipeline.md has the whole example (a test compiles and runs it).
public final class ResilientClient<Generator: RandomNumberGenerator & Sendable>: Sendable {
    struct State: ~Copyable {
        var pipeline: ClientPipeline
        var generator: Generator
        var counters = ResilienceCounters()
        /// Calls between `execute`'s start and end, as the simulator counts an
        /// edge's active requests (what an Envoy-style budget is a share of).
        var callsInFlight = 0
        /// Pipeline events not yet drained by the service, the newest `eventCapacity`.
        var events: [PipelineEvent] = []
        var droppedEvents = 0

        /// Moves the pipeline's events here, keeping the newest: a service that
        /// never drains them must not grow without bound.
        mutating func collectEvents() {
            guard pipeline.hasEvents else { return }
            pipeline.drainEvents(into: &events)
            let excess = events.count - ResilientClient.eventCapacity
            if excess > 0 {
                events.removeFirst(excess)
                droppedEvents += excess
            }
        }
    }

    let state: Mutex<State>
    let now: @Sendable () -> Nanoseconds
    let sleep: @Sendable (Nanoseconds) async throws -> Void

    /// The most undrained events kept (older ones are dropped and counted).
    static var eventCapacity: Int { 1_024 }

    /// With the real clock (`ContinuousClock`): time counts from the client's creation.
    public convenience init(config: ClientPipelineConfig, generator: Generator) throws(PolicyConfigError) {
        let origin = ContinuousClock.now
        try self.init(config: config, generator: generator,
                      now: { Nanoseconds(durationSinceStart: origin.duration(to: .now)) },
                      sleep: { delay in try await Task.sleep(for: .nanoseconds(delay.ns)) })
    }

    /// With an injected clock (tests, or a service with its own time source).
    /// `sleep` serves both backoff and per-try timeouts, and must throw when
    /// its task is cancelled.
    public init(config: ClientPipelineConfig, generator: Generator, now: @escaping @Sendable () -> Nanoseconds,
                sleep: @escaping @Sendable (Nanoseconds) async throws -> Void) throws(PolicyConfigError) {
        var initial = State(pipeline: try ClientPipeline(config: config), generator: generator)
        initial.events.reserveCapacity(16)
        state = Mutex(initial)
        self.now = now
        self.sleep = sleep
    }

    /// A snapshot of the counters.
    public var counters: ResilienceCounters { state.withLock { $0.counters } }

    /// The breaker's state right now.
    public var breakerState: BreakerState { state.withLock { $0.pipeline.breakerState } }

    /// The state changes since the last drain (breaker transitions, limit
    /// changes), oldest first, for the service's log.
    public func drainEvents() -> [PipelineEvent] {
        state.withLock { state in
            defer { state.events.removeAll(keepingCapacity: true) }
            return state.events
        }
    }

    /// Events dropped because more than 1,024 were waiting to be drained.
    public var droppedEventCount: Int { state.withLock { $0.droppedEvents } }

    /// Ends the call in the pipeline and the counters. `outcome` is what the
    /// pipeline's per-call guards see (`.rejected` = no outcome, permits go
    /// back); `countedAs` is the counter it adds to.
    func endCall(_ call: inout CallState, outcome: OutcomeClass, countedAs: OutcomeClass? = nil, started: Nanoseconds) {
        let end = now()
        state.withLock { state in
            state.pipeline.finishCall(&call, now: end, outcome: outcome, latency: end - started)
            state.callsInFlight -= 1
            switch countedAs ?? outcome {
            case .success: state.counters.successes += 1
            case .rejected: state.counters.rejected += 1
            default: state.counters.failures += 1
            }
            state.collectEvents()
        }
    }
}
