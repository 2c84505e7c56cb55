import Testing
@testable import Sim

/// Priorities and conflicts between controllers acting on one target.
@Suite struct ControlConflictTests {
    @Test func twoAutoscalersUndoingEachOtherAreReportedAsConflicts() throws {
        let run = try ControlRun(ControlScenarios.fightingAutoscalers())
        let eager = try #require(run.summary("eager")), frugal = try #require(run.summary("frugal"))
        // Each reverses the other's change within the 60 s conflict window, again and again.
        #expect(eager.conflicts + frugal.conflicts >= 4)
        #expect(eager.conflicts >= 1 && frugal.conflicts >= 1)
        let reports = run.recording.events.filter { $0.entity == "service:api" && $0.cause.hasPrefix("conflict: ") }
        #expect(reports.count == eager.conflicts + frugal.conflicts)
        #expect(reports.contains { $0.to == "reversed by frugal" && $0.from == "changed by eager" })
        #expect(reports.contains { $0.to == "reversed by eager" && $0.from == "changed by frugal" })
        #expect(run.analysis.figure(.controllerConflicts)?.value == .number(Double(reports.count), .count))
    }

    @Test func aHigherPriorityControllerHoldsTheTargetAndTheOtherYields() throws {
        let run = try ControlRun(ControlScenarios.fightingAutoscalers(eagerPriority: 1))
        let eager = try #require(run.summary("eager")), frugal = try #require(run.summary("frugal"))
        #expect(frugal.actionsYielded >= 1)
        #expect(eager.actionsYielded == 0)
        // The lower-priority controller never reverses the higher one's change
        // within the window; the higher one may still override the lower's older changes.
        #expect(frugal.conflicts == 0)
        let yields = run.events("controller:frugal").filter { $0.to == "yielded" }
        #expect(yields.count == frugal.actionsYielded)
        #expect(yields.allSatisfy { $0.cause.contains("eager (priority 1 > 0)") })
    }

    // The arbiter by itself.
    static let key = ControlTargetKey.replicas(service: 0)

    @Test func theArbiterAppliesFirstChangesAndOwnChangesWithoutJudgement() {
        var arbiter = ControlArbiter()
        #expect(arbiter.judge(Self.key, controller: 0, priority: 0, now: .seconds(10), window: .seconds(60), delta: [2]) == .apply(undoing: nil))
        arbiter.record(Self.key, .init(controller: 0, priority: 0, at: .seconds(10), delta: [2]), conflict: false)
        // The same controller reversing itself is its own business, not a conflict.
        #expect(arbiter.judge(Self.key, controller: 0, priority: 0, now: .seconds(20), window: .seconds(60), delta: [-2]) == .apply(undoing: nil))
    }

    @Test func theArbiterFlagsAReversalInsideTheWindowOnly() {
        var arbiter = ControlArbiter()
        let first = ControlArbiter.LastChange(controller: 0, priority: 0, at: .seconds(10), delta: [2])
        arbiter.record(Self.key, first, conflict: false)
        #expect(arbiter.judge(Self.key, controller: 1, priority: 0, now: .seconds(69), window: .seconds(60), delta: [-1]) == .apply(undoing: first))
        // Same direction: no conflict.
        #expect(arbiter.judge(Self.key, controller: 1, priority: 0, now: .seconds(69), window: .seconds(60), delta: [1]) == .apply(undoing: nil))
        // Exactly the window later: too old to count.
        #expect(arbiter.judge(Self.key, controller: 1, priority: 0, now: .seconds(70), window: .seconds(60), delta: [-1]) == .apply(undoing: nil))
        // Weights: moving share back from b to a after another moved it a to b.
        var weights = ControlArbiter()
        let split = ControlTargetKey.split(service: 0)
        let move = ControlArbiter.LastChange(controller: 0, priority: 0, at: .zero, delta: [-3000, 3000])
        weights.record(split, move, conflict: false)
        #expect(weights.judge(split, controller: 1, priority: 0, now: .seconds(5), window: .seconds(60), delta: [2000, -2000]) == .apply(undoing: move))
        weights.record(split, .init(controller: 1, priority: 0, at: .seconds(5), delta: [2000, -2000]), conflict: true)
        #expect(weights.totalConflicts == 1)
    }

    @Test func theArbiterMakesALowerPriorityYieldInsideTheWindow() {
        var arbiter = ControlArbiter()
        let high = ControlArbiter.LastChange(controller: 0, priority: 5, at: .seconds(10), delta: [3])
        arbiter.record(Self.key, high, conflict: false)
        #expect(arbiter.judge(Self.key, controller: 1, priority: 4, now: .seconds(30), window: .seconds(60), delta: [-3]) == .yield(to: high))
        #expect(arbiter.judge(Self.key, controller: 1, priority: 4, now: .seconds(30), window: .seconds(60), delta: [3]) == .yield(to: high))
        // Equal or higher priority may act (and is flagged when it reverses).
        #expect(arbiter.judge(Self.key, controller: 1, priority: 5, now: .seconds(30), window: .seconds(60), delta: [-3]) == .apply(undoing: high))
        #expect(arbiter.judge(Self.key, controller: 1, priority: 4, now: .seconds(70), window: .seconds(60), delta: [-3]) == .apply(undoing: nil))
        // Other targets are not held.
        #expect(arbiter.judge(.split(service: 0), controller: 1, priority: 0, now: .seconds(30), window: .seconds(60), delta: [1, -1]) == .apply(undoing: nil))
    }
}
