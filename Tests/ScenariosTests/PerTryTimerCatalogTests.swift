import Testing
@testable import Scenarios
@testable import Sim

/// Built-in scenarios whose attempts time out under faults (a crash with
/// retries, a black hole, a timeout cascade, a pool waiting for connections,
/// preemptions, failover) give the same recording whether each per-try
/// timeout is its own event or waits in its edge's timers: only the number
/// of events handled changes.
@Suite struct PerTryTimerCatalogTests {
    static func run(_ scenario: Scenario, aside: Bool) throws -> (recording: Recording, events: UInt64) {
        var engine = try World.engine(spec: scenario.world, seed: scenario.seed)
        if !aside { engine.model.queueEveryPerTryTimeout() }
        _ = engine.run(until: scenario.duration)
        return (engine.model.finishRecording(at: scenario.duration), engine.eventsProcessed)
    }

    @Test(arguments: ["retry-storm", "thundering-herd-reconnect", "timeout-cascade-high-utilisation",
                      "connection-pool-exhaustion", "spot-preemption-retries", "region-failover"])
    func timersAsideChangeNothingButTheEventCount(name: String) throws {
        let scenario = try #require(try Catalog.load(named: name))
        let queued = try Self.run(scenario, aside: false)
        let aside = try Self.run(scenario, aside: true)
        let same = queued.recording == aside.recording
        #expect(same, "\(name): the recordings differ")
        #expect(aside.events < queued.events)
    }
}
