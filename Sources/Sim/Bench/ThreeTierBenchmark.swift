extension BenchmarkWorkload {
    /// The service-model benchmark: edge -> api -> (backend-a || backend-b), then
    /// cache -> db on a miss; retries with a budget and per-try timeouts, a
    /// breaker on every edge, power-of-two-choices load balancing, at about 70%
    /// load on the busiest tier. `scale` client requests.
    public static let threeTier = BenchmarkWorkload(
        name: "three-tier",
        description: "edge -> api -> 2 backends + cache -> db, retries + budgets + breakers + p2c, ~70% load",
        defaultScale: 2_000_000
    ) { requests, seed in
        let rateRps = 20_000.0
        let spec = threeTierSpec(rateRps: rateRps, duration: SimTime(seconds: Double(requests) / rateRps))
        let result = try! Simulation.run(spec, seed: seed)
        let offered = result.recording.series.first { $0.entity == "run" && $0.metric == Metric.offered.rawValue }!
        return BenchmarkCounts(requests: Int(offered.values.reduce(0, +)), events: result.eventsProcessed,
                               simulatedTime: result.simulatedTime, stopReason: result.stopReason)
    }

    /// The topology, sized so the busiest tier runs at about 70% utilisation.
    public static func threeTierSpec(rateRps: Double, duration: SimTime) -> WorldSpec {
        var policy = ClientPipelineConfig(order: [.retry, .breaker])
        policy.retry = RetryConfig(maxAttempts: 3, perTryTimeout: .ms(500), deadline: .seconds(2),
                                   backoff: BackoffConfig(kind: .exponential, base: .ms(10), multiplier: 2, cap: .ms(200), jitter: .full))
        policy.retryBudget.kind = .ratio
        policy.loadBalancer.kind = .powerOfTwoChoices
        // Instances per tier so that rate x slot-holding time / (instances x concurrency)
        // is about 0.7. A slot is held while the tier waits for its dependencies, so
        // holding time = own service time + the downstream chain's latency.
        func tier(_ name: String, _ kind: ServiceSpec.Kind = .service, meanMs: Double, holdMs: Double? = nil, concurrency: Int = 16,
                  calls: [CallStepSpec] = [], cache: CacheSpec? = nil) -> ServiceSpec {
            let busy = rateRps * (holdMs ?? meanMs) / 1_000
            let instances = max(1, Int((busy / (0.7 * Double(concurrency))).rounded(.up)))
            return ServiceSpec(name: name, kind: kind, instances: instances, concurrency: concurrency, queueCapacity: 512,
                               serviceTime: .exponential(mean: SimTime(seconds: meanMs / 1_000)), calls: calls, policy: policy, cache: cache)
        }
        return WorldSpec(
            duration: duration, window: .seconds(10),
            services: [
                // api holds 2 + max(4, 3) + cache (0.2 + 5% x 10) = 6.7 ms; edge 0.5 + that.
                tier("edge", meanMs: 0.5, holdMs: 7.5, calls: [.call(CallSpec(target: "api"))]),
                tier("api", meanMs: 2, holdMs: 7, calls: [.parallel([CallSpec(target: "backend-a"), CallSpec(target: "backend-b")]),
                                                .call(CallSpec(target: "cache"))]),
                tier("backend-a", meanMs: 4),
                tier("backend-b", meanMs: 3),
                tier("cache", .cache, meanMs: 0.2, holdMs: 0.7, calls: [.call(CallSpec(target: "db"))], cache: CacheSpec(hitRatioPercent: 95)),
                ServiceSpec(name: "db", kind: .database, instances: 2, concurrency: 32, queueCapacity: 512,
                            serviceTime: .exponential(mean: .ms(10)), policy: policy),
            ],
            clients: [ClientSpec(name: "users", target: "edge", rate: .constant(rateRps))],
            limits: LimitsSpec(maxEvents: 4_000_000_000_000))
    }
}
