import Testing
@testable import Sim

/// A model whose events are ticks that reschedule themselves every `period`.
struct TickModel: SimulationModel {
    enum Event { case tick(Int), stopMe }
    var period: SimTime
    var handled: [(SimTime, Int)] = []
    var fanOut = 1

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        switch event {
        case .tick(let id):
            handled.append((scheduler.now, id))
            for _ in 0..<fanOut { scheduler.schedule(.tick(id + 1), after: period) }
        case .stopMe:
            scheduler.stop(because: .model(name: "maxInFlightRequests", bound: 7))
        }
    }
}

@Suite struct EngineTests {
    @Test func runUntilStopsAtEndTimeInclusiveAndCanContinue() {
        var engine = Engine(model: TickModel(period: .ms(100)))
        engine.schedule(.tick(0), at: .zero)
        #expect(engine.run(until: .ms(250)) == .reachedEndTime)
        #expect(engine.now == .ms(250))
        #expect(engine.model.handled.map(\.1) == [0, 1, 2])
        #expect(engine.run(until: .ms(300)) == .reachedEndTime)
        // The event at exactly 300 ms is handled (end time is inclusive).
        #expect(engine.model.handled.map(\.0) == [.zero, .ms(100), .ms(200), .ms(300)])
    }

    @Test func runWithoutEndStopsWhenQueueIsEmpty() {
        var engine = Engine(model: TickModel(period: .ms(1), fanOut: 0))
        engine.schedule(.tick(0), at: .ms(5))
        #expect(engine.run() == .queueEmpty)
        #expect(engine.eventsProcessed == 1)
        #expect(engine.now == .ms(5))
    }

    @Test func maxEventsLimitStopsWithTypedReason() {
        var engine = Engine(model: TickModel(period: .ms(1)), limits: RunLimits(maxEvents: 10))
        engine.schedule(.tick(0), at: .zero)
        #expect(engine.run() == .limit(.maxEvents(10)))
        #expect(engine.eventsProcessed == 10)
    }

    @Test func maxSimTimeLimitStopsBeforeLaterEvents() {
        var engine = Engine(model: TickModel(period: .seconds(1)), limits: RunLimits(maxSimTime: .seconds(5)))
        engine.schedule(.tick(0), at: .zero)
        #expect(engine.run() == .limit(.maxSimTime(.seconds(5))))
        #expect(engine.model.handled.count == 6)
    }

    @Test func maxPendingEventsLimitStopsAnExplodingModel() {
        var engine = Engine(model: TickModel(period: .ms(1), fanOut: 2), limits: RunLimits(maxPendingEvents: 1_000))
        engine.schedule(.tick(0), at: .zero)
        #expect(engine.run() == .limit(.maxPendingEvents(1_000)))
        #expect(engine.scheduler.pendingCount > 1_000)
    }

    @Test func modelRequestedStopNamesTheModelLimit() {
        var engine = Engine(model: TickModel(period: .ms(1), fanOut: 0))
        engine.schedule(.stopMe, at: .ms(3))
        engine.schedule(.tick(0), at: .ms(4))
        let reason = engine.run()
        #expect(reason == .limit(.model(name: "maxInFlightRequests", bound: 7)))
        #expect(reason.description == "stopped by limit maxInFlightRequests (bound 7)")
        #expect(engine.model.handled.isEmpty)
    }

    @Test func clockNeverGoesBackwards() throws {
        let config = StationModel.Config(arrivalRatePerSecond: 8, service: try .exponential(mean: 1e8), servers: 1, customers: 20_000)
        var engine = try StationModel.engine(config: config, seed: 3)
        var last = SimTime.zero
        while engine.run(until: last + .ms(50)) == .reachedEndTime {
            #expect(engine.now >= last)
            last = engine.now
        }
        #expect(engine.model.departures == 20_000)
    }
}
