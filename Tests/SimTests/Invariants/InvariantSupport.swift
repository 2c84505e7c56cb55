import Testing
@testable import Sim

/// The World with a watch on the clock: every event the engine hands it is
/// checked against the previous one's time before the World handles it.
struct ClockWatchedWorld: SimulationModel {
    var world: World
    var lastTime: SimTime = .zero
    /// Events whose time was earlier than the event before them.
    var backwardSteps = 0
    var handled = 0

    mutating func handle(_ event: World.Event, scheduler: inout Scheduler<World.Event>) {
        if scheduler.now < lastTime { backwardSteps += 1 }
        lastTime = scheduler.now
        handled += 1
        world.handle(event, scheduler: &scheduler)
    }

    func traceCode(of event: World.Event) -> UInt64 { world.traceCode(of: event) }
}

/// One watched run: the recording at the spec's end, then the same world run
/// on (no new arrivals) until everything it started has drained.
struct WatchedRun {
    var recording: Recording
    /// The recording after draining: one last window holds everything after the end.
    var drainedRecording: Recording
    var trace: TraceDigest
    var model: ClockWatchedWorld
    /// Live client calls per client at the spec's end, counted in the call pool (not from counters).
    var liveClientCalls: [Int]
    /// Live calls per edge at the spec's end, counted in the call pool.
    var liveEdgeCalls: [Int]

    init(_ spec: WorldSpec, seed: UInt64, drain: SimTime = .minutes(2)) throws {
        let limits = RunLimits(maxEvents: 50_000_000, maxSimTime: spec.duration.saturatingAdd(drain).saturatingAdd(.ns(1)))
        func startedEngine() throws -> Engine<ClockWatchedWorld> {
            var engine = Engine(model: ClockWatchedWorld(world: try World(spec: spec, seed: seed)), limits: limits, tracing: true)
            engine.model.world.prime(&engine.scheduler)
            return engine
        }
        // A World is never copied (copies share its tables), so the recording at
        // the end and the drained run come from two runs of the same spec and
        // seed: identical up to the end, by determinism.
        var atEnd = try startedEngine()
        let stop = atEnd.run(until: spec.duration)
        #expect(stop == .reachedEndTime || stop == .queueEmpty)
        trace = atEnd.trace!
        let calls = atEnd.model.world.calls
        liveClientCalls = atEnd.model.world.clients.indices.map { c in calls.liveHandles().filter { calls[$0].client == Int32(c) }.count }
        liveEdgeCalls = atEnd.model.world.edges.indices.map { e in calls.liveHandles().filter { calls[$0].edge == Int32(e) }.count }
        recording = atEnd.model.world.finishRecording(at: spec.duration)
        var engine = try startedEngine()
        _ = engine.run(until: spec.duration)
        #expect(engine.trace == trace, "the two runs must agree up to the end")
        _ = engine.run(until: spec.duration.saturatingAdd(drain))
        model = engine.model
        drainedRecording = model.world.finishRecording(at: engine.now)
    }
}

/// Cumulative sums of a series (NaN counts as 0: a counter is never NaN).
func cumulative(_ values: [Double]) -> [Double] {
    var total = 0.0
    return values.map { total += $0.isNaN ? 0 : $0; return total }
}

extension Recording {
    /// Entities of one kind (by their text prefix, e.g. "edge:").
    func entities(prefixed prefix: String) -> [String] { entities.filter { $0.hasPrefix(prefix) } }

    /// Per-window sum of several metrics.
    func sum(_ entity: String, _ metrics: [Metric]) -> [Double] {
        var result = Array(repeating: 0.0, count: windowCount)
        for metric in metrics {
            for (index, value) in series(entity, metric).enumerated() where !value.isNaN { result[index] += value }
        }
        return result
    }
}

/// Metric groups the invariants use.
enum Metrics {
    static let failureClasses: [Metric] = [.failTimeout, .failServerError, .failOverloaded, .failThrottled, .failConnection, .failClientError]
    static let clientRejections: [Metric] = [.rejectedBreaker, .rejectedThrottle, .rejectedBudget, .rejectedLimiter]
    static let outcomes: [Metric] = [.offered, .successes, .failures] + failureClasses
}
