extension World {
    /// Resolves names to indices and creates services, versions, instances,
    /// edges, clients and faults, and the recording entities.
    mutating func build() throws(WorldBuildError) {
        // An attempt's number is kept in 16 bits (`AttemptRecord.attemptNumber`).
        guard (1...Int(Int16.max)).contains(spec.limits.maxAttemptsPerCall) else {
            throw WorldBuildError(path: "limits.maxAttemptsPerCall",
                                  message: "expected 1...\(Int16.max), got \(spec.limits.maxAttemptsPerCall)")
        }
        var entities: [EntityName] = [.run]
        var owners: [EntityOwner] = [.run]
        func entity(_ name: EntityName, _ owner: EntityOwner) -> Int32 {
            entities.append(name)
            owners.append(owner)
            return Int32(entities.count - 1)
        }

        // Services first: everything else refers to them by index. Services,
        // edges and clients are collected here and sealed once complete.
        var serviceIndex: [String: Int32] = [:]
        var serviceList: [ServiceRuntime] = []
        var seedList: [UInt64] = []
        for (position, serviceSpec) in spec.services.enumerated() {
            guard serviceIndex[serviceSpec.name] == nil else {
                throw WorldBuildError(path: "services[\(position)].name", message: "duplicate service \"\(serviceSpec.name)\"")
            }
            serviceIndex[serviceSpec.name] = Int32(position)
            serviceList.append(ServiceRuntime(specBox: SpecBox(serviceSpec), index: Int32(position), entity: entity(.service(serviceSpec.name), .service(position)),
                                             warmsUp: serviceSpec.warmsUp, guardsEntry: serviceSpec.entry.isActive))
            unregisteredHosts.append(0)
            seedList.append(streams.seed(for: "service.\(serviceSpec.name).jobs"))
        }
        services = GrowableTable(serviceList)
        serviceSeeds = GrowableTable(seedList)
        let clientIndex = Dictionary(uniqueKeysWithValues: spec.clients.enumerated().map { ($1.name, Int32($0)) })

        // Edges: the explicit ones, then one default edge for every other caller/callee pair used.
        var edgeIndex: [String: Int32] = [:]
        var edgeList: [EdgeRuntime] = []
        var edgeRandomList: [Xoshiro256StarStar] = []
        func edgeKey(_ from: String, _ to: String) -> String { from + "\u{0}" + to }
        func addEdge(_ edgeSpec: EdgeSpec, path: String) throws(WorldBuildError) -> Int32 {
            guard let callee = serviceIndex[edgeSpec.to] else {
                throw WorldBuildError(path: "\(path).to", message: "unknown service \"\(edgeSpec.to)\"")
            }
            let caller: Caller
            let callerRegion: String
            let slots: Int
            if let service = serviceIndex[edgeSpec.from] {
                caller = .service(service)
                callerRegion = spec.services[Int(service)].region
                slots = edgeSpec.scope == .edge ? 1 : max(1, spec.services[Int(service)].totalInstances)
            } else if let client = clientIndex[edgeSpec.from] {
                caller = .client(client)
                callerRegion = spec.clients[Int(client)].region
                slots = 1
            } else {
                throw WorldBuildError(path: "\(path).from", message: "unknown client or service \"\(edgeSpec.from)\"")
            }
            let latencySpec = networkLatency(from: callerRegion, to: spec.services[Int(callee)].region)
            let latency: Distribution
            do { latency = try latencySpec.build() } catch {
                throw WorldBuildError(path: "network.latency.\(error.parameter)", message: error.reason)
            }
            let pipeline: ClientPipeline
            do { pipeline = try ClientPipeline(config: edgeSpec.policy) } catch {
                throw WorldBuildError(path: "\(path).policy.\(error.field)", message: "expected \(error.expected), got \(error.got)")
            }
            let index = Int32(edgeList.count)
            edgeList.append(EdgeRuntime(
                specBox: SpecBox(edgeSpec), poolSize: edgeSpec.poolSize, cancelOnTimeout: edgeSpec.cancelOnTimeout,
                hedging: edgeSpec.policy.hedging.maxAttempts > 1, cancelsLosers: pipeline.cancelsLosers,
                perTryTimeout: pipeline.config.retry.perTryTimeout,
                caller: caller, callee: callee, entity: entity(.edge(edgeSpec.from, edgeSpec.to), .edge(edgeList.count)),
                pipelines: GrowableTable(repeating: pipeline, count: slots), poolActive: GrowableTable(repeating: 0, count: slots),
                poolWaiting: GrowableTable((0..<slots).map { _ in RingDeque<AttemptHandle>(initialCapacity: 16) }),
                latency: latency, latencyIsZero: latencySpec == .constant(.zero)))
            edgeRandomList.append(streams.stream("edge.\(edgeSpec.from)->\(edgeSpec.to)"))
            edgeIndex[edgeKey(edgeSpec.from, edgeSpec.to)] = index
            return index
        }
        for (position, edgeSpec) in spec.edges.enumerated() {
            guard edgeIndex[edgeKey(edgeSpec.from, edgeSpec.to)] == nil else {
                throw WorldBuildError(path: "edges[\(position)]", message: "duplicate edge \(edgeSpec.from) -> \(edgeSpec.to)")
            }
            _ = try addEdge(edgeSpec, path: "edges[\(position)]")
        }
        func edge(from: String, to: String, path: String) throws(WorldBuildError) -> Int32 {
            if let existing = edgeIndex[edgeKey(from, to)] { return existing }
            // Unlisted edges use the callee's policy (how everyone calls it).
            let calleePolicy = serviceIndex[to].map { spec.services[Int($0)].policy } ?? .edgeDefault
            return try addEdge(EdgeSpec(from: from, to: to, policy: calleePolicy), path: path)
        }

        // Versions and instances. Versions are sealed again after each
        // service's (a few copies at build time): the entry policies read them.
        var versionList: [VersionRuntime] = []
        for s in services.indices {
            let serviceSpec = services[s].spec
            let versionSpecs = serviceSpec.versions.isEmpty ? [VersionSpec(name: "v1")] : serviceSpec.versions
            for (position, versionSpec) in versionSpecs.enumerated() {
                let path = "services[\(s)].versions[\(position)]"
                let stepsSpec = versionSpec.calls ?? serviceSpec.calls
                var steps: [[ResolvedCall]] = []
                // A job counts its step and its pending calls in 16 bits (`AttemptRecord`).
                guard stepsSpec.count < Int(Int16.max), stepsSpec.allSatisfy({ $0.calls.count < Int(Int16.max) }) else {
                    throw WorldBuildError(path: versionSpec.calls == nil ? "services[\(s)].calls" : "\(path).calls",
                                          message: "expected fewer than \(Int16.max) steps and calls per step")
                }
                for (stepIndex, step) in stepsSpec.enumerated() {
                    var resolved: [ResolvedCall] = []
                    for (callIndex, call) in step.calls.enumerated() {
                        let callPath = "services[\(s)].calls[\(stepIndex)]" + (step.calls.count > 1 ? ".parallel[\(callIndex)]" : "")
                        guard serviceIndex[call.target] != nil else {
                            throw WorldBuildError(path: "\(callPath).target", message: "unknown service \"\(call.target)\"")
                        }
                        resolved.append(ResolvedCall(edge: try edge(from: serviceSpec.name, to: call.target, path: callPath),
                                                     required: call.required, fallbackLatency: call.fallbackLatency,
                                                     probability: call.percent / 100))
                    }
                    steps.append(resolved)
                }
                let serviceTime: Distribution
                do { serviceTime = try (versionSpec.serviceTime ?? serviceSpec.serviceTime).build() } catch {
                    throw WorldBuildError(path: "\(path).serviceTime.\(error.parameter)", message: error.reason)
                }
                let versionIndex = Int32(versionList.count)
                versionList.append(VersionRuntime(
                    name: versionSpec.name, service: Int32(s), entity: entity(.version(serviceSpec.name, versionSpec.name), .version(versionList.count)),
                    serviceTime: serviceTime, loadLatency: versionSpec.loadLatency ?? serviceSpec.loadLatency,
                    errors: versionSpec.errors ?? serviceSpec.errors, steps: steps, position: position,
                    propagatesDeadline: serviceSpec.deadlines == .propagate))
                services[s].versions.append(versionIndex)
                for _ in 0..<(versionSpec.instances ?? serviceSpec.instances) {
                    addInstance(service: Int32(s), version: versionIndex, ready: true)
                }
            }
            versions = GrowableTable(versionList)
            try buildEntryPolicies(service: s)
            if serviceSpec.kind == .queue {
                let queueSpec = serviceSpec.queue ?? .defaultValue
                guard serviceIndex[queueSpec.target] != nil else {
                    throw WorldBuildError(path: "services[\(s)].queue.target", message: "unknown service \"\(queueSpec.target)\"")
                }
                let delivery = try edge(from: serviceSpec.name, to: queueSpec.target, path: "services[\(s)].queue")
                services[s].broker = BrokerState(spec: queueSpec, edge: delivery)
            }
        }

        // Clients.
        var clientList: [ClientRuntime] = []
        for (position, clientSpec) in spec.clients.enumerated() {
            guard let target = serviceIndex[clientSpec.target] else {
                throw WorldBuildError(path: "clients[\(position)].target", message: "unknown service \"\(clientSpec.target)\"")
            }
            let clientEdge = try edge(from: clientSpec.name, to: clientSpec.target, path: "clients[\(position)]")
            clientList.append(try ClientRuntime(spec: clientSpec, index: Int32(position), target: target, edge: clientEdge,
                                             entity: entity(.client(clientSpec.name), .client(position)), streams: streams,
                                             surges: spec.faults.filter { $0.kind == .surge && $0.target == "client:\(clientSpec.name)" },
                                             duration: spec.duration))
        }

        // Controllers that route a client across services need its edge to each (World+Control).
        for (position, controllerSpec) in spec.controllers.enumerated() {
            guard let clientName = controllerSpec.targetClient, clientIndex[clientName] != nil else { continue }
            for service in controllerSpec.routedServices {
                _ = try edge(from: clientName, to: service, path: "controllers[\(position)]")
            }
        }
        clients = GrowableTable(clientList)
        edges = GrowableTable(edgeList)
        edgeRandom = GrowableTable(edgeRandomList)

        // Faults.
        for (position, faultSpec) in spec.faults.enumerated() {
            faults.append(try resolveFault(faultSpec, index: Int32(position), serviceIndex: serviceIndex, clientIndex: clientIndex))
        }

        recorder = Recorder(windowWidth: spec.window, entities: entities)
        for s in services.indices where services[s].versions.count == 1 {
            let v = Int(services[s].versions[0])
            versions[v].mirrorsService = true
            recorder.mirror(versions[v].entity, of: services[s].entity)
        }
        if clients.count == 1 {
            // The run's metrics (outcomes, latency) are the client's own.
            runMirrorsClient = true
            recorder.mirror(runEntity, of: clients[0].entity)
        }
        self.owners = owners
        try buildControllers(serviceIndex: serviceIndex, clientIndex: clientIndex)
    }

    /// The one-way latency between two regions.
    func networkLatency(from: String, to: String) -> DurationDistributionSpec {
        if from == to { return spec.network.latency }
        return spec.network.regions.first { ($0.from == from && $0.to == to) || ($0.from == to && $0.to == from) }?.latency
            ?? spec.network.latency
    }

    /// Lists or delists instance `i` in service discovery.
    mutating func setRegistered(_ i: Int, _ registered: Bool) {
        guard instanceRegistered[i] != registered else { return }
        instanceRegistered[i] = registered
        unregisteredHosts[Int(instances[i].service)] += registered ? -1 : 1
    }

    /// Every host of service `s` can be picked for a new attempt: all listed, one version.
    func allHostsEligible(service s: Int) -> Bool {
        unregisteredHosts[s] == 0 && services[s].versions.count == 1
    }

    /// Adds an instance of `version` (at build time ready at once; later ones start cold).
    @discardableResult
    mutating func addInstance(service: Int32, version: Int32, ready: Bool) -> Int32 {
        let serviceSpec = services[Int(service)].spec
        let index = Int32(instances.count)
        instances.append(InstanceRuntime(
            service: service, version: version, host: Int32(services[Int(service)].hosts.count),
            station: Station(servers: serviceSpec.concurrency, queueCapacity: serviceSpec.queueCapacity, discipline: serviceSpec.queueDiscipline),
            state: ready ? .up : .starting, readySince: ready ? .min : .max, concurrency: serviceSpec.concurrency))
        services[Int(service)].hosts.append(index)
        limiters.append(nil)
        shedders.append(nil)
        instanceRegistered.append(ready)
        if !ready { unregisteredHosts[Int(service)] += 1 }
        instanceVersion.append(version)
        return index
    }

    /// Schedules what starts the run: arrivals, bursts, users, faults, windows.
    mutating func prime(_ scheduler: inout Scheduler<Event>) {
        for c in clients.indices { primeClient(Int32(c), &scheduler) }
        for f in faults.indices {
            // Surges act through the client's rate (folded in at build time); their events only log them.
            let faultSpec = faults[f].spec
            scheduler.schedule(.faultStart(Int32(f)), at: faultSpec.start)
            if faultSpec.end < .max { scheduler.schedule(.faultEnd(Int32(f)), at: faultSpec.end) }
        }
        for e in edges.indices where edges[e].pipelines[0].needsOutlierSweeps {
            scheduler.schedule(.outlierSweep(edge: Int32(e)), after: edges[e].pipelines[0].outlierSweepInterval)
        }
        scheduler.schedule(.windowClose, after: spec.window)
        primeControllers(&scheduler)
    }

    /// A ready-to-run engine for `spec` and `seed`, bounded by the spec's limits.
    public static func engine(spec: WorldSpec, seed: UInt64, trace: TraceDigest? = nil) throws(WorldBuildError) -> Engine<World> {
        let world = try World(spec: spec, seed: seed)
        let limits = RunLimits(maxEvents: UInt64(spec.limits.maxEvents), maxSimTime: spec.duration.saturatingAdd(.ns(1)),
                               maxPendingEvents: spec.limits.maxPendingEvents)
        var engine = Engine(model: world, limits: limits, reservingCapacity: 4096)
        engine.trace = trace
        engine.model.prime(&engine.scheduler)
        return engine
    }
}
