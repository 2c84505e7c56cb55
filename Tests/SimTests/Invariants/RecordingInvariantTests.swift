import Testing
@testable import Sim

/// The recording invariants of issue 4, over many seeds of three topologies
/// with faults, retries, hedges and breakers:
/// - every client request ends exactly once (a success or a failure class) or
///   is still in flight at the end, checked against the live calls in the
///   call pool, not only against the counters that produced the recording;
/// - per-edge and per-service counts balance in every window;
/// - the clock never goes back (checked on every event handed to the model);
/// - after the run drains, nothing is left over anywhere.
@Suite struct RecordingInvariantTests {
    static let seeds: [UInt64] = Array(1...12)

    struct Case: Sendable, CustomTestStringConvertible {
        var topology: Int
        var seed: UInt64
        var testDescription: String { "\(InvariantTopologies.all[topology].name) seed \(seed)" }
    }

    static let cases = InvariantTopologies.all.indices.flatMap { t in seeds.map { Case(topology: t, seed: $0) } }

    @Test(arguments: cases)
    func invariantsHold(_ c: Case) throws {
        let spec = InvariantTopologies.all[c.topology].spec
        let run = try WatchedRun(spec, seed: c.seed)
        Self.expectClockMonotone(run)
        Self.expectClientsBalance(run, spec)
        Self.expectEdgesBalance(run)
        Self.expectServicesBalance(run)
        Self.expectDrained(run)
    }

    static func expectClockMonotone(_ run: WatchedRun, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.model.backwardSteps == 0, sourceLocation: sourceLocation)
        #expect(run.model.handled > 10_000, sourceLocation: sourceLocation)
        let times = run.drainedRecording.events.map(\.time)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "state-change log out of time order", sourceLocation: sourceLocation)
    }

    /// offered so far - ended so far == in flight, in every window; at the end it equals the
    /// client calls alive in the pool. Ended = successes + failures; every failure has a class
    /// or is a local rejection.
    static func expectClientsBalance(_ run: WatchedRun, _ spec: WorldSpec) {
        let r = run.recording
        for (c, client) in spec.clients.enumerated() {
            let entity = "client:\(client.name)"
            let open = zip(cumulative(r.series(entity, .offered)), cumulative(r.sum(entity, [.successes, .failures]))).map { $0 - $1 }
            #expect(open == r.series(entity, .inFlight), "\(entity): offered - ended != inFlight")
            #expect(open.allSatisfy { $0 >= 0 })
            #expect(open.last == Double(run.liveClientCalls[c]), "\(entity): \(open.last ?? -1) open by the counts, \(run.liveClientCalls[c]) live calls")
            expectFailuresClassified(r, entity)
        }
        // The run entity is all clients together, window by window.
        for metric in [Metric.offered, .successes, .failures] {
            let clients = spec.clients.map { r.series("client:\($0.name)", metric) }
            let summed = (0..<r.windowCount).map { w in clients.reduce(0) { $0 + $1[w] } }
            #expect(r.series("run", metric) == summed, "run \(metric) != sum over clients")
        }
    }

    /// Failures = failures with a class + calls refused locally (breaker, throttle, budget, limiter).
    static func expectFailuresClassified(_ r: Recording, _ entity: String) {
        let classified = r.sum(entity, Metrics.failureClasses)
        let failures = r.series(entity, .failures)
        #expect(zip(failures, classified).allSatisfy { $0 >= $1 }, "\(entity): more classified failures than failures")
        let unclassified = failures.reduce(0, +) - classified.reduce(0, +)
        let rejected = r.sum(entity, Metrics.clientRejections).reduce(0, +)
        #expect(unclassified <= rejected, "\(entity): \(unclassified) failures without a class, \(rejected) rejections")
    }

    /// Per edge: offered - ended == inFlight every window (and == live calls at the end);
    /// first attempts (attempts - retries - hedges) never exceed calls, and the calls that
    /// never sent one were refused locally.
    static func expectEdgesBalance(_ run: WatchedRun) {
        let r = run.recording
        for (e, edge) in run.model.world.edges.enumerated() {
            let entity = EntityName.edge(edge.spec.from, edge.spec.to).text
            let offered = cumulative(r.series(entity, .offered))
            let open = zip(offered, cumulative(r.sum(entity, [.successes, .failures]))).map { $0 - $1 }
            #expect(open == r.series(entity, .inFlight), "\(entity): offered - ended != inFlight")
            #expect(open.last == Double(run.liveEdgeCalls[e]), "\(entity): \(open.last ?? -1) open by the counts, \(run.liveEdgeCalls[e]) live calls")
            let attempts = cumulative(r.series(entity, .attempts)), extra = cumulative(r.sum(entity, [.retries, .hedges]))
            let first = zip(attempts, extra).map { $0 - $1 }
            #expect(zip(first, offered).allSatisfy { $0 <= $1 }, "\(entity): more first attempts than calls")
            let neverSent = (offered.last ?? 0) - (first.last ?? 0)
            #expect(neverSent <= r.sum(entity, Metrics.clientRejections).reduce(0, +), "\(entity): \(neverSent) calls sent nothing")
            expectFailuresClassified(r, entity)
        }
    }

    /// Per service: versions add up to the service in every window; the service never sees
    /// more requests than its callers sent; offered - answered == in flight (queued + serving).
    static func expectServicesBalance(_ run: WatchedRun) {
        let r = run.recording
        let world = run.model.world
        for service in world.services {
            let entity = "service:\(service.spec.name)"
            let versions = service.versions.map { "version:\(service.spec.name)@\(world.versions[Int($0)].name)" }
            for metric in Metrics.outcomes {
                let summed = (0..<r.windowCount).map { w in versions.reduce(0) { $0 + r.series($1, metric)[w] } }
                #expect(r.series(entity, metric) == summed, "\(entity) \(metric) != sum over versions")
            }
            let incoming = world.edges.filter { $0.callee == service.index }.map { EntityName.edge($0.spec.from, $0.spec.to).text }
            let sent = cumulative((0..<r.windowCount).map { w in incoming.reduce(0) { $0 + r.series($1, .attempts)[w] } })
            let offered = cumulative(r.series(entity, .offered))
            #expect(zip(offered, sent).allSatisfy { $0 <= $1 }, "\(entity) saw more than its callers sent")
            let open = zip(offered, cumulative(r.sum(entity, [.successes, .failures]))).map { $0 - $1 }
            #expect(open == r.series(entity, .inFlight), "\(entity): offered - answered != in flight")
        }
    }

    /// Two minutes after the end, with arrivals stopped and every fault over, nothing is
    /// left: no call, attempt, connection, queued job or message, and the totals balance.
    static func expectDrained(_ run: WatchedRun) {
        let world = run.model.world
        #expect(world.calls.liveCount == 0)
        #expect(world.attempts.liveCount == 0)
        #expect(world.clients.allSatisfy { $0.inFlight == 0 })
        #expect(world.edges.allSatisfy { $0.inFlight == 0 && $0.poolActive.allSatisfy { $0 == 0 } && $0.poolWaiting.allSatisfy { $0.count == 0 } })
        #expect(world.edges.allSatisfy { $0.outstanding.allSatisfy { $0 == 0 } })
        #expect(world.instances.allSatisfy { $0.station.inSystem == 0 })
        for service in world.services {
            guard let broker = service.broker else { continue }
            #expect(broker.busyConsumers == 0 && broker.depth == 0)
            #expect(broker.freeMessages.count == broker.deliveries.count, "\(service.spec.name): messages neither delivered nor dead-lettered")
        }
        let r = run.drainedRecording
        for entity in r.entities where entity.hasPrefix("client:") || entity.hasPrefix("edge:") || entity.hasPrefix("service:") {
            let offered = r.total(entity, .offered), ended = r.total(entity, .successes) + r.total(entity, .failures)
            #expect(offered == ended, "\(entity): \(offered) offered, \(ended) ended after draining")
        }
    }
}

/// Same seed, same run: bit for bit.
@Suite struct DeterminismInvariantTests {
    @Test(arguments: InvariantTopologies.all.indices)
    func sameSeedGivesTheSameTraceAndRecording(_ topology: Int) throws {
        let spec = InvariantTopologies.all[topology].spec
        let a = try Simulation.run(spec, seed: 42, trace: TraceDigest())
        let b = try Simulation.run(spec, seed: 42, trace: TraceDigest())
        let c = try Simulation.run(spec, seed: 43, trace: TraceDigest())
        #expect(a.trace == b.trace)
        #expect(a.trace!.events == a.eventsProcessed)
        let same = a.recording == b.recording
        #expect(same)
        #expect(a.trace != c.trace)
        // The watched engine (no Simulation.run) replays the same events.
        let watched = try WatchedRun(spec, seed: 42)
        #expect(watched.trace == a.trace)
    }
}
