/// The process exit statuses, as documented in the README.
enum ExitCode {
    /// Everything ran and every expectation held.
    static let ok: Int32 = 0
    /// A run finished but an expectation failed.
    static let expectationFailed: Int32 = 1
    /// Bad usage or invalid input: nothing was run, no report written.
    static let usage: Int32 = 2
    /// A run limit stopped a simulation before its end.
    static let limitHit: Int32 = 3
    /// `run --check-determinism`: two runs of the same seed differed.
    static let nondeterministic: Int32 = 4
}
