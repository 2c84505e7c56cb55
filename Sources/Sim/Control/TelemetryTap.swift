/// One source a controller watches (a recording entity: a version, a
/// service, an edge or a client) and the scrapes of it in flight or arrived.
///
/// Fed at every metrics-window close with the window's counters (the same
/// ones the recorder keeps, so telemetry and report agree on the truth); at
/// each scrape the interval's sums become a sample that arrives after the lag.
struct TelemetryTap {
    /// The recording entity read.
    let entity: Int32
    /// The service whose instances give utilisation and instance counts (-1: none).
    let service: Int32
    /// Whether latency is collected (it costs a pass over the histogram per window).
    let wantsLatency: Bool
    /// The scrape interval in progress.
    var pending = TelemetrySample()
    /// Scrapes not yet dropped, oldest first (in scrape order; arrival order
    /// may differ when the lag shrinks).
    var samples = RingDeque<TelemetrySample>(initialCapacity: 16)

    init(entity: Int32, service: Int32, wantsLatency: Bool) {
        self.entity = entity
        self.service = service
        self.wantsLatency = wantsLatency
    }

    /// Adds one metrics window's counters to the interval in progress (its
    /// latency goes straight into `pending.latency`: `Recorder.addLatency`).
    mutating func accumulate(requests: Double, errors: Double, busyArea: Double, capacityArea: Double) {
        pending.requests += requests
        pending.errors += errors
        pending.busyArea += busyArea
        pending.capacityArea += capacityArea
    }

    /// Ends the interval at `now`: keeps it as a sample arriving at
    /// `arrivesAt`, or drops it when `lost`; starts the next interval.
    mutating func scrape(now: SimTime, arrivesAt: SimTime, lost: Bool, instancesUp: Int, instancesProvisioned: Int) {
        var sample = pending
        pending = TelemetrySample()
        guard !lost else { return }
        sample.scrapedAt = now
        sample.arrivesAt = arrivesAt
        sample.instancesUp = instancesUp
        sample.instancesProvisioned = instancesProvisioned
        sample.latency.seal()
        samples.pushBack(sample)
    }

    /// The newest arrived sample's position, if any has arrived.
    func newestArrived(now: SimTime) -> Int? {
        var offset = samples.count - 1
        while offset >= 0 {
            if samples[offset].arrivesAt <= now { return offset }
            offset -= 1
        }
        return nil
    }

    /// What a decision at `now` sees: the arrived samples scraped in
    /// (newest - window, newest], and only those whose interval started at or
    /// after `notBefore`. Nil when nothing has arrived. Drops samples too old
    /// to be in any later window (the newest arrived only moves forward).
    mutating func observe(now: SimTime, window: SimTime, scrapeInterval: SimTime, notBefore: SimTime = .min) -> TelemetryObservation? {
        guard let newestOffset = newestArrived(now: now) else { return nil }
        let newest = samples[newestOffset]
        let from = max(newest.scrapedAt - window, notBefore.saturatingAdd(scrapeInterval) - .ns(1))
        while let first = samples.first, first.scrapedAt <= newest.scrapedAt - window { _ = samples.popFront() }
        var requests = 0.0, errors = 0.0, busy = 0.0, capacity = 0.0, count = 0
        var sketches: [LatencySketch] = []
        for offset in 0..<samples.count {
            let sample = samples[offset]
            guard sample.arrivesAt <= now, sample.scrapedAt > from, sample.scrapedAt <= newest.scrapedAt else { continue }
            requests += sample.requests
            errors += sample.errors
            busy += sample.busyArea
            capacity += sample.capacityArea
            count += 1
            if wantsLatency { sketches.append(sample.latency) }
        }
        let coveredSeconds = Double(count) * scrapeInterval.seconds
        let coveredFrom = max(newest.scrapedAt - window, notBefore)
        return TelemetryObservation(
            requests: requests, errors: errors,
            latencyP99: LatencySketch.quantile(0.99, of: sketches).map { SimTime(ns: Int64($0.rounded())) },
            utilisationPercent: capacity > 0 ? 100 * busy / capacity : .nan,
            requestRatePerSecond: coveredSeconds > 0 ? requests / coveredSeconds : .nan,
            instancesUp: newest.instancesUp, instancesProvisioned: newest.instancesProvisioned,
            samples: count, expectedSamples: Int(max(0, (newest.scrapedAt - coveredFrom).ns) / max(1, scrapeInterval.ns)),
            newestScrapeAt: newest.scrapedAt, coveredFrom: coveredFrom, staleness: now - newest.scrapedAt)
    }

    /// Hands every arrived, not yet consumed sample to `body` in scrape order
    /// (each once), then drops consumed samples older than `window` before the newest.
    mutating func consumeArrived(now: SimTime, window: SimTime, _ body: (TelemetrySample) -> Void) {
        for offset in 0..<samples.count where samples[offset].arrivesAt <= now && !samples[offset].consumed {
            body(samples[offset])
            samples[offset].consumed = true
        }
        guard let newest = newestArrived(now: now) else { return }
        let cutoff = samples[newest].scrapedAt - window
        while let first = samples.first, first.consumed, first.scrapedAt <= cutoff { _ = samples.popFront() }
    }
}

