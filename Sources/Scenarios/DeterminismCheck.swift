import Sim

/// `faultsim run --check-determinism`: runs a scenario twice with the same
/// seed and reports the first differing event or report byte, if any.
///
/// Both runs fold every event into a `TraceDigest` that keeps a checkpoint
/// every `checkpointEvery` events. When the digests differ, the first
/// differing checkpoint brackets the first differing event, and a replay of
/// both runs captures just that bracket to name it. When the traces agree,
/// the report files are compared byte for byte.
///
/// Both runs share this process, so this catches state leaking between runs,
/// wall-clock or thread-timing influence and uninitialised reads; hash-seed
/// (Dictionary/Set order) dependence shows up across processes, which `.ci/run`
/// checks by diffing two separate runs' reports.
public enum DeterminismCheck {
    public static let checkpointEvery: UInt64 = 4096

    public enum Outcome: Sendable, Equatable {
        /// Same trace, same bytes.
        case identical(trace: TraceDigest, files: Int)
        /// The event sequences diverge: the first differing event of each run
        /// (nil: that run had ended, or the replay did not reproduce the
        /// difference), and the event indexes the checkpoints bracketed.
        case traceDiffers(first: TracedEvent?, second: TracedEvent?, bracket: Range<UInt64>)
        /// Same events, different report bytes.
        case reportDiffers(file: String, difference: ByteDifference)
        /// The runs wrote different sets of files.
        case fileListDiffers(first: [String], second: [String])
    }

    /// Runs `scenario` twice; `files` turns a run into its report files.
    /// Returns the first run (its report is the one to write) and the verdict.
    public static func check(_ scenario: Scenario, seed: UInt64? = nil,
                             files: (ScenarioRun) -> [(name: String, bytes: [UInt8])]) throws(WorldBuildError)
        -> (run: ScenarioRun, outcome: Outcome) {
        let checkpointed = TraceDigest(checkpointEvery: checkpointEvery)
        let first = try ScenarioRun.run(scenario, seed: seed, trace: checkpointed)
        let second = try ScenarioRun.run(scenario, seed: seed, trace: checkpointed)
        let (a, b) = (first.result.trace ?? TraceDigest(), second.result.trace ?? TraceDigest())
        if a.value != b.value || a.events != b.events {
            let bracket = divergence(a, b)
            let replayA = try ScenarioRun.run(scenario, seed: seed, trace: TraceDigest(capture: bracket))
            let replayB = try ScenarioRun.run(scenario, seed: seed, trace: TraceDigest(capture: bracket))
            let (x, y) = firstDifferentEvent(replayA.result.trace?.captured ?? [], replayB.result.trace?.captured ?? [])
            return (first, .traceDiffers(first: x, second: y, bracket: bracket))
        }
        return (first, compare(files(first), files(second), trace: a))
    }

    /// The range of event indexes holding the first difference between two
    /// checkpointed digests of differing runs.
    public static func divergence(_ a: TraceDigest, _ b: TraceDigest) -> Range<UInt64> {
        let common = min(a.checkpoints.count, b.checkpoints.count)
        let block = (0..<common).first { a.checkpoints[$0] != b.checkpoints[$0] } ?? common
        let start = UInt64(block) * a.checkpointEvery
        return start..<(start + max(1, a.checkpointEvery))
    }

    /// The first position where two captures differ (nil on the side that ran out).
    public static func firstDifferentEvent(_ a: [TracedEvent], _ b: [TracedEvent]) -> (TracedEvent?, TracedEvent?) {
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : nil
            let y = index < b.count ? b[index] : nil
            if x != y { return (x, y) }
        }
        return (nil, nil)
    }

    /// Compares two runs' report files: the list, then each file's bytes.
    public static func compare(_ a: [(name: String, bytes: [UInt8])], _ b: [(name: String, bytes: [UInt8])],
                               trace: TraceDigest) -> Outcome {
        guard a.map(\.name) == b.map(\.name) else { return .fileListDiffers(first: a.map(\.name), second: b.map(\.name)) }
        for (x, y) in zip(a, b) {
            if let difference = ByteDifference.between(x.bytes, y.bytes) { return .reportDiffers(file: x.name, difference: difference) }
        }
        return .identical(trace: trace, files: a.count)
    }
}

extension DeterminismCheck.Outcome {
    /// Whether the runs were identical.
    public var isIdentical: Bool { if case .identical = self { true } else { false } }

    /// What `faultsim run --check-determinism` prints.
    public var text: String {
        switch self {
        case .identical(let trace, let files):
            return "deterministic: two runs gave trace digest \(trace) and \(files) identical report files"
        case .traceDiffers(nil, nil, let bracket):
            return "NOT deterministic: the event sequences diverge between events #\(bracket.lowerBound + 1) and #\(bracket.upperBound)"
                + " (a replay did not reproduce the difference: state leaks from one run into the next)"
        case .traceDiffers(let first, let second, _):
            return "NOT deterministic: the event sequences diverge\n  first run:  \(first?.description ?? "<run ended>")"
                + "\n  second run: \(second?.description ?? "<run ended>")"
        case .reportDiffers(let file, let difference):
            return "NOT deterministic: same events, but \(file) differs: \(difference)"
        case .fileListDiffers(let first, let second):
            return "NOT deterministic: the runs wrote different files: \(first.joined(separator: ", ")) vs \(second.joined(separator: ", "))"
        }
    }
}
