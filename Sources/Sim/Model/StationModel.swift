/// An open single-station queueing network: Poisson arrivals at `arrivalRatePerSecond`
/// into a `servers`-server station with any service-time distribution (G/G/c
/// with exponential arrivals: M/M/c, M/D/1, M/G/1...).
///
/// It proves the kernel against queueing theory and is the benchmark's
/// workload; the service model's instances are built from the same `Station`.
public struct StationModel: SimulationModel {
    public enum Event: Equatable {
        case arrival
        /// A service completes for the job that arrived at `arrivedAt`.
        case departure(arrivedAt: SimTime)
    }

    public struct Config: Sendable {
        public var arrivalRatePerSecond: Double
        /// Service time in nanoseconds.
        public var service: Distribution
        public var servers: Int
        public var queueCapacity: Int
        public var discipline: QueueDiscipline
        /// Arrivals generated in total; afterwards the system drains.
        public var customers: Int
        /// Customers excluded from the wait statistics (initial transient).
        public var warmupCustomers: Int
        /// Customers per batch for the batch-means interval.
        public var batchSize: Int

        public init(arrivalRatePerSecond: Double, service: Distribution, servers: Int, queueCapacity: Int = Int.max,
                    discipline: QueueDiscipline = .fifo, customers: Int, warmupCustomers: Int = 0, batchSize: Int = 1_000) {
            self.arrivalRatePerSecond = arrivalRatePerSecond
            self.service = service
            self.servers = servers
            self.queueCapacity = queueCapacity
            self.discipline = discipline
            self.customers = customers
            self.warmupCustomers = warmupCustomers
            self.batchSize = batchSize
        }
    }

    public let config: Config
    public private(set) var station: Station<SimTime>
    let interArrival: Distribution
    var arrivalRandom: Xoshiro256StarStar
    var serviceRandom: Xoshiro256StarStar

    // Statistics.
    public private(set) var arrivals = 0
    public private(set) var rejected = 0
    public private(set) var departures = 0
    /// Waiting time in queue (seconds) per customer, as batch means.
    public private(set) var waitInQueue: BatchMeans
    /// Sum of all sojourn (arrival to departure) times, in seconds.
    public private(set) var totalSojournSeconds = 0.0
    /// Number in system over time.
    public private(set) var inSystem = TimeIntegral()

    public init(config: Config, seed: UInt64) throws(DistributionError) {
        self.config = config
        station = Station(servers: config.servers, queueCapacity: min(config.queueCapacity, Int(Int32.max)), discipline: config.discipline)
        interArrival = try .exponential(mean: 1e9 / config.arrivalRatePerSecond)
        let streams = RandomStreams(rootSeed: seed)
        arrivalRandom = streams.stream("station.arrivals")
        serviceRandom = streams.stream("station.service")
        waitInQueue = BatchMeans(warmup: config.warmupCustomers, batchSize: config.batchSize)
    }

    /// An engine with the first arrival scheduled.
    public static func engine(config: Config, seed: UInt64, limits: RunLimits = .default, tracing: Bool = false) throws(DistributionError) -> Engine<StationModel> {
        var model = try StationModel(config: config, seed: seed)
        let first = model.interArrival.sampleDuration(using: &model.arrivalRandom)
        var engine = Engine(model: model, limits: limits, tracing: tracing, reservingCapacity: 4 * config.servers + 16)
        engine.schedule(.arrival, at: first)
        return engine
    }

    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch event {
        case .arrival:
            arrivals += 1
            if arrivals < config.customers {
                scheduler.schedule(.arrival, after: interArrival.sampleDuration(using: &arrivalRandom))
            }
            switch station.arrive(now) {
            case .serve:
                inSystem.add(1, at: now)
                startService(arrivedAt: now, now: now, scheduler: &scheduler)
            case .queued:
                inSystem.add(1, at: now)
            case .rejected:
                rejected += 1
            }
        case .departure(let arrivedAt):
            departures += 1
            inSystem.add(-1, at: now)
            totalSojournSeconds += Double(now.ns - arrivedAt.ns) / 1e9
            if let next = station.complete() {
                startService(arrivedAt: next, now: now, scheduler: &scheduler)
            }
        }
    }

    mutating func startService(arrivedAt: SimTime, now: SimTime, scheduler: inout Scheduler<Event>) {
        waitInQueue.record(Double(now.ns - arrivedAt.ns) / 1e9)
        scheduler.schedule(.departure(arrivedAt: arrivedAt), after: config.service.sampleDuration(using: &serviceRandom))
    }

    public func traceCode(of event: Event) -> UInt64 {
        switch event {
        case .arrival: 1
        case .departure(let arrivedAt): 2 ^ (UInt64(bitPattern: arrivedAt.ns) << 2)
        }
    }
}
