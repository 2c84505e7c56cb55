/// Caps the requests in progress at `limit`, which is fixed or moved by one of
/// Netflix's adaptive algorithms as requests complete.
///
/// Protocol, per request: `tryAcquire` when it arrives (on `false` the caller
/// rejects it or queues it for up to `config.maxWait` and tries again after a
/// release); exactly one `release` when it ends, with its RTT and outcome.
/// The outcome is sorted by `config.dropOutcomes` / `ignoredOutcomes` into a
/// drop, an ignored completion or an RTT sample (Netflix's `onDropped`,
/// `onIgnore`, `onSuccess`). A release that moves the limit returns the
/// change as a value for the event log.
///
/// The limit may fall below `inflight`; requests already admitted finish
/// normally and new ones wait until `inflight < limit` again. State is
/// fixed-size and no call allocates.
///
/// Randomness: only Vegas draws, to jitter its probe interval as Netflix does
/// (so many instances do not re-probe in lockstep). It draws from a SplitMix64
/// the limiter owns, seeded at init, which keeps `release` free of a
/// generator argument at every call site while staying reproducible: give each
/// instance its own seed (the simulator derives one per instance from its
/// stream names).
public struct ConcurrencyLimiter: Sendable {
    /// The configuration this limiter runs (validate it before use).
    public let config: ConcurrencyLimitConfig
    /// Requests admitted and not yet released.
    public private(set) var inflight: Int
    /// The algorithm and its state.
    var algorithm: Algorithm
    /// Vegas's probe-jitter stream.
    var probeRandom: SplitMix64

    /// The per-kind state, so one stored value serves every kind without allocation.
    enum Algorithm: Sendable {
        case fixed(Int)
        case aimd(AIMDLimit)
        case gradient2(Gradient2Limit)
        case vegas(VegasLimit)
    }

    /// How a completion feeds the algorithm.
    public enum Sample: Sendable, Equatable {
        /// An RTT measurement (Netflix `onSuccess`).
        case measured
        /// A drop (Netflix `onDropped`): loss-based algorithms back off.
        case dropped
        /// No measurement (Netflix `onIgnore`): only the slot is freed.
        case ignored
    }

    /// An empty limiter at the kind's initial limit; `seed` seeds Vegas's probe jitter.
    /// - Precondition: `config.validate()` succeeds.
    public init(config: ConcurrencyLimitConfig, seed: UInt64 = 0) {
        self.config = config
        inflight = 0
        probeRandom = SplitMix64(seed: seed)
        switch config.kind {
        case .fixed: algorithm = .fixed(config.maxConcurrent)
        case .aimd: algorithm = .aimd(AIMDLimit(config: config.aimd))
        case .gradient2: algorithm = .gradient2(Gradient2Limit(config: config.gradient2))
        case .vegas: algorithm = .vegas(VegasLimit(config: config.vegas))
        }
    }

    /// The current concurrency limit.
    public var limit: Int {
        switch algorithm {
        case .fixed(let limit): limit
        case .aimd(let state): state.limit
        case .gradient2(let state): state.limit
        case .vegas(let state): state.limit
        }
    }

    /// Admits one request when `inflight < limit` (and counts it), else refuses.
    public mutating func tryAcquire(now: Nanoseconds) -> Bool {
        guard inflight < limit else { return false }
        inflight += 1
        return true
    }

    /// How `outcome` feeds the algorithm under this configuration.
    public func sample(for outcome: OutcomeClass) -> Sample {
        if config.dropOutcomes.contains(outcome) { return .dropped }
        if config.ignoredOutcomes.contains(outcome) { return .ignored }
        return .measured
    }

    /// Ends one admitted request that took `rtt` and ended with `outcome`.
    ///
    /// The algorithm sees the in-flight count as it was when this request was
    /// admitted, as Netflix's limiter records it (read `inflight` right after a
    /// successful `tryAcquire` and keep it with the request).
    /// - Precondition: `inflight > 0` (every release matches an acquire).
    @discardableResult
    public mutating func release(now: Nanoseconds, rtt: Nanoseconds, outcome: OutcomeClass, inflightAtAcquire: Int) -> LimitChange? {
        precondition(inflight > 0, "release without a matching tryAcquire")
        inflight -= 1
        let kind = sample(for: outcome)
        guard kind != .ignored else { return nil }
        let didDrop = kind == .dropped
        let before = limit
        let cause: LimitChange.Cause?
        switch algorithm {
        case .fixed:
            cause = nil
        case .aimd(var state):
            cause = state.update(rtt: rtt, inflight: inflightAtAcquire, didDrop: didDrop)
            algorithm = .aimd(state)
        case .gradient2(var state):
            cause = state.update(rtt: rtt, inflight: inflightAtAcquire)
            algorithm = .gradient2(state)
        case .vegas(var state):
            cause = state.update(rtt: rtt, inflight: inflightAtAcquire, didDrop: didDrop, using: &probeRandom)
            algorithm = .vegas(state)
        }
        guard let cause else { return nil }
        return LimitChange(at: now, from: before, to: limit, cause: cause)
    }

    /// Ends one admitted request, using the in-flight count at release time
    /// (this request included) in place of the count at its admission: the same
    /// in steady state, and nothing to carry with the request.
    @discardableResult
    public mutating func release(now: Nanoseconds, rtt: Nanoseconds, outcome: OutcomeClass) -> LimitChange? {
        release(now: now, rtt: rtt, outcome: outcome, inflightAtAcquire: inflight)
    }

    /// Ends one admitted request that never ran (cancelled, refused further
    /// down): frees the slot and teaches the algorithm nothing (Netflix `onIgnore`).
    /// - Precondition: `inflight > 0`.
    public mutating func releaseIgnored() {
        precondition(inflight > 0, "release without a matching tryAcquire")
        inflight -= 1
    }
}
