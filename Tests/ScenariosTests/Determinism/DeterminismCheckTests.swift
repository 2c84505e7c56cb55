import Testing
import Sim
@testable import Scenarios

@Suite struct DeterminismCheckTests {
    /// A digest of `count` events whose codes are `code(index)`.
    func digest(_ count: UInt64, every: UInt64 = 4, capture: Range<UInt64> = 0..<0,
                code: (UInt64) -> UInt64 = { $0 }) -> TraceDigest {
        var trace = TraceDigest(checkpointEvery: every, capture: capture)
        for index in 0..<count {
            trace.fold(time: .ms(Int64(index)), sequence: index, code: code(index), detail: trace.capturesNext ? "e\(index)" : nil)
        }
        return trace
    }

    @Test func checkpointsAndCapturesDoNotChangeTheDigest() {
        let plain = digest(10, every: 0)
        let checkpointed = digest(10, every: 4, capture: 3..<5)
        #expect(checkpointed.value == plain.value && checkpointed.events == 10)
        #expect(checkpointed.checkpoints.count == 2)
        #expect(checkpointed.captured.map(\.index) == [3, 4])
        #expect(checkpointed.captured.map(\.detail) == ["e3", "e4"])
        #expect(checkpointed.captured.first?.description == "event #4 at 0.003s (sequence 3): e3")
    }

    @Test func theFirstDifferingCheckpointBracketsTheFirstDifferingEvent() {
        let a = digest(20)
        let b = digest(20) { $0 == 9 ? 99 : $0 }
        #expect(DeterminismCheck.divergence(a, b) == 8..<12)
        // A difference after the last common checkpoint: the bracket after it.
        let shorter = digest(17)
        let longer = digest(18)
        #expect(DeterminismCheck.divergence(shorter, longer) == 16..<20)
    }

    @Test func theFirstDifferentEventIsNamedOnBothSides() {
        let a = digest(12, capture: 8..<12).captured
        let b = digest(12, capture: 8..<12) { $0 == 9 ? 99 : $0 }.captured
        let (x, y) = DeterminismCheck.firstDifferentEvent(a, b)
        #expect(x?.index == 9 && x?.code == 9)
        #expect(y?.index == 9 && y?.code == 99)
        let (end, more) = DeterminismCheck.firstDifferentEvent(Array(a.prefix(2)), a)
        #expect(end == nil && more?.index == 10)
    }

    @Test func reportComparisonNamesTheFileAndByte() {
        let trace = digest(3)
        let a: [(name: String, bytes: [UInt8])] = [("summary.md", Array("# x\n".utf8)), ("summary.csv", Array("a,1\n".utf8))]
        let b: [(name: String, bytes: [UInt8])] = [("summary.md", Array("# x\n".utf8)), ("summary.csv", Array("a,2\n".utf8))]
        let outcome = DeterminismCheck.compare(a, b, trace: trace)
        #expect(outcome == .reportDiffers(file: "summary.csv", difference: ByteDifference(line: 1, offset: 2, first: "a,1", second: "a,2")))
        #expect(outcome.text == "NOT deterministic: same events, but summary.csv differs: first difference at line 1 (byte 2):\n  first:  a,1\n  second: a,2")
        #expect(DeterminismCheck.compare(a, a, trace: trace) == .identical(trace: trace, files: 2))
        #expect(DeterminismCheck.compare(a, [a[0]], trace: trace) == .fileListDiffers(first: ["summary.md", "summary.csv"], second: ["summary.md"]))
    }

    @Test func aRealScenarioIsDeterministicAndItsCaptureReplaysTheSameEvents() throws {
        let scenario = try #require(try Catalog.load(named: "retry-storm", overrides: [Override(parsing: "duration=40s")]))
        var outcome: DeterminismCheck.Outcome?
        var files = 0
        (_, outcome) = try DeterminismCheck.check(scenario) { _ in files += 1; return [("x", [1, 2, 3])] }
        guard case .identical(let trace, 1)? = outcome else { Issue.record("expected identical, got \(String(describing: outcome))"); return }
        #expect(files == 2)
        #expect(trace.checkpoints.count == Int(trace.events / DeterminismCheck.checkpointEvery))
        let replay = try ScenarioRun.run(scenario, trace: TraceDigest(capture: 100..<103)).result.trace
        #expect(replay?.value == trace.value)
        #expect(replay?.captured.map(\.index) == [100, 101, 102])
        let times = replay?.captured.map(\.time.ns) ?? []
        #expect(times == times.sorted())
    }
}
