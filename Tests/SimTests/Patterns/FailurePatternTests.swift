import Testing
@testable import Sim

/// The failure patterns of issue 4, reproduced from model parameters alone:
/// nothing below scripts an outcome; each is the policy and the load meeting.
/// Each test contrasts the cause with its absence on the same seed.
@Suite struct FailurePatternTests {
    static func noRetry(_ timeout: SimTime) -> ClientPipelineConfig {
        var policy = ClientPipelineConfig()
        policy.retry = RetryConfig(maxAttempts: 1, perTryTimeout: timeout, deadline: .max)
        return policy
    }

    static func retryStorm(budget: RetryBudgetConfig.Kind) -> WorldSpec {
        WorldSpec(duration: .seconds(180), services: [
            ServiceSpec(name: "api", instances: 2, concurrency: 4, queueCapacity: 200, serviceTime: .exponential(mean: .ms(20)),
                        startupTime: .seconds(1), discoveryDelay: .seconds(2), policy: retrying(3, perTry: .ms(100), budget: budget))],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(280))],
            faults: [FaultSpec(kind: .crash, target: "api/0", start: .seconds(30), restartAfter: .seconds(10))])
    }

    @Test func shortCrashWithFixedRetriesBecomesAMetastableRetryStorm() throws {
        let r = try Simulation.run(Self.retryStorm(budget: .none), seed: 1).recording
        // The server is back at ~41 s; two minutes later nothing succeeds and every request is tried 3 times.
        #expect(r.successRatio("client:web", from: 100, to: 180) < 0.01)
        #expect(r.mean("edge:web->api", .amplification, from: 100, to: 180) > 2.8)
        let good = r.total("service:api", .goodput, from: 100), wasted = r.total("service:api", .wastedWork, from: 100)
        #expect(wasted / (good + wasted) > 0.95)
    }

    @Test func theSameCrashWithARetryBudgetRecovers() throws {
        let r = try Simulation.run(Self.retryStorm(budget: .ratio), seed: 1).recording
        // At 70% load a 100 ms per-try timeout sits near the edge: random queue spikes
        // still start small storms (at 88 s and 144 s with this seed), but the budget
        // caps retries at 20% + 10/s and each dies out. Bound: the worst an episode
        // does is fill both queues (2 x 200 jobs); the spare capacity the budget leaves,
        // 400 - (1.2 x 280 + 10) = 54 req/s, drains them in 7.4 s: at most 8 windows.
        let success = r.series("client:web", .successRatio)
        var longest = 0, current = 0
        for window in 48..<180 {
            current = success[window] < 0.9 ? current + 1 : 0
            longest = max(longest, current)
        }
        #expect(longest <= 8)
        #expect(r.successRatio("client:web", from: 48, to: 180) > 0.85)
        #expect(r.mean("edge:web->api", .amplification, from: 48, to: 180) < 1.15)
    }

    @Test func loadDependentLatencyTurnsABurstIntoADeathSpiral() throws {
        func run(spiral: Bool) throws -> Recording {
            let latency = spiral ? LoadLatencySpec(kind: .exponential, coefficient: 1, threshold: 1.5, maxMultiplier: 20) : .defaultValue
            let spec = WorldSpec(duration: .seconds(90), services: [
                ServiceSpec(name: "api", instances: 1, concurrency: 8, queueCapacity: 5_000, serviceTime: .exponential(mean: .ms(20)),
                            loadLatency: latency, policy: Self.noRetry(.seconds(1)))],
                clients: [ClientSpec(name: "web", target: "api", rate: RateSchedule(rateRps: 240, bursts: [.init(at: .seconds(20), count: 2_000)]))])
            return try Simulation.run(spec, seed: 1).recording
        }
        let plain = try run(spiral: false), spiral = try run(spiral: true)
        // 60% load, then a burst of 2,000: a plain server drains the backlog in ~12 s.
        #expect(plain.successRatio("client:web", from: 60, to: 90) > 0.99)
        // Service time growing with load keeps throughput below arrivals: it never drains.
        #expect(spiral.successRatio("client:web", from: 60, to: 90) < 0.01)
        #expect(spiral.mean("service:api", .queueLength, from: 60, to: 90) > 4_900)
    }

    @Test func databaseLatencySpikeExhaustsTheConnectionPool() throws {
        func run(pool: Int) throws -> Recording {
            let spec = WorldSpec(duration: .seconds(90), services: [
                ServiceSpec(name: "api", instances: 2, concurrency: 32, queueCapacity: 1_000, serviceTime: .exponential(mean: .ms(2)),
                            calls: [.call(CallSpec(target: "db"))], policy: Self.noRetry(.seconds(1))),
                ServiceSpec(name: "db", kind: .database, instances: 1, concurrency: 64, serviceTime: .exponential(mean: .ms(5)), policy: Self.noRetry(.max)),
            ], clients: [ClientSpec(name: "web", target: "api", rate: .constant(300))],
                edges: [EdgeSpec(from: "api", to: "db", policy: Self.noRetry(.max), scope: .callerInstance, poolSize: pool, poolMaxWait: .seconds(2))],
                faults: [FaultSpec(kind: .latency, target: "db", start: .seconds(30), duration: .seconds(20), addedLatency: .constant(.ms(100)))])
            return try Simulation.run(spec, seed: 1).recording
        }
        let unlimited = try run(pool: 0), pooled = try run(pool: 8)
        // Without a pool the spike only adds 100 ms.
        #expect(unlimited.successRatio("client:web", from: 30, to: 50) > 0.99)
        // With 8 connections per instance, 150 req/s x 105 ms needs ~16: threads queue for
        // connections, the api backs up and its callers time out.
        #expect(pooled.successRatio("client:web", from: 30, to: 50) < 0.1)
        #expect(pooled.mean("client:web", .latencyMsP99, from: 35, to: 50) >= 990)
        #expect(pooled.successRatio("client:web", from: 70, to: 90) > 0.99)
    }

    @Test func cacheFlushSendsAStampedeToTheDatabase() throws {
        let spec = WorldSpec(duration: .seconds(120), services: [
            ServiceSpec(name: "cache", kind: .cache, instances: 2, concurrency: 64, serviceTime: .constant(.ms(1)),
                        calls: [.call(CallSpec(target: "db"))], policy: Self.noRetry(.seconds(1)),
                        cache: CacheSpec(hitRatioPercent: 95, refillTime: .seconds(60))),
            ServiceSpec(name: "db", kind: .database, instances: 1, concurrency: 8, queueCapacity: 500,
                        serviceTime: .exponential(mean: .ms(20)), policy: Self.noRetry(.ms(500))),
        ], clients: [ClientSpec(name: "web", target: "cache", rate: .constant(1_000))],
            faults: [FaultSpec(kind: .cacheFlush, target: "cache", start: .seconds(30), duration: .seconds(1))])
        let r = try Simulation.run(spec, seed: 1).recording
        // 5% misses reach the db (about 50/s); after the flush every request does, 8x its capacity.
        #expect(abs(r.mean("service:db", .offered, from: 10, to: 30) - 50) < 5)
        #expect(r.mean("service:db", .offered, from: 31, to: 40) > 350)
        #expect(r.successRatio("client:web", from: 31, to: 60) < 0.3)
        // The hit ratio climbs back over a minute and the db recovers.
        #expect(r.successRatio("client:web", from: 100, to: 120) > 0.99)
    }

    @Test func leastOutstandingSinkholesTrafficIntoAFastFailingDeadInstance() throws {
        func failureShare(_ kind: LoadBalancerConfig.Kind) throws -> Double {
            var policy = Self.noRetry(.seconds(1))
            policy.loadBalancer.kind = kind
            let spec = WorldSpec(duration: .seconds(60), services: [
                ServiceSpec(name: "api", instances: 4, concurrency: 8, serviceTime: .exponential(mean: .ms(20)),
                            discoveryDelay: .seconds(60), policy: policy)],
                clients: [ClientSpec(name: "web", target: "api", rate: .constant(800))],
                faults: [FaultSpec(kind: .crash, target: "api/0", start: .seconds(20), restartAfter: .max)])
            return 1 - (try Simulation.run(spec, seed: 1).recording.successRatio("client:web", from: 25, to: 60))
        }
        // Round robin sends the dead instance its quarter.
        #expect(abs(try failureShare(.roundRobin) - 0.25) < 0.01)
        // It refuses connections at once, so it always has the fewest outstanding calls.
        #expect(try failureShare(.leastOutstanding) > 0.75)
    }

    @Test func highUtilisationTurnsTimeoutsIntoACascade() throws {
        func run(rate: Double) throws -> Recording {
            let spec = WorldSpec(duration: .seconds(90), services: [
                ServiceSpec(name: "api", instances: 2, concurrency: 32, queueCapacity: 1_000, serviceTime: .exponential(mean: .ms(2)),
                            calls: [.call(CallSpec(target: "db"))], policy: retrying(3, perTry: .ms(800))),
                ServiceSpec(name: "db", kind: .database, instances: 1, concurrency: 8, queueCapacity: 1_000,
                            serviceTime: .exponential(mean: .ms(20)), policy: retrying(3, perTry: .ms(150))),
            ], clients: [ClientSpec(name: "web", target: "api", rate: .constant(rate))])
            return try Simulation.run(spec, seed: 1).recording
        }
        let calm = try run(rate: 300), hot = try run(rate: 380)
        // At 75% db utilisation the 150 ms per-try timeout almost never fires.
        #expect(calm.successRatio("client:web", from: 30, to: 90) > 0.999)
        // At 95% the queue wait passes it; retries at both tiers multiply db load 9x and the db works for no one.
        #expect(hot.successRatio("client:web", from: 30, to: 90) < 0.01)
        #expect(hot.mean("edge:api->db", .amplification, from: 30, to: 90) > 2.9)
        #expect(hot.mean("edge:web->api", .amplification, from: 30, to: 90) > 2.9)
        let wasted = hot.total("service:db", .wastedWork), good = hot.total("service:db", .goodput)
        #expect(wasted / (wasted + good) > 0.9)
    }

    @Test func longFifoQueueCollapsesGoodputAndLifoKeepsIt() throws {
        func goodputRatio(_ discipline: QueueDiscipline) throws -> Double {
            let spec = WorldSpec(duration: .seconds(60), services: [
                ServiceSpec(name: "api", instances: 1, concurrency: 4, queueCapacity: 5_000, queueDiscipline: discipline,
                            serviceTime: .exponential(mean: .ms(20)), policy: Self.noRetry(.ms(200)))],
                clients: [ClientSpec(name: "web", target: "api", rate: .constant(240))])
            let r = try Simulation.run(spec, seed: 1).recording
            let good = r.total("service:api", .goodput), wasted = r.total("service:api", .wastedWork)
            return good / (good + wasted)
        }
        // 120% load: under FIFO every request served has waited past its caller's timeout.
        #expect(try goodputRatio(.fifo) < 0.02)
        // LIFO serves the newest first, whose callers still wait.
        #expect(try goodputRatio(.lifo) > 0.9)
    }
}
