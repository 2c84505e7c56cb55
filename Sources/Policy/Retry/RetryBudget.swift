/// The shared retry limit of one client: a state machine over the design chosen
/// by `RetryBudgetConfig.kind`.
///
/// Protocol, per request: `recordRequest` when an original request is sent;
/// before each retry or hedge, `tryAcquireRetry` (which withdraws when it says
/// yes); when any attempt ends, `recordOutcome`, or `refundRetry` for a retry
/// or hedge that ends without an outcome (lost the race, cancelled). Time comes in as `now`; state
/// is fixed-size, allocated at init, and no call allocates.
///
/// Integer arithmetic throughout (Finagle's units, gRPC's thousandths, AWS's
/// whole tokens), so a scripted sequence always yields exactly the same numbers.
public struct RetryBudget: Sendable {
    /// The configuration this budget runs (validate it before use).
    public let config: RetryBudgetConfig
    /// Telemetry: retries currently available, as of the last call.
    /// `.ratio`: withdrawable retries (never negative); `.concurrency`: concurrent
    /// retries still allowed after the last check; `.grpcThrottle`: the token count;
    /// AWS kinds: quota tokens; `.none`: 0.
    ///
    /// `.ratio`'s is computed when read, from the window's running total as
    /// of the last call: its balance changes with every original request
    /// (`recordRequest`), and storing the level there cost a conversion and a
    /// division per request that only telemetry reads. The same expression
    /// on the same total gives the same value.
    public var level: Double {
        config.kind == .ratio ? Self.ratioLevel(ratioBalance(windowTotal: window.runningTotal)) : storedLevel
    }
    /// `level` for every kind but `.ratio`, as of the last call.
    var storedLevel: Double

    /// `.ratio`: deposits (+) and withdrawals (-) in the last `ttl`, in `ratioUnitsPerRetry` units.
    var window: SlidingWindow<BudgetUnits>
    /// `.ratio`: units deposited per request (`percent * 1000`).
    let ratioDeposit: Int64
    /// `.ratio`: units always available (`minRetriesPerSecond * ttl` retries).
    let ratioReserve: Int64
    /// `.grpcThrottle`: thousandths of a token; AWS kinds: whole tokens.
    var tokens: Int64
    /// `.grpcThrottle`: `maxTokens` and `tokenRatio` in thousandths.
    let throttleMax: Int64
    let throttleRatio: Int64

    /// Units one retry withdraws in `.ratio`: 100% of a request, in thousandths of a percent.
    static let ratioUnitsPerRetry: Int64 = 100_000

    /// A full budget at time zero.
    /// - Precondition: `config.validate()` succeeds.
    public init(config: RetryBudgetConfig) {
        self.config = config
        let ratio = config.ratio
        // Ten slices per ttl, as Finagle's windowed adder: a deposit lives 0.9 to 1.0 ttl.
        let sliced = config.kind == .ratio && ratio.ttl.ns >= 10
        window = SlidingWindow(bucketWidth: sliced ? Nanoseconds(ns: ratio.ttl.ns / 10) : .seconds(1),
                               bucketCount: sliced ? 10 : 1)
        ratioDeposit = Int64((ratio.percent * 1000).rounded())
        ratioReserve = Int64((ratio.minRetriesPerSecond * ratio.ttl.seconds * Double(Self.ratioUnitsPerRetry)).rounded())
        throttleMax = Int64((config.grpcThrottle.maxTokens * 1000).rounded())
        throttleRatio = Int64((config.grpcThrottle.tokenRatio * 1000).rounded())
        switch config.kind {
        case .grpcThrottle: tokens = throttleMax
        case .awsStandard: tokens = Int64(config.awsStandard.capacity)
        case .aws2026: tokens = Int64(config.aws2026.capacity)
        case .none, .ratio, .concurrency: tokens = 0
        }
        storedLevel = 0
        storedLevel = currentLevel(ratioBalance: ratioReserve, concurrencyHeadroom: config.concurrency.minRetryConcurrency)
    }

    /// An original (not retried, not hedged) request is being sent at `now`.
    /// Only `.ratio` earns from it (a deposit of `percent`% of a retry).
    ///
    /// Always inlined (within Policy): the pipeline calls it for every original
    /// attempt, and as a call it was three (this, the window's add, its advance).
    /// The level follows from the window's total (see `level`).
    @inline(__always)
    public mutating func recordRequest(now: Nanoseconds) {
        guard config.kind == .ratio else { return }
        window.add(BudgetUnits(ratioDeposit), at: now)
    }

    /// May a retry (or hedge) be sent now? Withdraws from the budget when it answers yes.
    ///
    /// - Parameters:
    ///   - outcome: the failure that prompted the retry (AWS quotas price by it);
    ///     pass `.timeout` for a hedge sent because the first attempt is slow.
    ///   - activeRequests: active plus pending requests, including retries in flight (`.concurrency` only).
    ///   - activeRetries: retries in flight right now, not counting this one (`.concurrency` only).
    public mutating func tryAcquireRetry(now: Nanoseconds, outcome: OutcomeClass, activeRequests: Int, activeRetries: Int) -> Bool {
        let allowed: Bool
        switch config.kind {
        case .none:
            allowed = true
        case .ratio:
            let balance = ratioBalance(at: now)
            allowed = balance >= Self.ratioUnitsPerRetry
            // The level follows from the window's total, now `balance` less any withdrawal (see `level`).
            if allowed { window.add(BudgetUnits(-Self.ratioUnitsPerRetry), at: now) }
            return allowed
        case .concurrency:
            let limit = concurrencyLimit(activeRequests: activeRequests)
            allowed = activeRetries < limit
            storedLevel = currentLevel(ratioBalance: 0, concurrencyHeadroom: limit - activeRetries - (allowed ? 1 : 0))
            return allowed
        case .grpcThrottle:
            // A6: no retry or hedge while token_count <= maxTokens / 2. Nothing is withdrawn:
            // the failure that led here already cost a token.
            allowed = tokens * 2 > throttleMax
        case .awsStandard, .aws2026:
            let cost = Int64(quota.cost(after: outcome))
            allowed = tokens >= cost
            if allowed { tokens -= cost }
        }
        storedLevel = currentLevel(ratioBalance: 0, concurrencyHeadroom: 0)
        return allowed
    }

    /// An attempt ended at `now` with `outcome`.
    ///
    /// - Parameters:
    ///   - wasRetry: the attempt was a retry or hedge, not the original request.
    ///   - retryCause: for a retry, the outcome that prompted it. AWS quotas refund
    ///     a successful retry by what it cost; the default prices it as a plain retry.
    ///
    /// Always inlined (within Policy): the pipeline calls it for every attempt,
    /// and for most kinds it returns at once.
    @inline(__always)
    public mutating func recordOutcome(now: Nanoseconds, outcome: OutcomeClass, wasRetry: Bool, retryCause: OutcomeClass = .serverError) {
        switch config.kind {
        case .none, .ratio, .concurrency:
            return
        case .grpcThrottle:
            if outcome == .success {
                tokens = Swift.min(throttleMax, tokens + throttleRatio)
            } else if config.grpcThrottle.countedFailures.contains(outcome) {
                tokens = Swift.max(0, tokens - 1000)
            }
        case .awsStandard, .aws2026:
            guard outcome == .success else { return }
            let refund = wasRetry ? quota.cost(after: retryCause) : quota.noRetryIncrement
            tokens = Swift.min(Int64(quota.capacity), tokens + Int64(refund))
        }
        storedLevel = currentLevel(ratioBalance: 0, concurrencyHeadroom: 0)
    }

    /// A retry or hedge that `tryAcquireRetry` allowed ended at `now` without an
    /// outcome of its own: a hedge that lost the race (another copy answered
    /// first) or an attempt its caller cancelled. Call it instead of
    /// `recordOutcome` for that attempt.
    ///
    /// AWS quotas get back what the attempt cost, priced by `retryCause` as
    /// when it was acquired (`.timeout` for a hedge), never above capacity: a
    /// copy made unnecessary did not show the dependency failing, and a quota
    /// that kept its cost would drain under hedging while every call succeeds.
    /// The other kinds have nothing to give back: gRPC's throttle withdrew
    /// nothing (an attempt without an outcome moves no token); Envoy's
    /// concurrency budget counts retries in flight, which the caller stops
    /// counting; and a Finagle ratio withdrawal stays, as Finagle's
    /// `RetryBudget` has no refund.
    public mutating func refundRetry(now: Nanoseconds, retryCause: OutcomeClass) {
        switch config.kind {
        case .none, .ratio, .concurrency, .grpcThrottle:
            return
        case .awsStandard, .aws2026:
            tokens = Swift.min(Int64(quota.capacity), tokens + Int64(quota.cost(after: retryCause)))
        }
        storedLevel = currentLevel(ratioBalance: 0, concurrencyHeadroom: 0)
    }

    /// The `.ratio` level as of `now` (deposits may have expired since the last call).
    public mutating func level(at now: Nanoseconds) -> Double {
        if config.kind == .ratio { window.advance(to: now) }  // deposits may have expired: `level` reads the total
        return level
    }

    /// `.concurrency`: how many retries may be in flight with `activeRequests` active or pending.
    public func concurrencyLimit(activeRequests: Int) -> Int {
        let share = Int((config.concurrency.budgetPercent / 100 * Double(Swift.max(0, activeRequests))).rounded(.down))
        return Swift.max(config.concurrency.minRetryConcurrency, share)
    }

    /// The quota numbers of the active AWS kind.
    var quota: RetryQuotaConfig { config.kind == .aws2026 ? config.aws2026 : config.awsStandard }

    /// Reserve plus live deposits minus live withdrawals. It can dip below zero
    /// when deposits expire before the withdrawals they paid for (as in Finagle):
    /// that debt must be earned back before the next retry.
    mutating func ratioBalance(at now: Nanoseconds) -> Int64 {
        ratioBalance(windowTotal: window.total(at: now))
    }

    /// The balance given the window's current total.
    func ratioBalance(windowTotal: BudgetUnits) -> Int64 {
        ratioReserve + windowTotal.units
    }

    /// The `.ratio` level: withdrawable retries, never negative.
    @inline(__always)
    static func ratioLevel(_ ratioBalance: Int64) -> Double {
        Double(Swift.max(0, ratioBalance)) / Double(ratioUnitsPerRetry)
    }

    func currentLevel(ratioBalance: Int64, concurrencyHeadroom: Int) -> Double {
        switch config.kind {
        case .none: 0
        case .ratio: Self.ratioLevel(ratioBalance)
        case .concurrency: Double(Swift.max(0, concurrencyHeadroom))
        case .grpcThrottle: Double(tokens) / 1000
        case .awsStandard, .aws2026: Double(tokens)
        }
    }
}

/// A signed amount of Finagle-style budget units in one window bucket.
struct BudgetUnits: WindowBucket {
    var units: Int64
    init(_ units: Int64) { self.units = units }
    static var zero: BudgetUnits { BudgetUnits(0) }
    static func + (a: BudgetUnits, b: BudgetUnits) -> BudgetUnits { BudgetUnits(a.units + b.units) }
    static func - (a: BudgetUnits, b: BudgetUnits) -> BudgetUnits { BudgetUnits(a.units - b.units) }
}
