/// Counters the model bumps on the hot path, by integer index (no hashing).
enum Counter: Int, CaseIterable {
    case offered, attempts, retries, hedges, successes, failures
    case failTimeout, failServerError, failOverloaded, failThrottled, failConnection, failClientError
    case shed, rejectedBreaker, rejectedLimiter, rejectedThrottle, rejectedBudget, rejectedQueueFull
    case fallbacks, wasted, goodput, deadLettered

    var metric: Metric {
        switch self {
        case .offered: .offered
        case .attempts: .attempts
        case .retries: .retries
        case .hedges: .hedges
        case .successes: .successes
        case .failures: .failures
        case .failTimeout: .failTimeout
        case .failServerError: .failServerError
        case .failOverloaded: .failOverloaded
        case .failThrottled: .failThrottled
        case .failConnection: .failConnection
        case .failClientError: .failClientError
        case .shed: .shed
        case .rejectedBreaker: .rejectedBreaker
        case .rejectedLimiter: .rejectedLimiter
        case .rejectedThrottle: .rejectedThrottle
        case .rejectedBudget: .rejectedBudget
        case .rejectedQueueFull: .rejectedQueueFull
        case .fallbacks: .fallbacks
        case .wasted: .wastedWork
        case .goodput: .goodput
        case .deadLettered: .deadLettered
        }
    }

    /// The failure counter for an outcome class (nil for success and local rejections,
    /// which have their own counters).
    static func failure(_ outcome: OutcomeClass) -> Counter? {
        switch outcome {
        case .success, .rejected: nil
        case .timeout: .failTimeout
        case .serverError: .failServerError
        case .overloaded: .failOverloaded
        case .throttled: .failThrottled
        case .connectionError: .failConnection
        case .clientError: .failClientError
        }
    }
}

/// Per-window recording of counters, latency percentiles and gauges.
///
/// Counters live in one flat array (entity x counter); latency in one
/// reusable histogram row per entity (`HistogramTable`). At each window close the derived metrics
/// are computed and appended to the series. Memory: windows x series.
struct Recorder {
    let windowWidth: SimTime
    let entities: [EntityName]
    let counts: GrowableTable<Double>
    let latencies: HistogramTable
    /// Which metrics each entity records, in output order.
    let metricsByEntity: [[Metric]]
    /// values[entity][position in metricsByEntity[entity]] = one value per closed window.
    var values: [[[Double]]]
    var events: [StateChangeEvent] = []
    var windowsClosed = 0
    /// When the current window began.
    var windowStart: SimTime = .zero
    /// Per entity: the entity whose counters and latency it repeats, or -1
    /// (see `mirror`).
    var mirrorSource: [Int32]
    static let counterCount = Counter.allCases.count

    init(windowWidth: SimTime, entities: [EntityName]) {
        self.windowWidth = windowWidth
        self.entities = entities
        counts = GrowableTable(repeating: 0, count: entities.count * Recorder.counterCount)
        latencies = HistogramTable(rows: entities.count)
        metricsByEntity = entities.map { Recorder.metrics(for: $0.kind) }
        values = metricsByEntity.map { $0.map { _ in [] } }
        mirrorSource = Array(repeating: -1, count: entities.count)
    }

    /// Makes `entity` repeat `source`'s counters and latency, for an entity
    /// that sees exactly the same requests (a service's only version). The
    /// request path then records `source` alone, and every reader goes
    /// through `dataEntity`: the series are identical, the work is halved.
    mutating func mirror(_ entity: Int32, of source: Int32) {
        mirrorSource[Int(entity)] = source
    }

    /// Where `entity`'s counters and latency are kept (itself unless it mirrors another).
    func dataEntity(_ entity: Int) -> Int {
        mirrorSource[entity] < 0 ? entity : Int(mirrorSource[entity])
    }

    /// The metrics recorded for each kind of entity.
    static func metrics(for kind: EntityName.Kind) -> [Metric] {
        let outcomes: [Metric] = [.offered, .successes, .failures, .failTimeout, .failServerError, .failOverloaded,
                                  .failThrottled, .failConnection, .failClientError, .successRatio]
        let latency: [Metric] = [.latencyMsP50, .latencyMsP90, .latencyMsP99, .latencyMsP999]
        switch kind {
        case .run:
            return outcomes + latency
        case .client:
            return outcomes + [.rejectedBreaker, .rejectedThrottle, .rejectedBudget, .rejectedLimiter] + latency + [.inFlight]
        case .edge:
            return outcomes + [.attempts, .retries, .hedges, .amplification, .rejectedBreaker, .rejectedThrottle,
                               .rejectedBudget, .rejectedLimiter] + latency + [.inFlight, .breakerState, .retryBudgetLevel]
        case .service:
            return outcomes + [.shed, .rejectedLimiter, .rejectedQueueFull, .fallbacks, .wastedWork, .goodput, .deadLettered] + latency
                + [.inFlight, .queueLength, .utilisation, .instancesUp, .concurrencyLimit]
        case .version:
            return outcomes + latency + [.weightPercent, .instancesUp]
        case .instance:
            return [.inFlight, .queueLength]
        }
    }

    @inline(__always) mutating func count(_ entity: Int32, _ counter: Counter, _ amount: Double = 1) {
        counts[Int(entity) * Recorder.counterCount + counter.rawValue] += amount
    }

    @inline(__always) mutating func latency(_ entity: Int32, _ duration: SimTime) {
        latencies.record(Int(entity), duration.ns)
    }

    /// Adds `entity`'s latency in the current window (its source's, for a
    /// mirror) to `sketch`, without copying the histogram.
    func addLatency(of entity: Int, to sketch: inout LatencySketch) {
        latencies.add(row: dataEntity(entity), to: &sketch)
    }

    /// Records an outcome: success or the failure class, plus latency for
    /// every outcome that got an answer (local rejections are not latency).
    @inline(__always) mutating func outcome(_ entity: Int32, _ outcome: OutcomeClass, latency duration: SimTime?) {
        if outcome == .success {
            count(entity, .successes)
        } else {
            count(entity, .failures)
            if let counter = Counter.failure(outcome) { count(entity, counter) }
        }
        if let duration { latency(entity, duration) }
    }

    mutating func log(_ event: StateChangeEvent) {
        events.append(event)
    }

    /// Closes the current window: derives ratios and percentiles, asks `gauge`
    /// for gauge metrics, appends one value per series and resets the counters.
    mutating func closeWindow(gauge: (Int, Metric) -> Double) {
        let quantiles = [0.5, 0.9, 0.99, 0.999]
        for entity in entities.indices {
            let data = dataEntity(entity)
            let base = data * Recorder.counterCount
            var percentiles: [Double?]? = nil
            for (position, metric) in metricsByEntity[entity].enumerated() {
                let value: Double
                switch metric {
                case .successRatio:
                    let successes = counts[base + Counter.successes.rawValue]
                    let finished = successes + counts[base + Counter.failures.rawValue]
                    value = finished > 0 ? successes / finished : .nan
                case .amplification:
                    let offered = counts[base + Counter.offered.rawValue]
                    value = offered > 0 ? counts[base + Counter.attempts.rawValue] / offered : .nan
                case .latencyMsP50, .latencyMsP90, .latencyMsP99, .latencyMsP999:
                    if percentiles == nil { percentiles = latencies.quantiles(data, quantiles) }
                    let index = metric == .latencyMsP50 ? 0 : metric == .latencyMsP90 ? 1 : metric == .latencyMsP99 ? 2 : 3
                    value = percentiles![index].map { $0 / 1e6 } ?? .nan
                default:
                    if let counter = Recorder.counter(for: metric) {
                        value = counts[base + counter.rawValue]
                    } else {
                        value = gauge(entity, metric)
                    }
                }
                values[entity][position].append(value)
            }
        }
        // Reset only once every entity is read: a mirror reads its source's histogram.
        latencies.reset()
        for index in counts.indices { counts[index] = 0 }
        windowsClosed += 1
    }

    static func counter(for metric: Metric) -> Counter? {
        Counter.allCases.first { $0.metric == metric }
    }

    /// The finished recording.
    func recording() -> Recording {
        var series: [MetricSeries] = []
        for entity in entities.indices {
            for (position, metric) in metricsByEntity[entity].enumerated() {
                series.append(MetricSeries(entity: entities[entity].text, metric: metric.rawValue, values: values[entity][position]))
            }
        }
        return Recording(windowWidth: windowWidth, windowCount: windowsClosed, series: series, events: events)
    }
}
