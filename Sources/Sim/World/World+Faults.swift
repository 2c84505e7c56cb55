/// Faults: resolving their targets, switching them on and off, and asking,
/// for one request, which of them hit it.
extension World {
    /// What an active fault does to a request as it arrives.
    enum ArrivalFault {
        case none
        case blackHole
        case fail(OutcomeClass)
    }

    /// Resolves a fault's target (`api`, `api@v2`, `api/0`, `api->db`,
    /// `region:x`, `client:x`) into indices.
    func resolveFault(_ faultSpec: FaultSpec, index: Int32, serviceIndex: [String: Int32],
                      clientIndex: [String: Int32]) throws(WorldBuildError) -> FaultRuntime {
        if faultSpec.kind.actsOnControllers { return try resolveControlFault(faultSpec, index: index) }
        var fault = FaultRuntime(specBox: SpecBox(faultSpec), index: index)
        let path = "faults[\(index)].target"
        let target = faultSpec.target
        if target.hasPrefix("region:") {
            fault.region = String(target.dropFirst("region:".count))
        } else if target.hasPrefix("client:") {
            guard let client = clientIndex[String(target.dropFirst("client:".count))] else {
                throw WorldBuildError(path: path, message: "unknown client in \"\(target)\"")
            }
            fault.client = client
        } else if let arrow = target.firstRange(of: "->") {
            let from = String(target[..<arrow.lowerBound]), to = String(target[arrow.upperBound...])
            guard let edge = edges.firstIndex(where: { $0.spec.from == from && $0.spec.to == to }) else {
                throw WorldBuildError(path: path, message: "no calls from \"\(from)\" to \"\(to)\"")
            }
            fault.edge = Int32(edge)
            fault.service = edges[edge].callee
        } else if let at = target.firstIndex(of: "@") {
            guard let service = serviceIndex[String(target[..<at])] else {
                throw WorldBuildError(path: path, message: "unknown service in \"\(target)\"")
            }
            let name = String(target[target.index(after: at)...])
            guard let version = services[Int(service)].versions.first(where: { versions[Int($0)].name == name }) else {
                throw WorldBuildError(path: path, message: "service \"\(services[Int(service)].spec.name)\" has no version \"\(name)\"")
            }
            fault.service = service
            fault.version = version
        } else if let slash = target.firstIndex(of: "/") {
            guard let service = serviceIndex[String(target[..<slash])] else {
                throw WorldBuildError(path: path, message: "unknown service in \"\(target)\"")
            }
            let hosts = services[Int(service)].hosts
            guard let host = Int(target[target.index(after: slash)...]), hosts.indices.contains(host) else {
                throw WorldBuildError(path: path, message: "\"\(target)\" names no instance (the service has \(hosts.count), numbered from 0)")
            }
            fault.service = service
            fault.instance = hosts[host]
        } else if let service = serviceIndex[target] {
            fault.service = service
        } else {
            throw WorldBuildError(path: path, message: "unknown target \"\(target)\"")
        }
        if case .constant(let value) = faultSpec.addedLatency, value == .zero {
            fault.addedLatency = nil
        } else {
            do { fault.addedLatency = try faultSpec.addedLatency.build() } catch {
                throw WorldBuildError(path: "faults[\(index)].addedLatency.\(error.parameter)", message: error.reason)
            }
        }
        return fault
    }

    mutating func faultStarted(_ f: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        faults[f].active = true
        faults[f].remaining = faults[f].spec.count
        logFault(f, active: true, now: now)
        let fault = faults[f]
        switch fault.spec.kind {
        case .latency, .errors, .failFirst, .blackHole, .badRelease:
            services[Int(fault.service)].activeFaults.append(Int32(f))
        case .crash:
            for i in faultInstances(fault, limit: fault.instance >= 0 ? 1 : fault.spec.count) {
                crash(i, restartAfter: fault.spec.restartAfter, cause: "fault \(faultName(f))", scheduler: &scheduler)
            }
        case .coldStart:
            for i in faultInstances(fault, limit: Int.max) {
                crash(i, restartAfter: .zero, cause: "fault \(faultName(f)) (cold restart)", scheduler: &scheduler)
            }
        case .capacityLoss:
            for i in faultInstances(fault, limit: Int.max) { applyCapacityLosses(instance: i, now: now, scheduler: &scheduler) }
        case .partition:
            updatePartitions()
        case .regionOutage:
            for i in instances.indices where services[Int(instances[i].service)].spec.region == fault.region {
                crash(i, restartAfter: .max, cause: "fault \(faultName(f)) (region outage)", scheduler: &scheduler)
            }
        case .spotPreemption:
            schedulePreemption(f, scheduler: &scheduler)
        case .cacheFlush:
            flushCache(service: Int(fault.service), now: now)
        case .surge:
            break  // folded into the client's rate function when the world was built
        case .telemetryLag, .controlPlaneOutage:
            controlFaultChanged(f, now: now)
        }
    }

    mutating func faultEnded(_ f: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        faults[f].active = false
        logFault(f, active: false, now: now)
        let fault = faults[f]
        switch fault.spec.kind {
        case .latency, .errors, .failFirst, .blackHole, .badRelease:
            services[Int(fault.service)].activeFaults.removeAll { $0 == Int32(f) }
        case .capacityLoss:
            for i in faultInstances(fault, limit: Int.max) { applyCapacityLosses(instance: i, now: now, scheduler: &scheduler) }
        case .partition:
            updatePartitions()
        case .regionOutage:
            for i in instances.indices where services[Int(instances[i].service)].spec.region == fault.region && instances[i].state == .down {
                instanceRestart(i, life: instances[i].life, scheduler: &scheduler)
            }
        case .crash, .coldStart, .spotPreemption, .cacheFlush, .surge:
            break  // their effects end by themselves (restarts, refills)
        case .telemetryLag, .controlPlaneOutage:
            controlFaultChanged(f, now: now)
        }
    }

    /// The instances a fault acts on: the one named, or up to `limit` of the service's (or version's).
    func faultInstances(_ fault: FaultRuntime, limit: Int) -> [Int] {
        if fault.instance >= 0 { return [Int(fault.instance)] }
        guard fault.service >= 0 else { return [] }
        let hosts = services[Int(fault.service)].hosts.map(Int.init).filter {
            fault.version < 0 || instances[$0].version == fault.version
        }
        return Array(hosts.prefix(limit))
    }

    /// Sets instance `i`'s slots and slowdown from every active capacity loss
    /// covering it. Overlapping losses compound (slot shares and slowdowns
    /// multiply), and one ending leaves the others in force.
    mutating func applyCapacityLosses(instance i: Int, now: SimTime, scheduler: inout Scheduler<Event>) {
        var share = 1.0, slowdown = 1.0
        for fault in faults where fault.active && fault.spec.kind == .capacityLoss {
            let covers = fault.instance >= 0 ? fault.instance == Int32(i)
                : fault.service == instances[i].service && (fault.version < 0 || fault.version == instances[i].version)
            guard covers else { continue }
            share *= fault.spec.capacityPercent / 100
            slowdown *= fault.spec.latencyMultiplier
        }
        setServers(instance: i, Int((Double(instances[i].concurrency) * share).rounded(.up)), now: now, scheduler: &scheduler)
        instances[i].slowdown = slowdown
    }

    /// Kills instance `i`: its in-flight work fails, it restarts after `restartAfter`.
    mutating func crash(_ i: Int, restartAfter: SimTime, cause: String, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        guard instances[i].state != .down else { return }
        let wasUp = instances[i].state == .up
        instances[i].state = .down
        instances[i].life &+= 1
        let life = instances[i].life
        // Requests on the dead instance fail with a reset connection.
        for a in attempts.liveHandles() where attempts[a].instance == Int32(i) {
            switch attempts[a].phase {
            case .queued, .working, .calling:
                attempts[a].holdsSlot = false
                finishJob(a, .connectionError, didWork: false, scheduler: &scheduler)
            default:
                break
            }
        }
        let spec = services[Int(instances[i].service)].spec
        instances[i].station = Station(servers: instances[i].station.servers, queueCapacity: spec.queueCapacity, discipline: spec.queueDiscipline)
        instances[i].busy.set(0, at: now)
        logInstance(i, from: wasUp ? "up" : "starting", to: "down", cause: cause, now: now)
        if instanceRegistered[i] {
            scheduler.schedule(.discovery(instance: Int32(i), life: life), after: spec.discoveryDelay)
        }
        if restartAfter < .max {
            scheduler.schedule(.instanceRestart(instance: Int32(i), life: life), after: restartAfter)
        }
    }

    /// A crashed instance starts again; it takes traffic after its start-up time.
    /// Not while its region is out: the outage's end restarts it.
    mutating func instanceRestart(_ i: Int, life: UInt32, scheduler: inout Scheduler<Event>) {
        // A scaled-in instance stays down (a region coming back does not restart it).
        guard instances[i].life == life, instances[i].state == .down, !control.isRetired(i) else { return }
        let region = services[Int(instances[i].service)].spec.region
        guard !faults.contains(where: { $0.active && $0.spec.kind == .regionOutage && $0.region == region }) else { return }
        instances[i].state = .starting
        logInstance(i, from: "down", to: "starting", cause: "restart", now: scheduler.now)
        scheduler.schedule(.instanceReady(instance: Int32(i), life: life), after: services[Int(instances[i].service)].spec.startupTime)
    }

    mutating func instanceReady(_ i: Int, life: UInt32, scheduler: inout Scheduler<Event>) {
        guard instances[i].life == life, instances[i].state == .starting else { return }
        instances[i].state = .up
        setRegistered(i, true)
        instances[i].readySince = scheduler.now
        logInstance(i, from: "starting", to: "up", cause: "start-up complete", now: scheduler.now)
    }

    /// Discovery notices a dead instance and load balancers stop picking it.
    mutating func discoveryCaughtUp(_ i: Int, life: UInt32) {
        guard instances[i].life == life, instances[i].state != .up else { return }
        setRegistered(i, false)
    }

    /// Changes an instance's server count; waiting work pulled in starts now.
    mutating func setServers(instance i: Int, _ servers: Int, now: SimTime, scheduler: inout Scheduler<Event>) {
        startedScratch.removeAll(keepingCapacity: true)
        instances[i].station.setServers(servers, started: &startedScratch)
        let started = startedScratch
        for a in started { startWork(a, scheduler: &scheduler) }
        instances[i].busy.set(instances[i].station.busy, at: now)
    }

    /// Marks every edge whose two ends a partition separates.
    mutating func updatePartitions() {
        for e in edges.indices {
            let callerName: String, callerRegion: String
            switch edges[e].caller {
            case .client(let c):
                callerName = clients[Int(c)].spec.name
                callerRegion = clients[Int(c)].spec.region
            case .service(let s):
                callerName = services[Int(s)].spec.name
                callerRegion = services[Int(s)].spec.region
            }
            let callee = services[Int(edges[e].callee)].spec
            let cuts = faults.filter { fault in
                guard fault.active, fault.spec.kind == .partition else { return false }
                func side(_ label: String, _ name: String, _ region: String) -> Bool {
                    label == name || label == "region:\(region)"
                }
                return (side(fault.spec.target, callerName, callerRegion) && side(fault.spec.peer, callee.name, callee.region))
                    || (side(fault.spec.peer, callerName, callerRegion) && side(fault.spec.target, callee.name, callee.region))
            }
            edges[e].partitioned = !cuts.isEmpty
            // Overlapping partitions: calls hang if any of them hangs.
            edges[e].partitionHangs = cuts.contains { ($0.spec.partitionMode ?? spec.network.partitionMode) == .hang }
        }
    }

    mutating func schedulePreemption(_ f: Int, scheduler: inout Scheduler<Event>) {
        let meanSeconds = 60 / max(faults[f].spec.ratePerMinute, 1e-9)
        let wait = meanSeconds * UnitExponential.sample(using: &faultRandom)
        scheduler.schedule(.preempt(fault: Int32(f)), after: SimTime(seconds: wait))
    }

    /// A spot instance is reclaimed: a random live instance of the service dies.
    mutating func preempt(_ f: Int, scheduler: inout Scheduler<Event>) {
        guard faults[f].active else { return }
        let candidates = faultInstances(faults[f], limit: Int.max).filter { instances[$0].state != .down }
        if !candidates.isEmpty {
            let victim = candidates[Int(faultRandom.nextBelow(UInt64(candidates.count)))]
            crash(victim, restartAfter: faults[f].spec.restartAfter, cause: "fault \(faultName(f)) (spot preemption)", scheduler: &scheduler)
        }
        schedulePreemption(f, scheduler: &scheduler)
    }

    /// Whether active fault `f` applies to attempt `a`. (Read-only helpers on the
    /// request path are `mutating`: see `World`'s note on copies of `self`.)
    mutating func fault(_ f: Int, hits a: AttemptHandle) -> Bool {
        let fault = faults[f]
        if fault.version >= 0 && fault.version != attempts[a].version { return false }
        if fault.instance >= 0 && fault.instance != attempts[a].instance { return false }
        if fault.edge >= 0 && fault.edge != attempts[a].edge { return false }
        let condition = fault.spec.condition
        if condition.isUnconditional { return true }
        if !condition.version.isEmpty && versions[Int(attempts[a].version)].name != condition.version { return false }
        return condition.matches(key: attempts[a].key, priority: attempts[a].priority)
    }

    // The three per-request fault checks below test for an active fault inline and
    // leave the loop out of line: most requests meet none, and the loop's
    // set-up (the array's retain, the iterator) costs more than the test.
    @inline(__always) mutating func arrivalFault(_ a: AttemptHandle, service s: Int) -> ArrivalFault {
        services[s].activeFaults.isEmpty ? .none : activeArrivalFault(a, service: s)
    }

    @inline(never) mutating func activeArrivalFault(_ a: AttemptHandle, service s: Int) -> ArrivalFault {
        for f32 in services[s].activeFaults {
            let f = Int(f32)
            switch faults[f].spec.kind {
            case .blackHole where fault(f, hits: a):
                return .blackHole
            case .failFirst where faults[f].remaining > 0 && fault(f, hits: a):
                faults[f].remaining -= 1
                return .fail(faults[f].spec.errorClass)
            default:
                continue
            }
        }
        return .none
    }

    /// The latency multiplier and added latency from active faults.
    @inline(__always)
    mutating func latencyFaults(_ a: AttemptHandle, service s: Int, now: SimTime, random: inout SplitMix64) -> (Double, SimTime) {
        services[s].activeFaults.isEmpty ? (1, .zero) : activeLatencyFaults(a, service: s, now: now, random: &random)
    }

    @inline(never)
    mutating func activeLatencyFaults(_ a: AttemptHandle, service s: Int, now: SimTime, random: inout SplitMix64) -> (Double, SimTime) {
        var multiplier = 1.0
        var added = SimTime.zero
        for f32 in services[s].activeFaults {
            let f = Int(f32)
            let kind = faults[f].spec.kind
            guard kind == .latency || kind == .badRelease, fault(f, hits: a) else { continue }
            let strength = faults[f].strength(at: now)
            multiplier *= 1 + (faults[f].spec.latencyMultiplier - 1) * strength
            if let extra = faults[f].addedLatency {
                added += extra.sampleDuration(using: &random).scaled(by: strength)
            }
        }
        return (multiplier, added)
    }

    /// A failure from an active error fault or bad release, if one hits.
    @inline(__always)
    mutating func errorFaults(_ a: AttemptHandle, service s: Int, now: SimTime, random: inout SplitMix64) -> OutcomeClass? {
        services[s].activeFaults.isEmpty ? nil : activeErrorFaults(a, service: s, now: now, random: &random)
    }

    @inline(never)
    mutating func activeErrorFaults(_ a: AttemptHandle, service s: Int, now: SimTime, random: inout SplitMix64) -> OutcomeClass? {
        for f32 in services[s].activeFaults {
            let f = Int(f32)
            let kind = faults[f].spec.kind
            guard kind == .errors || kind == .badRelease, fault(f, hits: a) else { continue }
            if random.chance(faults[f].spec.percent / 100 * faults[f].strength(at: now)) {
                return faults[f].spec.errorClass
            }
        }
        return nil
    }

    func faultName(_ f: Int) -> String {
        faults[f].spec.name.isEmpty ? "\(faults[f].spec.kind.rawValue)#\(f)" : faults[f].spec.name
    }

    mutating func logFault(_ f: Int, active: Bool, now: SimTime) {
        let spec = faults[f].spec
        recorder.log(StateChangeEvent(time: now, entity: spec.target, category: .fault, from: active ? "inactive" : "active",
                                      to: active ? "active" : "inactive", cause: "\(faultName(f)): \(spec.kind.rawValue)"))
    }

    mutating func logInstance(_ i: Int, from: String, to: String, cause: String, now: SimTime) {
        let service = services[Int(instances[i].service)].spec.name
        recorder.log(StateChangeEvent(time: now, entity: EntityName.instance(service, Int(instances[i].host)).text,
                                      category: .instance, from: from, to: to, cause: cause))
    }

    mutating func logConcurrencyChange(instance i: Int, _ change: LimitChange, now: SimTime) {
        let service = services[Int(instances[i].service)].spec.name
        recorder.log(StateChangeEvent(time: now, entity: EntityName.instance(service, Int(instances[i].host)).text,
                                      category: .concurrencyLimit, from: "\(change.from)", to: "\(change.to)", cause: change.cause.rawValue))
    }
}
