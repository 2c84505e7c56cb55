/// Per-try timeouts by task cancellation.
extension ResilientClient {
    /// Marks an attempt that ran out of time.
    struct AttemptTimedOut: Error {}

    /// Runs `operation`, cancelling it after `timeout` (`.max` = no limit).
    ///
    /// The operation and a timer race in a task group; the first answer wins
    /// and the other is cancelled. The group ends when both children have, so
    /// an operation that ignores cancellation delays the timeout until it returns.
    static func run<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value, timeout: Nanoseconds,
                                     sleep: @escaping @Sendable (Nanoseconds) async throws -> Void) async -> Result<Value, any Error> {
        if timeout == .max {
            do { return .success(try await operation()) } catch { return .failure(error) }
        }
        return await withTaskGroup(of: Result<Value, any Error>?.self) { group in
            group.addTask {
                do { return .success(try await operation()) } catch { return .failure(error) }
            }
            group.addTask {
                do {
                    try await sleep(timeout)
                    return .failure(AttemptTimedOut())
                } catch {
                    return nil  // the timer stopped without firing: the operation answers
                }
            }
            // The first answer wins; a timer that stopped without firing (nil) leaves it to the operation.
            for await answer in group {
                guard let answer else { continue }
                group.cancelAll()
                return answer
            }
            return .failure(AttemptTimedOut())  // not reached: the operation's child always answers
        }
    }
}

extension Nanoseconds {
    /// Converts a `Duration` (attoseconds) to whole nanoseconds, saturating.
    public init(durationSinceStart duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carry) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        self = overflow || carry ? (seconds < 0 ? Nanoseconds(ns: .min) : .max) : Nanoseconds(ns: total)
    }
}
