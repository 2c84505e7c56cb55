/// Per-call state the caller holds for the pipeline (attempt counts, deadline,
/// backoff). A value: the pipeline never allocates per call.
///
/// The fields `finishCall` reads are `@usableFromInline`: it is inlinable
/// (its common case is one store).
public struct CallState: Sendable, Equatable, BitwiseCopyable {
    public internal(set) var started: Nanoseconds
    /// The earlier of the retry config's deadline and the caller's own.
    public internal(set) var deadline: Nanoseconds
    public internal(set) var attempts: Int = 0
    public internal(set) var previousDelay: Nanoseconds = .zero
    /// Attempts sent and not yet settled. This and the counts of what they
    /// hold below are 32-bit: they count attempts out at once, each a request
    /// in flight. (The value is 64 bytes; the simulator keeps one per call.)
    @usableFromInline var outstandingCount: Int32 = 0
    /// Retries and hedges out, and the per-attempt breaker permits out (all of
    /// `permitEpoch`: permits of an older epoch can no longer be returned).
    /// Hedges that lose the race are never reported: `finishCall` gives back
    /// what they hold, or a bulkhead permit, a half-open trial or the retry
    /// budget's tokens would leak.
    @usableFromInline var retriesOut: Int32 = 0
    /// Of `retriesOut`, the hedges (the budget priced each as a retry after a
    /// timeout); the others are retries priced by `lastRetryCause` (retries go
    /// out one at a time: one is only decided when nothing is outstanding).
    @usableFromInline var hedgesOut: Int32 = 0
    @usableFromInline var breakerPermitsOut: Int32 = 0
    var permitEpoch: UInt32 = 0
    /// The breaker epoch the call was admitted in (a permit is only returned to the epoch that issued it).
    var outerBreakerEpoch: UInt32 = 0
    public internal(set) var lastOutcome: OutcomeClass = .rejected
    var lastRetryCause: OutcomeClass = .serverError
    /// Guard stages admitted for the whole call (to record and release at its end).
    @usableFromInline var outerAdmitted: StageSet = []
    /// Set by `finishCall`: later reports about this call change nothing.
    @usableFromInline var finished = false

    /// Attempts sent and not yet answered, timed out or cancelled.
    public var outstanding: Int { Int(outstandingCount) }

    /// Whether attempts still out hold anything `abandonOutstanding` gives back.
    @inlinable var hasAttemptsOut: Bool { outstandingCount > 0 || breakerPermitsOut > 0 || retriesOut > 0 || hedgesOut > 0 }
}

/// Which kind of attempt the caller wants to send.
public enum PipelineAttemptKind: Sendable, Equatable, BitwiseCopyable {
    case first, retry, hedge
}

/// Which guard stages admitted an attempt (to record its outcome and release permits).
public struct AttemptTicket: Sendable, Equatable, BitwiseCopyable {
    var admitted: StageSet
    var kind: PipelineAttemptKind
    var breakerEpoch: UInt32 = 0
    /// The failure the budget priced this retry by (`.timeout` for a hedge):
    /// an AWS quota refunds a successful retry, or one that ends without an
    /// outcome, by exactly what it cost.
    var retryCause: OutcomeClass = .serverError
    /// No stage admitted anything (a placeholder for a caller's storage).
    public static let none = AttemptTicket(admitted: [], kind: .first)

    /// A retry or a hedge: the budget paid for it.
    var isRetryOrHedge: Bool { kind != .first }
}

/// A set of stages as bits.
@usableFromInline struct StageSet: OptionSet, Sendable, Equatable, BitwiseCopyable {
    @usableFromInline let rawValue: UInt8
    @inlinable init(rawValue: UInt8) { self.rawValue = rawValue }
    static let breaker = StageSet(rawValue: 1)
    static let throttle = StageSet(rawValue: 2)
    static let rateLimit = StageSet(rawValue: 4)
    static let bulkhead = StageSet(rawValue: 8)
}

/// The stage that refused a call or an attempt.
public enum RejectionStage: String, Sendable, Equatable {
    case breaker, throttle, rateLimit, bulkhead, budget, deadline
}

/// What happened when a call started.
public struct CallStart: Sendable {
    public var state: CallState
    /// Set when a per-call guard refused the call (it ends with `.rejected`).
    public var rejectedBy: RejectionStage?
}

/// Whether to send an attempt.
public enum AttemptStart: Sendable, Equatable {
    /// Send it, and stop waiting for its answer after `timeout` (`.max` = never).
    case send(AttemptTicket, timeout: Nanoseconds)
    /// Do not send this hedge; the call goes on waiting for the attempts out.
    case skip(RejectionStage)
    /// No attempt: the call ends with `outcome` once nothing is outstanding.
    case giveUp(OutcomeClass, RejectionStage?)
}

/// What to do after an attempt's outcome.
public enum AfterAttempt: Sendable, Equatable {
    /// The call is over with this outcome.
    case complete(OutcomeClass)
    /// Send another attempt after this delay.
    case retry(after: Nanoseconds)
    /// Other attempts (hedges) are still out: wait for them.
    case wait
}

/// A state change inside a pipeline, reported to the caller's event log.
public struct PipelineEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case breaker(BreakerTransition)
        case ejected(host: Int, cause: String, until: Nanoseconds)
        case unejected(host: Int)
        case limitChanged(LimitChange)
    }

    public var time: Nanoseconds
    public var kind: Kind

    /// `breaker`, `ejection` or `concurrencyLimit`.
    public var category: String {
        switch kind {
        case .breaker: "breaker"
        case .ejected, .unejected: "ejection"
        case .limitChanged: "concurrencyLimit"
        }
    }

    public var from: String {
        switch kind {
        case .breaker(let transition): transition.from.rawValue
        case .ejected: "in rotation"
        case .unejected: "ejected"
        case .limitChanged(let change): "\(change.from)"
        }
    }

    public var to: String {
        switch kind {
        case .breaker(let transition): transition.to.rawValue
        case .ejected: "ejected"
        case .unejected: "in rotation"
        case .limitChanged(let change): "\(change.to)"
        }
    }

    public var cause: String {
        switch kind {
        case .breaker(let transition): transition.cause.description
        case .ejected(_, let cause, let until): "\(cause) (until \(until))"
        case .unejected: "ejection time elapsed"
        case .limitChanged(let change): change.cause.rawValue
        }
    }
}

extension OutlierEvent {
    var pipelineKind: PipelineEvent.Kind {
        switch self {
        case .ejected(let host, let cause, let until): .ejected(host: host, cause: cause.rawValue, until: until)
        case .unejected(let host): .unejected(host: host)
        }
    }
}
