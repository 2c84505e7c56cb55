import Synchronization
@testable import Policy

/// Virtual time for `ResilientClient` tests: `now` reads it, `sleep` moves
/// it forward at once and records the delay, and an operation can advance it
/// to stand for its own latency. Thread-safe, so it can be shared by tasks.
final class ManualClock: Sendable {
    struct State {
        var now = Nanoseconds.zero
        var sleeps: [Nanoseconds] = []
    }

    let state = Mutex(State())

    var now: Nanoseconds { state.withLock { $0.now } }

    /// Every delay slept so far, in order.
    var sleeps: [Nanoseconds] { state.withLock { $0.sleeps } }

    func advance(by delay: Nanoseconds) {
        state.withLock { $0.now += delay }
    }

    /// Moves to `time` if it is later than now.
    func advance(to time: Nanoseconds) {
        state.withLock { $0.now = max($0.now, time) }
    }

    @Sendable func sleep(_ delay: Nanoseconds) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.now += delay
            $0.sleeps.append(delay)
        }
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
