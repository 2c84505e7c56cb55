/// Telemetry: what controllers see. At every metrics-window close each tap
/// takes the window's counters (the recorder's, before they reset); at each
/// scrape the interval's sums become a sample that arrives after the lag,
/// unless it is lost.
extension World {
    /// Called at every window close, before the recorder closes the window.
    mutating func scrapeTelemetry(now: SimTime) {
        guard !control.controllers.isEmpty else { return }
        let windowStart = recorder.windowStart
        for k in control.controllers.indices {
            for t in control.controllers[k].taps.indices {
                // Read the tap's fields one by one: copying the tap would make the append below copy its buffers.
                let entity = Int(control.controllers[k].taps[t].entity)
                let service = Int(control.controllers[k].taps[t].service)
                let wantsLatency = control.controllers[k].taps[t].wantsLatency
                let (requests, failures) = windowRequests(entity: Int32(entity))
                let (busy, capacity) = service >= 0 ? serviceBusyAndCapacity(service, windowStart: windowStart, now: now) : (0, 0)
                control.controllers[k].taps[t].accumulate(requests: requests, errors: failures, busyArea: busy, capacityArea: capacity)
                if wantsLatency { recorder.addLatency(of: entity, to: &control.controllers[k].taps[t].pending.latency) }
            }
            countCanaryExposure(k)
            if now >= control.controllers[k].nextScrapeAt { scrape(k, now: now) }
        }
    }

    /// Ends controller `k`'s scrape interval: each tap's sample is lost with
    /// the configured probability or arrives after the current lag.
    mutating func scrape(_ k: Int, now: SimTime) {
        let telemetry = control.controllers[k].spec.telemetry
        let arrivesAt = now.saturatingAdd(telemetryLag(k))
        for t in control.controllers[k].taps.indices {
            let lost = telemetry.lossPercent > 0 && control.controllers[k].random.chance(telemetry.lossPercent / 100)
            if lost { control.controllers[k].stats.scrapesLost += 1 }
            let service = Int(control.controllers[k].taps[t].service)
            let counts = service >= 0 ? instanceCounts(service: service) : (up: 0, provisioned: 0)
            control.controllers[k].taps[t].scrape(now: now, arrivesAt: arrivesAt, lost: lost, instancesUp: counts.up,
                                                   instancesProvisioned: counts.provisioned)
        }
        while control.controllers[k].nextScrapeAt <= now {
            control.controllers[k].nextScrapeAt = control.controllers[k].nextScrapeAt.saturatingAdd(telemetry.scrapeInterval)
        }
    }

    /// What controller `k` sees of its tap `t` at `now` (see `TelemetryTap.observe`).
    mutating func observe(_ k: Int, tap t: Int, now: SimTime, notBefore: SimTime = .min) -> TelemetryObservation? {
        let telemetry = control.controllers[k].spec.telemetry
        return control.controllers[k].taps[t].observe(now: now, window: telemetry.window, scrapeInterval: telemetry.scrapeInterval,
                                                      notBefore: notBefore)
    }

    /// Busy-server time and server time of service `s`'s ready instances over
    /// [windowStart, now] (utilisation = busy / capacity; the recorder's gauge too).
    /// Draining (scaled-in) instances take no new work and do not count.
    func serviceBusyAndCapacity(_ s: Int, windowStart: SimTime, now: SimTime) -> (busy: Double, capacity: Double) {
        let span = Double((now - windowStart).ns)
        var busyArea = 0.0, capacity = 0.0
        for host in services[s].hosts where instances[Int(host)].state == .up && !control.isRetired(Int(host)) {
            busyArea += instances[Int(host)].busy.totalArea(at: now) - instances[Int(host)].busyAreaAtWindowStart
            capacity += Double(instances[Int(host)].station.servers) * span
        }
        return (busyArea, capacity)
    }

    /// Instances of service `s` that are up, and that are provisioned (not scaled in).
    func instanceCounts(service s: Int) -> (up: Int, provisioned: Int) {
        var up = 0, provisioned = 0
        for host in services[s].hosts where !control.isRetired(Int(host)) {
            provisioned += 1
            if instances[Int(host)].state == .up { up += 1 }
        }
        return (up, provisioned)
    }
}
