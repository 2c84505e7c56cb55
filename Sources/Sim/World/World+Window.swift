/// Closing metric windows and finishing the recording.
extension World {
    /// The tick at a window's end (`handle` has closed the window by then):
    /// it makes sure every window closes on time even when nothing else happens.
    mutating func scheduleWindowClose(scheduler: inout Scheduler<Event>) {
        if scheduler.now + spec.window <= spec.duration {
            scheduler.schedule(.windowClose, after: spec.window)
        }
    }

    /// When a window starting at `start` closes: its end, or `.max` when that
    /// is after the run (the last, partial window closes in `finishRecording`).
    func closeTime(ofWindowStartingAt start: SimTime) -> SimTime {
        let end = start.saturatingAdd(spec.window)
        return end <= spec.duration ? end : .max
    }

    mutating func closeWindow(at now: SimTime) {
        let windowStart = recorder.windowStart
        // Gauges are read from the world first: the recorder cannot call back into it while it is being updated.
        let metricsByEntity = recorder.metricsByEntity
        let gauges: [[Double]] = metricsByEntity.indices.map { entity in
            metricsByEntity[entity].map { gauge(entity: Int32(entity), metric: $0, windowStart: windowStart, now: now) }
        }
        recorder.closeWindow { entity, metric in
            gauges[entity][metricsByEntity[entity].firstIndex(of: metric)!]
        }
        recorder.windowStart = now
        windowCloseAt = closeTime(ofWindowStartingAt: now)
        for i in instances.indices { instances[i].busyAreaAtWindowStart = instances[i].busy.totalArea(at: now) }
    }

    /// A gauge's value for an entity at the close of a window.
    func gauge(entity: Int32, metric: Metric, windowStart: SimTime, now: SimTime) -> Double {
        switch owners[Int(entity)] {
        case .run:
            return .nan
        case .client(let c):
            return metric == .inFlight ? Double(clients[c].inFlight) : .nan
        case .edge(let e):
            switch metric {
            case .inFlight: return Double(edges[e].inFlight)
            case .breakerState: return edges[e].pipelines.map(\.breakerStateCode).max() ?? 0
            case .retryBudgetLevel: return edges[e].pipelines.reduce(0) { $0 + $1.retryBudgetLevel } / Double(edges[e].pipelines.count)
            default: return .nan
            }
        case .service(let s):
            let hosts = services[s].hosts
            switch metric {
            case .inFlight: return Double(hosts.reduce(0) { $0 + instances[Int($1)].station.inSystem })
            case .queueLength:
                return Double(hosts.reduce(0) { $0 + instances[Int($1)].station.queueLength } + (services[s].broker?.depth ?? 0))
            case .utilisation:
                let (busyArea, capacity) = serviceBusyAndCapacity(s, windowStart: windowStart, now: now)
                return capacity > 0 ? busyArea / capacity : .nan
            case .instancesUp: return Double(hosts.filter { instances[Int($0)].state == .up }.count)
            case .concurrencyLimit:
                let limits = hosts.compactMap { limiters[Int($0)]?.limit }
                return limits.isEmpty ? .nan : Double(limits.reduce(0, +)) / Double(limits.count)
            default: return .nan
            }
        case .version(let v):
            switch metric {
            case .weightPercent:
                let s = Int(versions[v].service)
                guard let splitter = services[s].splitter else { return 100 }
                return splitter.weightsPercent[versions[v].position]
            case .instancesUp:
                return Double(services[Int(versions[v].service)].hosts.filter {
                    instances[Int($0)].version == Int32(v) && instances[Int($0)].state == .up
                }.count)
            default: return .nan
            }
        }
    }

    /// Closes the last (possibly partial) window and returns the recording.
    public mutating func finishRecording(at now: SimTime) -> Recording {
        if now > recorder.windowStart { closeWindow(at: now) }
        return recorder.recording()
    }
}

/// What a recording entity belongs to, for gauges.
enum EntityOwner {
    case run
    case client(Int)
    case edge(Int)
    case service(Int)
    case version(Int)
}
