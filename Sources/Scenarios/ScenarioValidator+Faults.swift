import Sim

extension ScenarioValidator.Context {
    /// What a fault target names.
    enum Target: Equatable {
        case service(String), version(String, String), instance(String, Int), edge(String, String), region(String), client(String)
        /// `controller:NAME`, or every controller (`controllers`, name empty).
        case controller(String)
        case invalid(String)
    }

    func parseTarget(_ text: String) -> Target {
        if text.hasPrefix("region:") { return .region(String(text.dropFirst(7))) }
        if text.hasPrefix("client:") { return .client(String(text.dropFirst(7))) }
        if text == "controllers" { return .controller("") }
        if text.hasPrefix("controller:") { return .controller(String(text.dropFirst(11))) }
        if let arrow = text.range(of: "->") { return .edge(String(text[..<arrow.lowerBound]), String(text[arrow.upperBound...])) }
        if let at = text.firstIndex(of: "@") { return .version(String(text[..<at]), String(text[text.index(after: at)...])) }
        if let slash = text.firstIndex(of: "/") {
            guard let index = Int(text[text.index(after: slash)...]) else { return .invalid("\"\(text)\": the part after / must be an instance number") }
            return .instance(String(text[..<slash]), index)
        }
        return text.isEmpty ? .invalid("a fault needs a target") : .service(text)
    }

    mutating func checkFaults() {
        let faults = scenario.faults
        range(["faults"], faults.count, 0...ScenarioValidator.Bounds.maxFaults, "a number of faults")
        for (f, fault) in faults.enumerated() {
            let path: JSONPath = ["faults", .index(f)]
            checkTarget(path.appending(key: "target"), fault)
            if fault.start.ns < 0 || fault.start >= scenario.duration {
                report(path.appending(key: "start"), "the fault starts at \(fault.start.unitString), outside the run (0s to \(scenario.duration.unitString))")
            }
            if fault.duration.ns <= 0 { report(path.appending(key: "duration"), "expected a duration > 0 (or \"never\" to last until the end), got \(fault.duration.unitString)") }
            if fault.ramp.ns < 0 { report(path.appending(key: "ramp"), "expected a duration >= 0") }
            range(path.appending(key: "percent"), fault.percent, 0...100, "a percentage")
            range(path.appending(key: "capacityPercent"), fault.capacityPercent, 0...100, "a percentage")
            range(path.appending(key: "latencyMultiplier"), fault.latencyMultiplier, 0.000001...100_000, "a multiplier")
            range(path.appending(key: "multiplier"), fault.multiplier, 0...10_000, "a multiplier")
            range(path.appending(key: "count"), fault.count, 1...100_000_000, "a count")
            if fault.kind == .spotPreemption { range(path.appending(key: "ratePerMinute"), fault.ratePerMinute, 0.000001...100_000, "a rate") }
            if fault.restartAfter.ns < 0 { report(path.appending(key: "restartAfter"), "expected a duration >= 0 (or \"never\")") }
            distribution(path.appending(key: "addedLatency"), fault.addedLatency)
            if fault.errorClass == .success || fault.errorClass == .rejected {
                report(path.appending(key: "errorClass"), "a fault's error class must be a failure a server returns, not \"\(fault.errorClass.rawValue)\"")
            }
            checkCondition(path.appending(key: "condition"), fault, service: serviceOf(fault.target))
            if fault.kind == .surge { checkSurge(path, fault) }
            // `percent` on a latency fault, or `multiplier` meant as `latencyMultiplier`, would do nothing.
            refuseUnreadFields(path, fault, noun: "fault") { field in
                let kinds = FaultSpec.Kind.allCases.filter { $0.reads(field) }.map(\.rawValue)
                return "; only " + kinds.joined(separator: ", ") + (kinds.count == 1 ? " does" : " do")
            }
        }
    }

    /// Which kinds of target each fault kind accepts.
    mutating func checkTarget(_ path: JSONPath, _ fault: FaultSpec) {
        let target = parseTarget(fault.target)
        let kind = fault.kind
        func wrong(_ expected: String) { report(path, "\(KindName.withArticle(kind.rawValue)) fault targets \(expected), got \"\(fault.target)\"") }
        switch target {
        case .invalid(let message):
            report(path, message)
            return
        case .service(let name), .version(let name, _), .instance(let name, _):
            serviceReference(path, name)
        case .edge(let from, let to):
            if !(serviceNames + clientNames).contains(from) {
                report(path, "unknown caller \"\(from)\" in \"\(fault.target)\"" + Suggest.hint(for: from, in: serviceNames + clientNames))
            }
            serviceReference(path, to)
        case .region(let region):
            if !regions.contains(region) { report(path, "no service or client is in region \"\(region)\"" + Suggest.hint(for: region, in: regions)) }
        case .client(let name):
            if !clientNames.contains(name) { report(path, "unknown client \"\(name)\"" + Suggest.hint(for: name, in: clientNames)) }
        case .controller(let name):
            let names = scenario.controllers.map(\.name)
            if !name.isEmpty && !names.contains(name) { report(path, "unknown controller \"\(name)\"" + Suggest.hint(for: name, in: names)) }
        }
        if case .version(let service, let version) = target, let spec = scenario.services.first(where: { $0.name == service }) {
            let names = spec.versions.isEmpty ? ["v1"] : spec.versions.map(\.name)
            if !names.contains(version) { report(path, "service \"\(service)\" has no version \"\(version)\"" + Suggest.hint(for: version, in: names)) }
        }
        if case .instance(let service, let index) = target, let spec = scenario.services.first(where: { $0.name == service }) {
            let count = spec.totalInstances
            if index < 0 || index >= count { report(path, "\"\(fault.target)\" names no instance: \(service) has \(count), numbered from 0") }
        }
        switch (kind, target) {
        case (.latency, .service), (.latency, .version), (.latency, .instance), (.latency, .edge),
             (.errors, .service), (.errors, .version), (.errors, .instance), (.errors, .edge),
             (.failFirst, .service), (.failFirst, .version), (.failFirst, .instance), (.failFirst, .edge),
             (.blackHole, .service), (.blackHole, .version), (.blackHole, .instance), (.blackHole, .edge):
            break
        case (.latency, _), (.errors, _), (.failFirst, _), (.blackHole, _):
            wrong("a service, version (svc@v), instance (svc/0) or edge (a->b)")
        case (.crash, .service), (.crash, .version), (.crash, .instance), (.capacityLoss, .service), (.capacityLoss, .version),
             (.capacityLoss, .instance), (.coldStart, .service), (.coldStart, .version), (.coldStart, .instance),
             (.spotPreemption, .service), (.spotPreemption, .version):
            break
        case (.crash, _), (.capacityLoss, _), (.coldStart, _):
            wrong("a service, version (svc@v) or instance (svc/0)")
        case (.spotPreemption, _):
            wrong("a service or version (svc@v)")
        case (.badRelease, .version):
            break
        case (.badRelease, _):
            wrong("one version of a service (svc@v)")
        case (.surge, .client):
            break  // which clients and requests it may multiply: checkSurge
        case (.surge, _):
            wrong("a client (client:name)")
        case (.regionOutage, .region):
            break
        case (.regionOutage, _):
            wrong("a region (region:name)")
        case (.cacheFlush, .service(let name)):
            if scenario.services.first(where: { $0.name == name })?.kind != .cache { wrong("a service of kind \"cache\"") }
        case (.cacheFlush, _):
            wrong("a service of kind \"cache\"")
        case (.partition, .service), (.partition, .region):
            let peer = parseTarget(fault.peer)
            switch peer {
            case .service(let name): serviceReference(path.parent.appending(key: "peer"), name)
            case .region(let region):
                if !regions.contains(region) { report(path.parent.appending(key: "peer"), "no service or client is in region \"\(region)\"") }
            default:
                report(path.parent.appending(key: "peer"), "a partition separates two services or regions (region:name); got \"\(fault.peer)\"")
            }
        case (.partition, _):
            wrong("a service or region (region:name), with the other side in \"peer\"")
        case (.telemetryLag, .controller), (.controlPlaneOutage, .controller):
            break
        case (.telemetryLag, _), (.controlPlaneOutage, _):
            wrong("every controller (\"controllers\") or one (controller:name)")
        }
        if kind == .telemetryLag {
            if case .constant(let lag) = fault.addedLatency, lag.ns > 0 {} else {
                report(path.parent.appending(key: "addedLatency"), "a telemetryLag fault adds a constant lag > 0 (e.g. \"30s\")")
            }
        }
    }

    func serviceOf(_ target: String) -> ServiceSpec? {
        switch parseTarget(target) {
        case .service(let name), .version(let name, _), .instance(let name, _), .edge(_, let name):
            return scenario.services.first { $0.name == name }
        default:
            return nil
        }
    }

    mutating func checkCondition(_ path: JSONPath, _ fault: FaultSpec, service: ServiceSpec?) {
        let condition = fault.condition
        guard fault.kind.reads(.condition) else { return }  // refused by refuseUnreadFields
        if condition.keyFrom < 0 { report(path.appending(key: "keyFrom"), "expected a key >= 0") }
        if condition.keyTo == 0 && condition.keyFrom > 0 {
            report(path.appending(key: "keyFrom"), "keyFrom \(condition.keyFrom) needs keyTo (the first key not hit): keyTo 0 means every key")
        }
        if condition.keyTo != 0 && condition.keyTo <= condition.keyFrom {
            report(path.appending(key: "keyTo"), "expected keyTo > keyFrom (\(condition.keyFrom)), or 0 for every key")
        }
        if !condition.version.isEmpty, let service {
            let names = service.versions.isEmpty ? ["v1"] : service.versions.map(\.name)
            if !names.contains(condition.version) {
                report(path.appending(key: "version"), "service \"\(service.name)\" has no version \"\(condition.version)\"" + Suggest.hint(for: condition.version, in: names))
            }
        }
        for (index, priority) in condition.priorities.enumerated() where priority < 0 || priority > 15 {
            report(path.appending(key: "priorities").appending(index: index), "expected a priority class in 0...15, got \(priority)")
        }
    }

    /// A surge multiplies an open-loop client's arrivals, and picks the
    /// requests it multiplies there, by key and priority: a closed-loop
    /// client, or keys and classes the client never sends, would add nothing.
    mutating func checkSurge(_ path: JSONPath, _ fault: FaultSpec) {
        let condition = fault.condition
        if !condition.version.isEmpty {
            report(path.appending(key: "condition").appending(key: "version"),
                   "a surge adds requests at the client, before a version is chosen: pick them by keyFrom/keyTo or priorities")
        }
        guard case .client(let name) = parseTarget(fault.target), let client = scenario.clients.first(where: { $0.name == name }) else { return }
        if client.mode == .closed {
            report(path.appending(key: "target"),
                   "a surge multiplies an open-loop client's arrival rate; client \"\(name)\" is closed-loop (its \(client.users) users wait for each answer and think), so nothing would change")
        }
        let path = path.appending(key: "condition")
        if condition.keyTo > 0 && condition.keyFrom >= client.keys.count {
            report(path.appending(key: "keyFrom"), "client \"\(name)\" sends keys 0 to \(client.keys.count - 1) (keys.count \(client.keys.count)), so keys from \(condition.keyFrom) would add nothing")
        }
        let sent = client.priorities.percents.indices.filter { client.priorities.percents[$0] > 0 }
        for (index, priority) in condition.priorities.enumerated() where (0...15).contains(priority) && !sent.contains(priority) {
            report(path.appending(key: "priorities").appending(index: index),
                   "client \"\(name)\" sends no requests of priority class \(priority) (it sends \(sent.map(String.init).joined(separator: ", "))), so the surge would add nothing")
        }
    }

    /// Dependency cycles make requests recurse forever: refuse them.
    mutating func checkCycles() {
        let names = serviceNames
        var graph: [[Int]] = names.indices.map { _ in [] }
        for (index, service) in scenario.services.enumerated() {
            graph[index] = ScenarioValidator.targets(of: service).compactMap { names.firstIndex(of: $0) }.filter { $0 != index }
        }
        // Depth-first search in service order; report each cycle once, at its first service.
        var state = [UInt8](repeating: 0, count: names.count)  // 0 new, 1 on stack, 2 done
        var stack: [Int] = []
        var reported = false
        func visit(_ node: Int, _ context: inout ScenarioValidator.Context) {
            state[node] = 1
            stack.append(node)
            for next in graph[node] where !reported {
                if state[next] == 1 {
                    let cycle = stack[stack.firstIndex(of: next)!...].map { names[$0] } + [names[next]]
                    context.report(["services", .index(next), "calls"], "dependency cycle: \(cycle.joined(separator: " -> "))")
                    reported = true
                } else if state[next] == 0 {
                    visit(next, &context)
                }
            }
            stack.removeLast()
            state[node] = 2
        }
        for node in names.indices where state[node] == 0 && !reported { visit(node, &self) }
    }
}
