import Synchronization
@testable import Policy

/// Virtual time for `ResilientClient` tests: `now` reads it, and an operation
/// advances it to stand for its own latency. Thread-safe, so tasks can share it.
///
/// Without timers (the default) `sleep` moves time forward at once and
/// records the delay as a backoff: right when no attempt has a per-try
/// timeout, since every sleep is then a backoff.
///
/// With `timedAttempts`, every attempt has a per-try timer, and the timer
/// really races the operation, deterministically. The wrapper's sleeps then
/// come in a fixed order within a call: each attempt's timer, then the backoff
/// before the next attempt (which must be longer than zero, or the wrapper
/// does not sleep); `beginCall()` says a call starts. A timer waits; the
/// operation calls `work(latency:)`, which waits for the timer to be armed and
/// then either answers in time (time moves by the latency, and the timer is
/// cancelled by the wrapper) or lets the timer fire (time moves to its end)
/// and waits to be cancelled. Which one comes first never depends on threads.
final class ManualClock: Sendable {
    struct State {
        var now = Nanoseconds.zero
        var backoffs: [Nanoseconds] = []
        var timers: [Nanoseconds] = []
        /// With timers: whether the next sleep is an attempt's timer (else a backoff).
        var nextIsTimer = true
        /// The armed timer: when it fires, and how to wake its sleeper.
        var timer: (end: Nanoseconds, wake: CheckedContinuation<Void, any Error>)?
        /// An operation waiting for its attempt's timer to be armed.
        var armWaiter: CheckedContinuation<Void, Never>?
    }

    let state = Mutex(State())
    let timedAttempts: Bool

    init(timedAttempts: Bool = false) {
        self.timedAttempts = timedAttempts
    }

    var now: Nanoseconds { state.withLock { $0.now } }

    /// Every backoff slept so far, in order.
    var backoffs: [Nanoseconds] { state.withLock { $0.backoffs } }

    /// Every per-try timer armed so far (its length), in order.
    var timers: [Nanoseconds] { state.withLock { $0.timers } }

    func advance(by delay: Nanoseconds) {
        state.withLock { $0.now += delay }
    }

    /// Moves to `time` if it is later than now.
    func advance(to time: Nanoseconds) {
        state.withLock { $0.now = max($0.now, time) }
    }

    /// A call starts: its first sleep, if any, is its first attempt's timer.
    func beginCall() {
        state.withLock { $0.nextIsTimer = true }
    }

    @Sendable func sleep(_ delay: Nanoseconds) async throws {
        try Task.checkCancellation()
        let isTimer = state.withLock { state in
            let isTimer = timedAttempts && state.nextIsTimer
            state.nextIsTimer = !isTimer
            if isTimer {
                state.timers.append(delay)
            } else {
                state.backoffs.append(delay)
                state.now += delay
            }
            return isTimer
        }
        guard isTimer else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (wake: CheckedContinuation<Void, any Error>) in
                state.withLock { state in
                    // Checked under the lock the handler takes too, so a cancellation is never missed.
                    guard !Task.isCancelled else { return wake.resume(throwing: CancellationError()) }
                    state.timer = (state.now.saturatingAdd(delay), wake)
                    state.armWaiter?.resume()
                    state.armWaiter = nil
                }
            }
        } onCancel: {
            state.withLock { state in
                state.timer?.wake.resume(throwing: CancellationError())
                state.timer = nil
            }
        }
    }

    /// Stands for an attempt that takes `latency` (with timers): returns when
    /// it answers within its timeout; otherwise fires the timer and throws
    /// once the wrapper cancels it.
    func work(latency: Nanoseconds) async throws {
        await withCheckedContinuation { (armed: CheckedContinuation<Void, Never>) in
            state.withLock { state in
                if state.timer == nil { state.armWaiter = armed } else { armed.resume() }
            }
        }
        let fired = state.withLock { state -> Bool in
            guard let timer = state.timer else { return false }
            // An answer exactly at the timeout wins, as in the simulator (`latency <= timeout`).
            if state.now.saturatingAdd(latency) <= timer.end {
                state.now += latency
                return false
            }
            state.now = timer.end
            state.timer = nil
            timer.wake.resume()
            return true
        }
        // The wrapper cancels an attempt whose timer fired; a real sleep serves as the wait.
        if fired { try await Task.sleep(for: .seconds(3_600)) }
    }
}

/// A thread-safe counter (operation runs, per-task tallies).
final class Counter: Sendable {
    let value = Atomic<Int>(0)

    /// Adds one and returns the value before.
    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }

    var count: Int { value.load(ordering: .relaxed) }
}

/// An error of a scripted operation, classified by the class it carries.
struct ScriptedError: ClassifiedError, Equatable {
    var outcomeClass: OutcomeClass
}

extension ResilientClient {
    /// The outcome class a finished `execute` call stands for, from what it returned or threw.
    static func outcome<Value>(of result: Result<Value, any Error>) -> OutcomeClass {
        switch result {
        case .success: return .success
        case .failure(let error as ScriptedError): return error.outcomeClass
        case .failure(ResilienceError.timeout): return .timeout
        case .failure(ResilienceError.rejected): return .rejected
        case .failure: return .serverError
        }
    }
}

/// What an async throwing body returned or threw.
func capture<Value>(_ body: () async throws -> Value) async -> Result<Value, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}
