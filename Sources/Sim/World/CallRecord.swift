/// A handle to a call in the World's `calls` pool.
public typealias CallHandle = Handle<CallRecord>
/// A handle to an attempt in the World's `attempts` pool.
public typealias AttemptHandle = Handle<AttemptRecord>

/// One logical call on an edge: a client request, or a dependency call made
/// while serving a request. Owns the retries and hedges sent for it.
/// Public only as the type tag of `CallHandle`; its fields are internal.
public struct CallRecord: BitwiseCopyable {
    var edge: Int32
    /// Index of the policy state this call uses on its edge (per caller instance or shared).
    var policySlot: Int32
    /// The server-side job (attempt) waiting on this call; `.none` for a client request.
    var parentAttempt: AttemptHandle
    /// For client requests: the client; otherwise -1.
    var client: Int32
    /// For queue deliveries: the message; otherwise -1.
    var message: Int32
    /// A stable identity from the request's ancestry (client, sequence, step,
    /// call), independent of event order: it seeds each job's randomness.
    var identity: UInt64
    var key: UInt64
    var priority: UInt8
    /// The client whose request this call serves (its routing attributes); -1: none (a queue delivery).
    var origin: Int32
    /// The policy's per-call state: when the call started, its deadline (the
    /// earlier of the caller's and the edge's retry deadline), attempt counts,
    /// backoff, and the outcome of its latest finished attempt (the call's
    /// result if it gives up). The record keeps no copy of these: attempts
    /// sent so far are `state.attempts` (the pipeline counts each one it
    /// lets out, and each one it lets out is sent).
    var state: CallState
    /// Attempts sent and not yet answered, timed out or abandoned (at most 5: hedging's cap).
    var outstanding: InlineHandles
    var finished: Bool
    /// How the parent treats a failure of this call.
    var required: Bool
    var fallbackLatency: SimTime
}

/// Up to five handles stored inline (no allocation): a call's outstanding attempts.
struct InlineHandles {
    private var storage: (AttemptHandle, AttemptHandle, AttemptHandle, AttemptHandle, AttemptHandle) = (.none, .none, .none, .none, .none)
    /// One byte after the five 8-byte handles (41 bytes in all).
    private var storedCount: UInt8 = 0
    var count: Int { Int(storedCount) }
    static let capacity = 5

    /// The handle in slot `index` (`.none` at and past `count`).
    subscript(index: Int) -> AttemptHandle {
        precondition(index >= 0 && index < InlineHandles.capacity, "InlineHandles index out of range")
        return withUnsafeBytes(of: storage) { $0.bindMemory(to: AttemptHandle.self)[index] }
    }

    /// Removes and returns the first handle (the last one takes its place, as
    /// in `remove`), or nil when empty.
    mutating func takeFirst() -> AttemptHandle? {
        let live = count
        guard live > 0 else { return nil }
        storedCount = UInt8(live - 1)
        return withSlots { slots in
            let first = slots[0]
            slots[0] = slots[live - 1]
            slots[live - 1] = .none
            return first
        }
    }

    /// Adds `handle`; returns false when full.
    mutating func append(_ handle: AttemptHandle) -> Bool {
        let live = count
        guard live < InlineHandles.capacity else { return false }
        withSlots { $0[live] = handle }
        storedCount = UInt8(live + 1)
        return true
    }

    @inline(__always) mutating func remove(_ handle: AttemptHandle) {
        let live = count
        guard live > 0 else { return }
        let found = withSlots { slots in
            for index in 0..<live where slots[index] == handle {
                slots[index] = slots[live - 1]
                slots[live - 1] = .none
                return true
            }
            return false
        }
        if found { storedCount = UInt8(live - 1) }
    }

    /// The slots as one buffer: a homogeneous tuple is laid out as an array,
    /// so every access is a pointer offset rather than a switch per element.
    private mutating func withSlots<Result>(_ body: (UnsafeMutableBufferPointer<AttemptHandle>) -> Result) -> Result {
        withUnsafeMutableBytes(of: &storage) { body($0.bindMemory(to: AttemptHandle.self)) }
    }
}

/// Why an attempt was sent.
enum AttemptKind: UInt8 {
    case first, retry, hedge
}

/// Where the server-side work for an attempt stands.
enum JobPhase: UInt8 {
    /// Waiting at the caller for a pooled connection.
    case waitingForConnection
    /// On the network to the instance.
    case travelling
    /// Waiting in the instance's queue.
    case queued
    /// Local work (service time) in progress.
    case working
    /// Waiting for dependency calls of step `step`.
    case calling
    /// Server side finished (answered, failed, refused or never arrived).
    case done
}

/// One attempt of a call, and the job it becomes at the instance that serves it.
///
/// The record lives until both sides are done with it: the caller (answered,
/// timed out or abandoned) and the server (finished or never started). Work
/// the server finishes after the caller gave up is wasted work.
/// Public only as the type tag of `AttemptHandle`; its fields are internal.
public struct AttemptRecord: BitwiseCopyable {
    // Fields go from the widest alignment to the narrowest, so the record
    // has no padding inside (104 bytes; a layout test pins it).
    var identity: UInt64
    var key: UInt64
    /// The call's deadline (the earlier of its caller's and its edge's retry
    /// deadline; `.max` = none): a service with `deadlines: propagate` drops
    /// the job once it has passed and gives it to its dependency calls.
    var deadline: SimTime
    var sent: SimTime
    var arrived: SimTime
    var call: CallHandle
    /// Copied from the call, so the attempt can outlive it (a hedge that lost).
    var edge: Int32
    var policySlot: Int32
    /// Copied from the call: dependency calls made for this job carry it on.
    var origin: Int32
    /// Global instance index serving it; -1 when none could be picked.
    var instance: Int32
    /// Host position within the callee service (for load balancing and ejection).
    var host: Int32
    var version: Int32
    /// The pipeline's ticket (which per-attempt stages admitted it).
    var ticket: AttemptTicket
    /// 0 for the first attempt of its call, then 1, 2...
    var attemptNumber: Int16
    /// The step the job is in, and its dependency calls not yet settled (plus
    /// one while a step is being started). Both wrap instead of trapping: the
    /// validator allows at most 1,000 steps and 1,000 calls per step, and the
    /// World's build refuses a spec past 16 bits, so neither can overflow.
    var step: Int16
    var pendingChildCalls: Int16
    var kind: AttemptKind
    var priority: UInt8
    var phase: JobPhase
    /// The server's answer once `phase == .done`.
    var outcome: OutcomeClass
    /// Holds one of its edge's pooled connections.
    var holdsConnection: Bool
    /// The caller has its answer or stopped waiting.
    var callerDone: Bool
    /// The caller stopped waiting before the answer (timeout, hedge lost, cancel).
    var callerGaveUp: Bool
    /// Cancel queued or pending work when the caller gives up.
    var cancelRequested: Bool
    var failedRequired: Bool
    var usedFallback: Bool
    /// Holds a server slot (in the station) that must be freed.
    var holdsSlot: Bool
    /// Holds a permit of the instance's concurrency limiter.
    var holdsLimiterPermit: Bool
    /// A cache miss whose answer fills the cache.
    var cacheMiss: Bool
}
