import Testing
@testable import Sim

/// Tolerances for fault tests. Every bound is a two-sided 99.9% interval
/// derived from the sampling distribution of the measured quantity (never
/// tuned to a run), plus the latency histogram's relative error where a
/// percentile is read.
enum Tolerance {
    /// The standard normal's 99.95th percentile: two-sided 99.9%.
    static let z = 3.2905
    /// LogHistogram reports a bucket's midpoint: within 1/128 of the value (docs: at most 1%).
    static let histogram = 0.01

    /// Half-width for the share of `n` independent trials that each hit with probability `p`.
    static func share(_ p: Double, n: Double) -> Double { z * (p * (1 - p) / n).squareRoot() }

    /// Half-width for a Poisson count with mean `mean`.
    static func poisson(_ mean: Double) -> Double { z * mean.squareRoot() }

    /// Half-width for the mean over `windows` windows of the per-window sample
    /// median of a uniform(low, high) variable, `perWindow` samples each: a
    /// sample median's standard deviation is 1 / (2 f sqrt(n)) with density f = 1 / (high - low).
    static func uniformMedian(low: Double, high: Double, perWindow: Double, windows: Double) -> Double {
        z * (high - low) / (2 * (perWindow * windows).squareRoot())
    }
}

/// Small worlds for fault tests: constant service times and light load, so a
/// latency is exactly service time plus what a fault adds, and every failure
/// is the fault's doing.
enum FaultWorld {
    /// One attempt per call (no retries), an optional per-try timeout, no deadline.
    static func oneAttempt(timeout: SimTime = .max) -> ClientPipelineConfig {
        var policy = ClientPipelineConfig()
        policy.retry = RetryConfig(maxAttempts: 1, perTryTimeout: timeout, deadline: .max)
        return policy
    }

    /// "api": 2 instances x 16 slots, constant 10 ms. At 100 req/s that is 1 busy
    /// slot of 32 on average; P(more than 16 on one instance) is below 1e-15, so
    /// nothing queues.
    static func api(name: String = "api", instances: Int = 2, serviceTime: DurationDistributionSpec = .constant(.ms(10)),
                    kind: ServiceSpec.Kind = .service, region: String = "default", calls: [CallStepSpec] = [],
                    versions: [VersionSpec] = [], timeout: SimTime = .max) -> ServiceSpec {
        ServiceSpec(name: name, kind: kind, region: region, instances: instances, concurrency: 16, serviceTime: serviceTime,
                    startupTime: .seconds(1), discoveryDelay: .seconds(2), calls: calls, versions: versions,
                    policy: oneAttempt(timeout: timeout))
    }

    static func client(_ name: String = "web", target: String = "api", rateRps: Double = 100, region: String = "default",
                       keys: KeySpec = .defaultValue, priorities: PriorityMix = .defaultValue) -> ClientSpec {
        ClientSpec(name: name, target: target, region: region, rate: .constant(rateRps), keys: keys, priorities: priorities)
    }

    /// 60 s at 100 req/s against "api", with `faults`.
    static func spec(services: [ServiceSpec] = [api()], clients: [ClientSpec] = [client()], edges: [EdgeSpec] = [],
                     network: NetworkSpec = .defaultValue, faults: [FaultSpec], duration: SimTime = .seconds(60)) -> WorldSpec {
        WorldSpec(duration: duration, services: services, clients: clients, edges: edges, network: network, faults: faults)
    }

    static func run(_ spec: WorldSpec, seed: UInt64 = 1) throws -> Recording {
        let result = try Simulation.run(spec, seed: seed)
        #expect(result.stopReason == .reachedEndTime)
        return result.recording
    }
}

/// The usual fault span in these tests: windows [20, 40) of a 60 s run with 1 s windows.
enum Windows {
    static let before = 0..<20
    static let during = 20..<40
    static let after = 40..<60
}

extension Recording {
    /// Sum of a counter over a window range.
    func total(_ entity: String, _ metric: Metric, _ windows: Range<Int>) -> Double {
        total(entity, metric, from: windows.lowerBound, to: windows.upperBound)
    }

    /// Finished requests (successes + failures) over a window range.
    func finished(_ entity: String, _ windows: Range<Int>) -> Double {
        total(entity, .successes, windows) + total(entity, .failures, windows)
    }

    /// Mean over the windows of a per-window metric (percentiles, gauges), ignoring empty windows.
    func mean(_ entity: String, _ metric: Metric, _ windows: Range<Int>) -> Double {
        mean(entity, metric, from: windows.lowerBound, to: windows.upperBound)
    }

    /// Largest per-window value (ignoring NaN).
    func maximum(_ entity: String, _ metric: Metric, _ windows: Range<Int>) -> Double {
        series(entity, metric)[windows].filter { !$0.isNaN }.max() ?? .nan
    }

    /// Smallest per-window value (ignoring NaN).
    func minimum(_ entity: String, _ metric: Metric, _ windows: Range<Int>) -> Double {
        series(entity, metric)[windows].filter { !$0.isNaN }.min() ?? .nan
    }

    /// Instance state changes logged for `instance` (e.g. "instance:api/0"), as (time, to, cause).
    func instanceChanges(_ instance: String) -> [(time: SimTime, to: String, cause: String)] {
        events.filter { $0.category == .instance && $0.entity == instance }.map { ($0.time, $0.to, $0.cause) }
    }
}

/// Whether `value` is within `relative` of `expected`.
func close(_ value: Double, _ expected: Double, relative: Double) -> Bool {
    abs(value - expected) <= relative * abs(expected)
}
