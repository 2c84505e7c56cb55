/// A named benchmark workload: what `faultsim bench` runs and times.
///
/// Sim runs the simulation and counts; the CLI measures wall time and memory
/// around `run`, so no clock ever enters the simulator.
public struct BenchmarkWorkload: Sendable {
    public var name: String
    public var description: String
    /// Runs the workload at `scale` (customers or client requests) and returns what it simulated.
    public var run: @Sendable (_ scale: Int, _ seed: UInt64) -> BenchmarkCounts
    /// The scale used when the user gives none.
    public var defaultScale: Int

    public init(name: String, description: String, defaultScale: Int, run: @escaping @Sendable (Int, UInt64) -> BenchmarkCounts) {
        self.name = name
        self.description = description
        self.defaultScale = defaultScale
        self.run = run
    }
}

/// What a benchmark run simulated.
public struct BenchmarkCounts: Sendable, Equatable {
    /// Customers (station benchmark) or client requests (service-model benchmarks).
    public var requests: Int
    public var events: UInt64
    public var simulatedTime: SimTime
    public var stopReason: StopReason
}

extension BenchmarkWorkload {
    /// M/M/c with lambda 9/s, mu 1/s, c 10 (load 0.9): the kernel's own speed.
    public static let mmc = BenchmarkWorkload(
        name: "mmc",
        description: "M/M/c station, lambda 9/s, mu 1/s, c 10 (rho 0.9): event queue + RNG + station",
        defaultScale: 5_000_000
    ) { customers, seed in
        let config = StationModel.Config(
            arrivalRatePerSecond: 9,
            service: try! .exponential(mean: 1e9),
            servers: 10,
            customers: customers,
            batchSize: 1_000_000)
        var engine = try! StationModel.engine(config: config, seed: seed)
        let reason = engine.run()
        return BenchmarkCounts(requests: engine.model.departures, events: engine.eventsProcessed,
                               simulatedTime: engine.now, stopReason: reason)
    }

    /// Every workload `faultsim bench` knows, in the order it runs them.
    public static let all: [BenchmarkWorkload] = [.mmc, .threeTier]
}
