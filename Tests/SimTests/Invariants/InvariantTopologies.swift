@testable import Sim

/// Three small systems that exercise most of the model at once: retries with
/// budgets, breakers, hedges, fallbacks, connection pools, cancellation,
/// versions, a broker, regions; and, in each, a fault of most kinds.
/// They are built to stress bookkeeping, not to reproduce a pattern.
enum InvariantTopologies {
    static let all: [(name: String, spec: WorldSpec)] = [("threeTier", threeTier), ("hedged", hedged), ("regions", regions)]

    static func retry(_ attempts: Int, perTry: SimTime, deadline: SimTime = .max) -> RetryConfig {
        RetryConfig(maxAttempts: attempts, perTryTimeout: perTry, deadline: deadline,
                    backoff: BackoffConfig(kind: .exponential, base: .ms(10), jitter: .full))
    }

    /// web -> api -> (backend, cache -> db): retries with a budget, a breaker per attempt,
    /// least-outstanding balancing, an optional cache call with fallback, a pooled db.
    static var threeTier: WorldSpec {
        var edge = ClientPipelineConfig(order: [.retry, .breaker])
        edge.retry = retry(3, perTry: .ms(300))
        edge.retryBudget.kind = .ratio
        edge.breaker = CircuitBreakerConfig(slidingWindowSize: 20, minimumNumberOfCalls: 10, waitInOpen: .seconds(2),
                                            permittedCallsInHalfOpen: 3, automaticTransitionFromOpenToHalfOpen: true)
        edge.loadBalancer = LoadBalancerConfig(kind: .leastOutstanding)
        var backendPolicy = ClientPipelineConfig()
        backendPolicy.retry = retry(2, perTry: .ms(100))
        var shortTimeout = ClientPipelineConfig()
        shortTimeout.retry = retry(1, perTry: .ms(50))
        var cache = ServiceSpec(name: "cache", kind: .cache, instances: 1, concurrency: 32, serviceTime: .exponential(mean: .ms(1)),
                                calls: [.call(CallSpec(target: "db"))], policy: shortTimeout)
        cache.cache = CacheSpec(mode: .hitRatio, hitRatioPercent: 80)
        return WorldSpec(
            duration: .seconds(60),
            services: [
                ServiceSpec(name: "api", instances: 3, concurrency: 8, queueCapacity: 50, serviceTime: .lognormal(median: .ms(5), p99: .ms(20)),
                            startupTime: .seconds(1), discoveryDelay: .seconds(2),
                            calls: [.parallel([CallSpec(target: "backend"), CallSpec(target: "cache", required: false, fallbackLatency: .ms(2))])],
                            policy: edge, entry: EntryPolicySpec(loadShedder: LoadShedderConfig(kind: .queueLength, maxQueueLength: 30))),
                ServiceSpec(name: "backend", instances: 2, concurrency: 8, serviceTime: .exponential(mean: .ms(10)),
                            startupTime: .seconds(1), discoveryDelay: .seconds(1), policy: backendPolicy),
                cache,
                ServiceSpec(name: "db", kind: .database, instances: 1, concurrency: 16, serviceTime: .exponential(mean: .ms(8)), policy: shortTimeout),
            ],
            clients: [ClientSpec(name: "web", target: "api", rate: .constant(150), keys: KeySpec(count: 1_000, popularity: .zipf),
                                 deadline: .seconds(2))],
            edges: [EdgeSpec(from: "cache", to: "db", policy: shortTimeout, poolSize: 8, poolMaxWait: .ms(100), cancelOnTimeout: true)],
            network: NetworkSpec(partitionMode: .hang),
            faults: [
                FaultSpec(kind: .crash, target: "api/0", start: .seconds(10), restartAfter: .seconds(5)),
                FaultSpec(kind: .errors, target: "backend", start: .seconds(15), duration: .seconds(10), percent: 30, errorClass: .overloaded),
                FaultSpec(kind: .latency, target: "db", start: .seconds(20), duration: .seconds(10), ramp: .seconds(5), addedLatency: .constant(.ms(50))),
                FaultSpec(kind: .blackHole, target: "backend/1", start: .seconds(30), duration: .seconds(5)),
                FaultSpec(kind: .partition, target: "api", peer: "cache", start: .seconds(35), duration: .seconds(5)),
                FaultSpec(kind: .failFirst, target: "api", start: .seconds(40), duration: .seconds(5), errorClass: .throttled, count: 20),
                FaultSpec(kind: .spotPreemption, target: "backend", start: .seconds(5), duration: .seconds(45), restartAfter: .seconds(3), ratePerMinute: 6),
            ])
    }

    /// A closed-loop and an open-loop client -> front (LIFO, adaptive limit, priority
    /// shedding) -> store with hedges that are not cancelled, per-caller-instance policy,
    /// outlier ejection, network latency.
    static var hedged: WorldSpec {
        var toStore = ClientPipelineConfig()
        toStore.retry = retry(2, perTry: .ms(200))
        toStore.hedging = HedgingConfig(maxAttempts: 3, hedgeDelay: .ms(15), cancelLosers: false)
        toStore.ejectOutliers = true
        var toFront = ClientPipelineConfig()
        toFront.retry = retry(2, perTry: .ms(500), deadline: .seconds(1))
        return WorldSpec(
            duration: .seconds(60),
            services: [
                ServiceSpec(name: "front", instances: 2, concurrency: 4, queueCapacity: 20, queueDiscipline: .lifo,
                            serviceTime: .lognormal(median: .ms(3), p99: .ms(15)), startupTime: .seconds(2), warmupDuration: .seconds(5),
                            warmupMultiplier: 2, discoveryDelay: .seconds(1), calls: [.call(CallSpec(target: "store"))], policy: toFront,
                            entry: EntryPolicySpec(concurrencyLimitEnabled: true, concurrencyLimit: ConcurrencyLimitConfig(kind: .gradient2),
                                                   loadShedder: LoadShedderConfig(kind: .priority, maxQueueLength: 16))),
                ServiceSpec(name: "store", instances: 3, concurrency: 4, serviceTime: .lognormal(median: .ms(5), p99: .ms(80)),
                            loadLatency: LoadLatencySpec(kind: .polynomial, coefficient: 0.5, exponent: 2)),
            ],
            clients: [
                ClientSpec(name: "users", target: "front", mode: .closed, users: 40, thinkTime: .exponential(mean: .ms(200))),
                ClientSpec(name: "bulk", target: "front", rate: .constant(50), priorities: PriorityMix(percents: [50, 50])),
            ],
            edges: [EdgeSpec(from: "front", to: "store", policy: toStore, scope: .callerInstance)],
            network: NetworkSpec(latency: .lognormal(median: .us(500), p99: .ms(5))),
            faults: [
                FaultSpec(kind: .capacityLoss, target: "store", start: .seconds(10), duration: .seconds(15), latencyMultiplier: 2, capacityPercent: 50),
                FaultSpec(kind: .coldStart, target: "front", start: .seconds(30)),
                FaultSpec(kind: .latency, target: "store", start: .seconds(35), duration: .seconds(10), addedLatency: .uniform(low: .ms(20), high: .ms(60)),
                          condition: FaultConditionSpec(priorities: [1])),
                FaultSpec(kind: .errors, target: "front->store", start: .seconds(45), duration: .seconds(10), percent: 10, errorClass: .throttled),
            ])
    }

    /// Two regions: web (east) -> api (v1, v2) -> queue -> worker (west), and a west
    /// client straight to the worker; a bad release, a region outage, a surge, a
    /// region partition that fails fast, and a crash.
    static var regions: WorldSpec {
        var toWorker = ClientPipelineConfig()
        toWorker.retry = retry(2, perTry: .ms(300))
        var toApi = ClientPipelineConfig()
        toApi.retry = retry(3, perTry: .ms(250))
        toApi.retryBudget.kind = .ratio
        return WorldSpec(
            duration: .seconds(60),
            services: [
                ServiceSpec(name: "api", region: "east", instances: 2, concurrency: 8, serviceTime: .exponential(mean: .ms(4)),
                            calls: [.call(CallSpec(target: "queue"))], versions: [VersionSpec(name: "v1"), VersionSpec(name: "v2", instances: 1)],
                            policy: toApi),
                ServiceSpec(name: "queue", kind: .queue, region: "east", instances: 1, concurrency: 16, serviceTime: .constant(.ms(1)),
                            queue: QueueSpec(target: "worker", consumers: 4, capacity: 500, maxDeliveries: 3, redeliveryDelay: .ms(500))),
                ServiceSpec(name: "worker", region: "west", instances: 2, concurrency: 4, serviceTime: .exponential(mean: .ms(10)),
                            errors: ErrorRatesSpec(serverErrorPercent: 5), startupTime: .seconds(2), discoveryDelay: .seconds(1), policy: toWorker),
            ],
            clients: [
                ClientSpec(name: "web", target: "api", region: "east", rate: .constant(100), deadline: .seconds(1)),
                ClientSpec(name: "mobile", target: "worker", region: "west", rate: .constant(30)),
            ],
            network: NetworkSpec(latency: .constant(.us(200)), regions: [RegionLatencySpec(from: "east", to: "west", latency: .constant(.ms(20)))],
                                 partitionMode: .fail, connectFailureDelay: .ms(2)),
            faults: [
                FaultSpec(kind: .badRelease, target: "api@v2", start: .seconds(10), duration: .seconds(20), addedLatency: .constant(.ms(20)), percent: 40),
                FaultSpec(kind: .regionOutage, target: "region:west", start: .seconds(25), duration: .seconds(10)),
                FaultSpec(kind: .surge, target: "client:web", start: .seconds(30), duration: .seconds(15), ramp: .seconds(5), multiplier: 2),
                FaultSpec(kind: .partition, target: "region:east", peer: "region:west", start: .seconds(45), duration: .seconds(5)),
                FaultSpec(kind: .crash, target: "worker", start: .seconds(50), restartAfter: .seconds(5)),
            ])
    }
}
