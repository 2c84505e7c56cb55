import Testing
@testable import Sim

/// Faults on instances: crash and restart, capacity loss and CPU saturation,
/// spot preemption, cold starts and a whole-region outage. The instances of
/// `FaultWorld.api` start up in 1 s and discovery notices a dead one after 2 s.
@Suite struct InstanceFaultTests {
    static func seconds(_ time: SimTime) -> Double { Double(time.ns) / 1e9 }

    @Test func crashKillsTheInstanceWhichRestartsAfterTheDelayAndStartUp() throws {
        let fault = FaultSpec(kind: .crash, target: "api/0", start: .seconds(20), restartAfter: .seconds(10))
        let r = try FaultWorld.run(FaultWorld.spec(faults: [fault]))
        let changes = r.instanceChanges("instance:api/0")
        #expect(changes.map(\.time) == [.seconds(20), .seconds(30), .seconds(31)])
        #expect(changes.map(\.to) == ["down", "starting", "up"])
        #expect(r.instanceChanges("instance:api/1").isEmpty)
        // The gauge is read at each window's end: one instance from 21 s to 30 s, two from 32 s.
        #expect(r.series("service:api", .instancesUp)[20..<30].allSatisfy { $0 == 1 })
        #expect(r.series("service:api", .instancesUp)[31..<60].allSatisfy { $0 == 2 })
        #expect(r.series("service:api", .instancesUp)[0..<19].allSatisfy { $0 == 2 })
        // Until discovery drops it (22 s) round robin sends it every other request, refused at once;
        // requests on it when it died fail too (Poisson with mean 100/s x 10 ms / 2 = 0.5: at most 5,
        // P > 1 - 2e-4). After that, nothing fails, including while it restarts.
        let refused = r.total("client:web", .failConnection, 20..<23)
        let halfOffered = r.total("client:web", .offered, 20..<22) / 2
        #expect(refused >= halfOffered - 1 && refused <= halfOffered + 1 + 5, "\(refused) refused, half the offered \(halfOffered)")
        #expect(r.total("client:web", .failures) == refused)
    }

    /// Load balancing skips its eligibility scans while every host of a service
    /// is listed (`allHostsEligible`); that count must follow discovery through
    /// crashes, restarts and preemptions, or picks would go to delisted hosts.
    @Test func theAllHostsEligibleHintFollowsDiscovery() throws {
        let faults = [FaultSpec(kind: .crash, target: "api/0", start: .seconds(20), restartAfter: .seconds(10)),
                      FaultSpec(kind: .spotPreemption, target: "api", start: .seconds(35), duration: .seconds(20), restartAfter: .seconds(3),
                                ratePerMinute: 30)]
        var engine = try World.engine(spec: FaultWorld.spec(faults: faults), seed: 1)
        var states: [Bool] = []
        for step in 1...240 {
            _ = engine.run(until: .ms(250 * Int64(step)))
            let world = engine.model
            let truth = world.services[0].hosts.allSatisfy { world.instanceRegistered[Int($0)] }
            #expect(world.allHostsEligible(service: 0) == truth, "at \(step * 250) ms")
            if states.last != truth { states.append(truth) }
        }
        // Listed, then the crash (delisted at 22 s, back at 31 s), then preemptions.
        #expect(states.count >= 4 && states.first == true)
    }

    @Test func capacityLossLeavesItsPercentOfSlots() throws {
        let fault = FaultSpec(kind: .capacityLoss, target: "api", start: .seconds(20), duration: .seconds(20), capacityPercent: 25)
        let r = try FaultWorld.run(FaultWorld.spec(faults: [fault]))
        // Busy time is N x 10 ms for N ~ Poisson(100/s x T) requests; utilisation = busy / (slots x T).
        // 32 slots -> 1/32; 25% of 16 = 4 per instance, 8 in all -> 1/8. Relative sd of N is 1/sqrt(N).
        // Windows wholly before, inside and after the span (the gauge uses the slot count at the window's end).
        for (windows, expected) in [(0..<20, 1.0 / 32), (21..<40, 1.0 / 8), (41..<60, 1.0 / 32)] {
            let relative = Tolerance.z / (100 * Double(windows.count)).squareRoot()
            let measured = r.mean("service:api", .utilisation, windows)
            #expect(abs(measured - expected) <= relative * expected, "windows \(windows): \(measured), expected \(expected)")
        }
        #expect(r.total("client:web", .failures) == 0)
    }

    @Test func cpuSaturationSlowsServiceByTheMultiplier() throws {
        let fault = FaultSpec(kind: .capacityLoss, target: "api", start: .seconds(20), duration: .seconds(20), latencyMultiplier: 2,
                              capacityPercent: 100)
        let r = try FaultWorld.run(FaultWorld.spec(faults: [fault]))
        #expect(r.minimum("client:web", .latencyMsP50, 21..<40) >= 20 * 0.99)
        #expect(r.maximum("client:web", .latencyMsP50, 21..<40) <= 20 * 1.01)
        #expect(r.maximum("client:web", .latencyMsP99, 41..<60) <= 10 * 1.01)
        #expect(r.maximum("client:web", .latencyMsP99, 0..<20) <= 10 * 1.01)
    }

    @Test func spotPreemptionKillsInstancesAtItsRateOnlyInsideTheSpan() throws {
        // 12 per minute for 5 minutes: Poisson with mean 60.
        let fault = FaultSpec(kind: .spotPreemption, target: "api", start: .seconds(60), duration: .minutes(5), restartAfter: .seconds(5),
                              ratePerMinute: 12)
        let spec = FaultWorld.spec(services: [FaultWorld.api(instances: 4)], clients: [FaultWorld.client(rateRps: 20)], faults: [fault],
                                   duration: .minutes(7))
        let r = try FaultWorld.run(spec)
        let kills = r.events.filter { $0.category == .instance && $0.to == "down" }
        #expect(kills.allSatisfy { $0.cause.contains("spot preemption") })
        #expect(abs(Double(kills.count) - 60) <= Tolerance.poisson(60), "\(kills.count) preemptions")
        #expect(kills.allSatisfy { $0.time >= .seconds(60) && $0.time < .seconds(360) })
        // Each victim restarts after 5 s and takes traffic 1 s later.
        for kill in kills {
            let later = r.instanceChanges(kill.entity).filter { $0.time > kill.time }
            #expect(later.first.map { ($0.time - kill.time, $0.to) } ?? (.zero, "") == (.seconds(5), "starting"))
        }
        #expect(r.series("service:api", .instancesUp)[0..<59].allSatisfy { $0 == 4 })
        #expect(r.series("service:api", .instancesUp)[370..<420].allSatisfy { $0 == 4 })
    }

    @Test func coldStartRestartsEveryInstanceColdAndWarmsUp() throws {
        var service = FaultWorld.api()
        service.warmupDuration = .seconds(10)
        service.warmupMultiplier = 3
        let fault = FaultSpec(kind: .coldStart, target: "api", start: .seconds(20))
        let r = try FaultWorld.run(FaultWorld.spec(services: [service], faults: [fault]))
        for instance in ["instance:api/0", "instance:api/1"] {
            let changes = r.instanceChanges(instance)
            #expect(changes.map(\.time) == [.seconds(20), .seconds(20), .seconds(21)])
            #expect(changes.map(\.to) == ["down", "starting", "up"])
        }
        // Starting instances refuse connections: nothing succeeds in [20 s, 21 s).
        #expect(r.total("client:web", .successes, 20..<21) == 0)
        #expect(r.total("client:web", .failures) == r.total("client:web", .failConnection, 20..<21))
        // Warm-up: service time x m(t), m = 3 - 2 (t - 21 s) / 10 s. A window's median request
        // started x before its middle: x = 10 (3 - 0.2 (k + 0.5 - x / 1000)), so
        // x = (30 - 2 (k + 0.5)) / 0.998. Median start sd 50 ms -> 0.1 ms; rank gap 10 ms -> 0.02 ms.
        for k in 0..<10 {
            let expected = (30 - 2 * (Double(k) + 0.5)) / 0.998
            let tolerance = Tolerance.z * 0.1 + 0.02 + expected * Tolerance.histogram
            let measured = r.series("client:web", .latencyMsP50)[21 + k]
            #expect(abs(measured - expected) <= tolerance, "window \(21 + k): p50 \(measured) ms, expected \(expected) ± \(tolerance)")
        }
        #expect(r.maximum("client:web", .latencyMsP99, 32..<60) <= 10 * 1.01)
        #expect(r.maximum("client:web", .latencyMsP99, 0..<20) <= 10 * 1.01)
    }

    @Test func regionOutageTakesDownEveryInstanceInTheRegionOnly() throws {
        let services = [FaultWorld.api(name: "api-east", region: "east"), FaultWorld.api(name: "api-west", region: "west")]
        let clients = [FaultWorld.client("east", target: "api-east", region: "east"), FaultWorld.client("west", target: "api-west", region: "west")]
        let fault = FaultSpec(kind: .regionOutage, target: "region:east", start: .seconds(20), duration: .seconds(20))
        let r = try FaultWorld.run(FaultWorld.spec(services: services, clients: clients, faults: [fault]))
        for instance in ["instance:api-east/0", "instance:api-east/1"] {
            #expect(r.instanceChanges(instance).map(\.time) == [.seconds(20), .seconds(40), .seconds(41)])
            #expect(r.instanceChanges(instance).map(\.to) == ["down", "starting", "up"])
        }
        #expect(r.instanceChanges("instance:api-west/0").isEmpty)
        #expect(r.series("service:api-east", .instancesUp)[20..<40].allSatisfy { $0 == 0 })
        // Nothing succeeds in the east until it is back (41 s): refused connections until discovery
        // drops the instances (22 s), then "no healthy upstream" (503).
        #expect(r.total("client:east", .successes, 20..<41) == 0)
        #expect(r.total("client:east", .failures) == r.finished("client:east", 20..<41))
        #expect(r.total("client:east", .failConnection) == r.total("client:east", .failConnection, 20..<22))
        #expect(r.total("client:east", .failOverloaded) == r.total("client:east", .failOverloaded, 22..<41))
        #expect(r.total("client:east", .failOverloaded) > 0)
        #expect(r.total("client:west", .failures) == 0)
    }

    @Test func instancesStayDownThroughARegionOutageWhateverRestartWasPending() throws {
        // api-east/0 crashed at 10 s with a restart due at 30 s, inside the outage [20 s, 40 s):
        // the region is down, so it must stay down and come back with the others.
        let services = [FaultWorld.api(name: "api-east", region: "east")]
        let faults = [FaultSpec(kind: .crash, target: "api-east/0", start: .seconds(10), restartAfter: .seconds(20)),
                      FaultSpec(kind: .regionOutage, target: "region:east", start: .seconds(20), duration: .seconds(20))]
        let r = try FaultWorld.run(FaultWorld.spec(services: services, clients: [FaultWorld.client(target: "api-east")], faults: faults))
        #expect(r.instanceChanges("instance:api-east/0").map(\.time) == [.seconds(10), .seconds(40), .seconds(41)])
        #expect(r.instanceChanges("instance:api-east/0").map(\.to) == ["down", "starting", "up"])
        #expect(r.series("service:api-east", .instancesUp)[20..<40].allSatisfy { $0 == 0 })
        #expect(r.total("client:web", .successes, 20..<41) == 0)
    }

    @Test func overlappingCapacityLossesCompoundAndEachEndsOnlyItsOwnPart() throws {
        // A: half the slots, 2x slower over [10 s, 50 s). B: 3x slower over [20 s, 30 s).
        // Both at once: 6x; after B ends, A's 2x and its slots remain until 50 s.
        let faults = [FaultSpec(kind: .capacityLoss, target: "api", start: .seconds(10), duration: .seconds(40), latencyMultiplier: 2, capacityPercent: 50),
                      FaultSpec(kind: .capacityLoss, target: "api", start: .seconds(20), duration: .seconds(10), latencyMultiplier: 3, capacityPercent: 100)]
        let r = try FaultWorld.run(FaultWorld.spec(faults: faults))
        for (windows, expected) in [(11..<20, 20.0), (21..<30, 60.0), (31..<50, 20.0), (51..<60, 10.0)] {
            let low = r.minimum("client:web", .latencyMsP50, windows), high = r.maximum("client:web", .latencyMsP50, windows)
            #expect(low >= expected * 0.99 && high <= expected * 1.01, "windows \(windows): p50 \(low)...\(high) ms, expected \(expected)")
        }
        // A's slots stay lost after B ends: 8 of 32 busy-able slots... utilisation = 100/s x 20 ms / 16 slots.
        let expected = 100 * 0.020 / 16, measured = r.mean("service:api", .utilisation, 31..<50)
        #expect(abs(measured - expected) <= Tolerance.z / (100 * 19.0).squareRoot() * expected, "utilisation \(measured), expected \(expected)")
    }
}
