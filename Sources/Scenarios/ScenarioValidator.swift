import Sim

/// Checks that need the whole scenario: references between parts, dependency
/// cycles, fault targets, sizes and ranges. Every problem is collected.
public enum ScenarioValidator {
    /// Bounds on sizes a scenario may ask for (each a limit with a name in the message).
    public enum Bounds {
        public static let maxDuration = SimTime.hours(24 * 30)
        public static let maxWindows = 1_000_000
        public static let maxServices = 1_000
        public static let maxInstancesPerVersion = 10_000
        public static let maxConcurrency = 100_000
        public static let maxQueueCapacity = 10_000_000
        public static let maxUsers = 1_000_000
        public static let maxFaults = 10_000
        public static let maxControllers = 1_000
        /// Steps in a service's calls, and calls in one parallel step (a job
        /// counts both in 16 bits; real fan-outs are tens).
        public static let maxCallSteps = 1_000
        public static let maxParallelCalls = 1_000
    }

    public static func check(_ scenario: Scenario) -> [SpecIssue] {
        var context = Context(scenario: scenario)
        context.checkTop()
        context.checkServices()
        context.checkClients()
        context.checkEdges()
        context.checkNetwork()
        context.checkFaults()
        context.checkLimits()
        context.checkControllers()
        context.checkCycles()
        context.checkSLO()
        context.checkExpectations()
        return context.issues
    }

    struct Context {
        let scenario: Scenario
        var issues: [SpecIssue] = []
        let serviceNames: [String]
        let clientNames: [String]
        let regions: [String]

        init(scenario: Scenario) {
            self.scenario = scenario
            serviceNames = scenario.services.map(\.name)
            clientNames = scenario.clients.map(\.name)
            var seen: [String] = []
            for region in scenario.services.map(\.region) + scenario.clients.map(\.region) where !seen.contains(region) { seen.append(region) }
            regions = seen
        }

        mutating func report(_ path: JSONPath, _ message: String, waivedWhenSet: JSONPath? = nil) {
            issues.append(SpecIssue(path: path, position: .unknown, message: message, waivedWhenSet: waivedWhenSet))
        }

        /// Runs a config's own validation, reporting its field under `path`.
        mutating func validate(_ path: JSONPath, _ body: () throws(PolicyConfigError) -> Void) {
            do { try body() } catch {
                report(path.appending(JSONPath(dotted: error.field)), "expected \(error.expected), got \(error.got)")
            }
        }

        mutating func distribution(_ path: JSONPath, _ spec: DurationDistributionSpec) {
            do { _ = try spec.build() } catch {
                report(path.appending(JSONPath(dotted: error.parameter)), error.reason)
            }
        }

        mutating func range<T: Comparable>(_ path: JSONPath, _ value: T, _ bounds: ClosedRange<T>, _ what: String) {
            func text(_ v: T) -> String {
                // Whole doubles print without ".0": "0...100, got 150", as the integer checks do.
                if let d = v as? Double { return NumberFormat.trimmed(d, maxDecimals: 6) }
                return "\(v)"
            }
            if !bounds.contains(value) { report(path, "expected \(what) in \(text(bounds.lowerBound))...\(text(bounds.upperBound)), got \(text(value))") }
        }

        mutating func serviceReference(_ path: JSONPath, _ name: String) {
            if !serviceNames.contains(name) {
                report(path, "unknown service \"\(name)\"" + Suggest.hint(for: name, in: serviceNames))
            }
        }

        mutating func uniqueNames(_ path: JSONPath, _ names: [String], _ what: String) {
            for (index, name) in names.enumerated() {
                if name.isEmpty {
                    report(path.appending(index: index).appending(key: "name"), "a \(what) needs a name")
                } else if let first = names.firstIndex(of: name), first < index {
                    report(path.appending(index: index).appending(key: "name"), "duplicate \(what) \"\(name)\" (also \(path)[\(first)])")
                } else if name.contains(where: { ".,/@ \t\n:#".contains($0) }) || name.contains("->") {
                    report(path.appending(index: index).appending(key: "name"),
                           "\"\(name)\" cannot name a \(what): use letters, digits, - and _ (., /, @, :, # and -> have meanings in targets)")
                }
            }
        }

        mutating func checkTop() {
            if scenario.schemaVersion != ScenarioFormat.schemaVersion {
                report(["schemaVersion"], "this faultsim reads schemaVersion \(ScenarioFormat.schemaVersion), the file says \(scenario.schemaVersion)")
            }
            let durationValid = scenario.duration.ns > 0 && scenario.duration <= Bounds.maxDuration
            if !durationValid {
                report(["duration"], "expected a duration in (0s, \(Bounds.maxDuration.unitString)], got \(scenario.duration.unitString)")
            }
            // Window checks compare against the duration: only meaningful when it is valid.
            if scenario.window.ns <= 0 {
                report(["window"], "expected a duration > 0, got \(scenario.window.unitString)")
            } else if durationValid && scenario.window > scenario.duration {
                report(["window"], "the metrics window (\(scenario.window.unitString)) is longer than the run (\(scenario.duration.unitString))")
            } else if durationValid && scenario.duration.ns / scenario.window.ns > Int64(Bounds.maxWindows) {
                report(["window"], "\(scenario.duration.ns / scenario.window.ns) windows exceed the limit of \(Bounds.maxWindows); use a wider window")
            }
            if scenario.services.isEmpty { report(["services"], "a scenario needs at least one service") }
            if scenario.clients.isEmpty { report(["clients"], "a scenario needs at least one client") }
        }

        mutating func checkServices() {
            let services = scenario.services
            range(["services"], services.count, 0...Bounds.maxServices, "a number of services")
            uniqueNames(["services"], serviceNames, "service")
            for (s, service) in services.enumerated() {
                let path: JSONPath = ["services", .index(s)]
                range(path.appending(key: "instances"), service.instances, 0...Bounds.maxInstancesPerVersion, "instances")
                range(path.appending(key: "concurrency"), service.concurrency, 1...Bounds.maxConcurrency, "concurrency")
                range(path.appending(key: "queueCapacity"), service.queueCapacity, 0...Bounds.maxQueueCapacity, "a queue capacity")
                distribution(path.appending(key: "serviceTime"), service.serviceTime)
                checkErrors(path.appending(key: "errors"), service.errors)
                checkLoadLatency(path.appending(key: "loadLatency"), service.loadLatency)
                for (field, value) in [("startupTime", service.startupTime), ("warmupDuration", service.warmupDuration), ("discoveryDelay", service.discoveryDelay)]
                    where value.ns < 0 {
                    report(path.appending(key: field), "expected a duration >= 0, got \(value.unitString)")
                }
                range(path.appending(key: "warmupMultiplier"), service.warmupMultiplier, 0.01...1_000, "a multiplier")
                checkCalls(path.appending(key: "calls"), service.calls, caller: service.name)
                uniqueNames(path.appending(key: "versions"), service.versions.map(\.name), "version")
                for (v, version) in service.versions.enumerated() {
                    let versionPath = path.appending(key: "versions").appending(index: v)
                    if let instances = version.instances {
                        range(versionPath.appending(key: "instances"), instances, 0...Bounds.maxInstancesPerVersion, "instances")
                    }
                    if let time = version.serviceTime { distribution(versionPath.appending(key: "serviceTime"), time) }
                    if let errors = version.errors { checkErrors(versionPath.appending(key: "errors"), errors) }
                    if let latency = version.loadLatency { checkLoadLatency(versionPath.appending(key: "loadLatency"), latency) }
                    if let calls = version.calls { checkCalls(versionPath.appending(key: "calls"), calls, caller: service.name) }
                }
                if service.totalInstances == 0 { report(path.appending(key: "instances"), "service \"\(service.name)\" has no instances at all") }
                if let split = service.split { checkSplit(path.appending(key: "split"), split, of: service) }
                validate(path.appending(key: "policy")) { () throws(PolicyConfigError) in try service.policy.validate() }
                validate(path.appending(key: "entry").appending(key: "rateLimit")) { () throws(PolicyConfigError) in try service.entry.rateLimit.validate() }
                validate(path.appending(key: "entry").appending(key: "concurrencyLimit")) { () throws(PolicyConfigError) in try service.entry.concurrencyLimit.validate() }
                validate(path.appending(key: "entry").appending(key: "loadShedder")) { () throws(PolicyConfigError) in try service.entry.loadShedder.validate() }
                checkKindBlocks(path, service)
            }
        }

        mutating func checkKindBlocks(_ path: JSONPath, _ service: ServiceSpec) {
            if service.cache != nil && service.kind != .cache {
                report(path.appending(key: "cache"), "only a service of kind \"cache\" takes a cache block (this one is \"\(service.kind.rawValue)\")")
            }
            if service.queue != nil && service.kind != .queue {
                report(path.appending(key: "queue"), "only a service of kind \"queue\" takes a queue block (this one is \"\(service.kind.rawValue)\")")
            }
            if service.kind == .cache {
                let cache = service.cache ?? .defaultValue
                refuseUnreadFields(path.appending(key: "cache"), cache, noun: "cache", kindKey: "mode")
                range(path.appending(key: "cache").appending(key: "hitRatioPercent"), cache.hitRatioPercent, 0...100, "a percentage")
                range(path.appending(key: "cache").appending(key: "capacity"), cache.capacity, 1...100_000_000, "a capacity")
                if cache.ttl.ns <= 0 { report(path.appending(key: "cache").appending(key: "ttl"), "expected a duration > 0, got \(cache.ttl.unitString)") }
            }
            if service.kind == .queue {
                let queue = service.queue ?? .defaultValue
                let queuePath = path.appending(key: "queue")
                if queue.target.isEmpty {
                    report(queuePath.appending(key: "target"), "a queue needs the service its consumers deliver to")
                } else {
                    serviceReference(queuePath.appending(key: "target"), queue.target)
                }
                range(queuePath.appending(key: "consumers"), queue.consumers, 1...100_000, "consumers")
                range(queuePath.appending(key: "capacity"), queue.capacity, 1...Bounds.maxQueueCapacity, "a capacity")
                range(queuePath.appending(key: "maxDeliveries"), queue.maxDeliveries, 1...100, "deliveries")
                if queue.redeliveryDelay.ns < 0 { report(queuePath.appending(key: "redeliveryDelay"), "expected a duration >= 0") }
            }
        }

        mutating func checkErrors(_ path: JSONPath, _ errors: ErrorRatesSpec) {
            for (field, value) in [("serverErrorPercent", errors.serverErrorPercent), ("overloadedPercent", errors.overloadedPercent),
                                   ("throttledPercent", errors.throttledPercent), ("clientErrorPercent", errors.clientErrorPercent)] {
                range(path.appending(key: field), value, 0...100, "a percentage")
            }
            if errors.totalPercent > 100 { report(path, "error percentages add up to \(errors.totalPercent), more than 100") }
        }

        /// Refuses every field `spec`'s kind does not read (it would be silently
        /// ignored), unless the kind (`path.kindKey`) came from `--set`.
        mutating func refuseUnreadFields<Spec: KindFields>(_ path: JSONPath, _ spec: Spec, noun: String, kindKey: String = "kind",
                                                          note: (Spec.Field) -> String = { _ in "" }) {
            for (field, _) in spec.unreadFields {
                report(path.appending(key: field.rawValue), spec.unreadMessage(field, noun: noun) + note(field), waivedWhenSet: path.appending(key: kindKey))
            }
        }

        mutating func checkLoadLatency(_ path: JSONPath, _ spec: LoadLatencySpec) {
            refuseUnreadFields(path, spec, noun: "load-latency curve")
            range(path.appending(key: "coefficient"), spec.coefficient, 0...1_000, "a coefficient")
            range(path.appending(key: "exponent"), spec.exponent, 0...20, "an exponent")
            range(path.appending(key: "maxMultiplier"), spec.maxMultiplier, 1...10_000, "a multiplier")
        }

        mutating func checkCalls(_ path: JSONPath, _ steps: [CallStepSpec], caller: String) {
            range(path, steps.count, 0...ScenarioValidator.Bounds.maxCallSteps, "a number of steps")
            for (index, step) in steps.enumerated() {
                if step.calls.isEmpty { report(path.appending(index: index).appending(key: "parallel"), "a parallel step needs at least one call") }
                range(path.appending(index: index).appending(key: "parallel"), step.calls.count, 0...ScenarioValidator.Bounds.maxParallelCalls,
                      "a number of parallel calls")
                for (c, call) in step.calls.enumerated() {
                    let callPath = step.calls.count > 1 || steps[index].calls.count != 1
                        ? path.appending(index: index).appending(key: "parallel").appending(index: c) : path.appending(index: index)
                    if call.target == caller {
                        report(callPath.appending(key: "target"), "service \"\(caller)\" calls itself")
                    } else {
                        serviceReference(callPath.appending(key: "target"), call.target)
                    }
                    range(callPath.appending(key: "percent"), call.percent, 0...100, "a percentage")
                    if call.fallbackLatency.ns < 0 { report(callPath.appending(key: "fallbackLatency"), "expected a duration >= 0") }
                }
            }
        }

        mutating func checkClients() {
            uniqueNames(["clients"], clientNames, "client")
            for (c, client) in scenario.clients.enumerated() {
                let path: JSONPath = ["clients", .index(c)]
                if serviceNames.contains(client.name) {
                    report(path.appending(key: "name"), "\"\(client.name)\" is already a service name; clients and services share names in edges")
                }
                serviceReference(path.appending(key: "target"), client.target)
                validate(path.appending(key: "rate")) { () throws(PolicyConfigError) in try client.rate.validate() }
                refuseUnreadFields(path.appending(key: "rate"), client.rate, noun: "rate")
                validate(path.appending(key: "keys")) { () throws(PolicyConfigError) in try client.keys.validate() }
                validate(path.appending(key: "priorities")) { () throws(PolicyConfigError) in try client.priorities.validate() }
                if client.mode == .closed { range(path.appending(key: "users"), client.users, 1...Bounds.maxUsers, "users") }
                refuseUnreadFields(path, client, noun: "client", kindKey: "mode") { field in
                    field == .rate ? "; only rate.bursts is read in both modes" : "; set mode: \"closed\" for users who wait and think"
                }
                distribution(path.appending(key: "thinkTime"), client.thinkTime)
                checkAttributes(path.appending(key: "attributes"), client.attributes)
                if client.deadline.ns <= 0 { report(path.appending(key: "deadline"), "expected a duration > 0 (or \"never\"), got \(client.deadline.unitString)") }
            }
        }

        mutating func checkEdges() {
            var seen: [String] = []
            for (e, edge) in scenario.edges.enumerated() {
                let path: JSONPath = ["edges", .index(e)]
                if !serviceNames.contains(edge.from) && !clientNames.contains(edge.from) {
                    report(path.appending(key: "from"), "unknown client or service \"\(edge.from)\"" + Suggest.hint(for: edge.from, in: serviceNames + clientNames))
                }
                serviceReference(path.appending(key: "to"), edge.to)
                let key = "\(edge.from)->\(edge.to)"
                if seen.contains(key) { report(path, "duplicate edge \(key)") }
                seen.append(key)
                if serviceNames.contains(edge.to) && (serviceNames.contains(edge.from) || clientNames.contains(edge.from)) && !edgeIsUsed(edge) {
                    report(path, "\"\(edge.from)\" never calls \"\(edge.to)\", so this edge would do nothing")
                }
                validate(path.appending(key: "policy")) { () throws(PolicyConfigError) in try edge.policy.validate() }
                range(path.appending(key: "poolSize"), edge.poolSize, 0...1_000_000, "a pool size")
                if edge.poolMaxWait.ns < 0 { report(path.appending(key: "poolMaxWait"), "expected a duration >= 0") }
            }
        }

        func edgeIsUsed(_ edge: EdgeSpec) -> Bool {
            if let client = scenario.clients.first(where: { $0.name == edge.from }) { return client.target == edge.to }
            guard let service = scenario.services.first(where: { $0.name == edge.from }) else { return false }
            return ScenarioValidator.targets(of: service).contains(edge.to)
        }

        mutating func checkNetwork() {
            distribution(["network", "latency"], scenario.network.latency)
            for (r, pair) in scenario.network.regions.enumerated() {
                let path: JSONPath = ["network", "regions", .index(r)]
                for (field, region) in [("from", pair.from), ("to", pair.to)] where !regions.contains(region) {
                    report(path.appending(key: field), "no service or client is in region \"\(region)\"" + Suggest.hint(for: region, in: regions))
                }
                distribution(path.appending(key: "latency"), pair.latency)
            }
            if scenario.network.connectFailureDelay.ns < 0 { report(["network", "connectFailureDelay"], "expected a duration >= 0") }
        }

        mutating func checkLimits() {
            let limits = scenario.limits
            range(["limits", "maxEvents"], limits.maxEvents, 1_000...4_000_000_000_000, "an event limit")
            range(["limits", "maxInFlight"], limits.maxInFlight, 100...100_000_000, "an in-flight limit")
            range(["limits", "maxPendingEvents"], limits.maxPendingEvents, 1_000...100_000_000, "a pending-event limit")
            range(["limits", "maxAttemptsPerCall"], limits.maxAttemptsPerCall, 1...100, "attempts")
        }
    }

    /// Every service a service calls (any version), plus its queue's target.
    static func targets(of service: ServiceSpec) -> [String] {
        var names: [String] = []
        let allSteps = service.calls + service.versions.flatMap { $0.calls ?? [] }
        for step in allSteps { for call in step.calls where !names.contains(call.target) { names.append(call.target) } }
        if let queue = service.queue, !names.contains(queue.target) { names.append(queue.target) }
        return names
    }

}

