import Sim

extension ScenarioValidator.Context {
    /// Controllers: names, targets by kind, each kind's block, telemetry.
    mutating func checkControllers() {
        let controllers = scenario.controllers
        range(["controllers"], controllers.count, 0...ScenarioValidator.Bounds.maxControllers, "a number of controllers")
        uniqueNames(["controllers"], controllers.map(\.name), "controller")
        for (k, controller) in controllers.enumerated() {
            let path: JSONPath = ["controllers", .index(k)]
            for block in controller.givenBlocks where block.kind != controller.kind {
                report(path.appending(key: block.key),
                       "only a controller of kind \"\(block.kind.rawValue)\" takes a \(block.key) block (this one is \"\(controller.kind.rawValue)\")")
            }
            if controller.start.ns < 0 || controller.start >= scenario.duration {
                report(path.appending(key: "start"), "the controller starts at \(controller.start.unitString), outside the run (0s to \(scenario.duration.unitString))")
            }
            nonNegative(path.appending(key: "applyLatency"), controller.applyLatency)
            nonNegative(path.appending(key: "conflictWindow"), controller.conflictWindow)
            checkTelemetry(path.appending(key: "telemetry"), controller.telemetry)
            switch controller.kind {
            case .canary: checkCanary(path, controller)
            case .autoscaler: checkAutoscaler(path, controller)
            case .adaptiveRouting: checkRouting(path, controller)
            case .burnRateAlert: checkAlert(path, controller)
            case .failover: checkFailover(path, controller)
            }
        }
        // One route per client: controllers routing the same client must agree on its services.
        var routed: [(client: String, services: [String], index: Int)] = []
        for (k, controller) in controllers.enumerated() where !controller.routedServices.isEmpty {
            guard let client = controller.targetClient else { continue }
            let services = controller.routedServices
            if let other = routed.first(where: { $0.client == client && $0.services != services }) {
                report(["controllers", .index(k), "target"],
                       "client \"\(client)\" is already routed over \(other.services.joined(separator: ", ")) by controllers[\(other.index)]; controllers routing one client must name the same services")
            } else {
                routed.append((client, services, k))
            }
        }
    }

    mutating func nonNegative(_ path: JSONPath, _ value: SimTime) {
        if value.ns < 0 { report(path, "expected a duration >= 0, got \(value.unitString)") }
    }

    mutating func positive(_ path: JSONPath, _ value: SimTime) {
        if value.ns <= 0 { report(path, "expected a duration > 0, got \(value.unitString)") }
    }

    mutating func checkTelemetry(_ path: JSONPath, _ telemetry: TelemetrySpec) {
        positive(path.appending(key: "scrapeInterval"), telemetry.scrapeInterval)
        if telemetry.scrapeInterval.ns > 0 && scenario.window.ns > 0 && telemetry.scrapeInterval.ns % scenario.window.ns != 0 {
            report(path.appending(key: "scrapeInterval"),
                   "scrapes happen at metrics-window closes: expected a multiple of the window (\(scenario.window.unitString)), got \(telemetry.scrapeInterval.unitString)")
        }
        if telemetry.window < telemetry.scrapeInterval {
            report(path.appending(key: "window"), "expected at least one scrape interval (\(telemetry.scrapeInterval.unitString)), got \(telemetry.window.unitString)")
        }
        nonNegative(path.appending(key: "lag"), telemetry.lag)
        range(path.appending(key: "lossPercent"), telemetry.lossPercent, 0...100, "a percentage")
    }

    /// The service a controller's target names, or a report and nil.
    mutating func targetService(_ path: JSONPath, _ controller: ControllerSpec, _ what: String) -> ServiceSpec? {
        guard controller.targetClient == nil, let service = scenario.services.first(where: { $0.name == controller.target }) else {
            report(path.appending(key: "target"), "\(what) targets a service, got \"\(controller.target)\"" + Suggest.hint(for: controller.target, in: serviceNames))
            return nil
        }
        return service
    }

    /// The client a `client:NAME` target names, or a report and nil.
    mutating func targetClient(_ path: JSONPath, _ controller: ControllerSpec, _ what: String) -> ClientSpec? {
        guard let name = controller.targetClient, let client = scenario.clients.first(where: { $0.name == name }) else {
            report(path.appending(key: "target"), "\(what) targets a client (client:name), got \"\(controller.target)\"")
            return nil
        }
        return client
    }

    func versionNames(_ service: ServiceSpec) -> [String] {
        service.versions.isEmpty ? ["v1"] : service.versions.map(\.name)
    }

    mutating func checkCanary(_ path: JSONPath, _ controller: ControllerSpec) {
        let block = controller.canary ?? .defaultValue
        let blockPath = path.appending(key: "canary")
        validate(blockPath.appending(key: "policy")) { () throws(PolicyConfigError) in try block.policy.validate() }
        guard let service = targetService(path, controller, "a canary") else { return }
        let names = versionNames(service)
        if names.count < 2 { report(path.appending(key: "target"), "a canary needs a service with two versions or more; \"\(service.name)\" has \(names.joined(separator: ", "))") }
        if !names.contains(block.version) {
            report(blockPath.appending(key: "version"), "service \"\(service.name)\" has no version \"\(block.version)\"" + Suggest.hint(for: block.version, in: names))
        }
        if block.baseline.isEmpty {
            if names.count > 2 { report(blockPath.appending(key: "baseline"), "service \"\(service.name)\" has \(names.count) versions: name the baseline") }
        } else if !names.contains(block.baseline) {
            report(blockPath.appending(key: "baseline"), "service \"\(service.name)\" has no version \"\(block.baseline)\"" + Suggest.hint(for: block.baseline, in: names))
        } else if block.baseline == block.version {
            report(blockPath.appending(key: "baseline"), "the baseline must be another version than the canary \"\(block.version)\"")
        }
    }

    mutating func checkAutoscaler(_ path: JSONPath, _ controller: ControllerSpec) {
        let block = controller.autoscaler ?? .defaultValue
        let blockPath = path.appending(key: "autoscaler")
        validate(blockPath.appending(key: "policy")) { () throws(PolicyConfigError) in try block.policy.validate() }
        range(blockPath.appending(key: "policy").appending(key: "maxReplicas"), block.policy.maxReplicas, 1...ScenarioValidator.Bounds.maxInstancesPerVersion, "replicas")
        nonNegative(blockPath.appending(key: "provisioningDelay"), block.provisioningDelay)
        nonNegative(blockPath.appending(key: "drainTime"), block.drainTime)
        guard let service = targetService(path, controller, "an autoscaler") else { return }
        let names = versionNames(service)
        if !block.version.isEmpty && !names.contains(block.version) {
            report(blockPath.appending(key: "version"), "service \"\(service.name)\" has no version \"\(block.version)\"" + Suggest.hint(for: block.version, in: names))
        }
    }

    mutating func checkRouting(_ path: JSONPath, _ controller: ControllerSpec) {
        let block = controller.routing ?? .defaultValue
        let blockPath = path.appending(key: "routing")
        positive(blockPath.appending(key: "interval"), block.interval)
        range(blockPath.appending(key: "gain"), block.gain, 0.001...1_000, "a gain")
        range(blockPath.appending(key: "damping"), block.damping, 0...0.999, "a damping factor")
        range(blockPath.appending(key: "hysteresisPercent"), block.hysteresisPercent, 0...100, "a percentage")
        nonNegative(blockPath.appending(key: "cooldown"), block.cooldown)
        nonNegative(blockPath.appending(key: "minimumEvaluationWindow"), block.minimumEvaluationWindow)
        range(blockPath.appending(key: "minimumRequests"), block.minimumRequests, 0...1_000_000_000, "a request count")
        var targets = 0
        if controller.targetClient != nil {
            guard let client = targetClient(path, controller, "adaptive routing") else { return }
            if block.services.isEmpty { report(blockPath.appending(key: "services"), "routing a client needs the services to spread it over besides \"\(client.target)\"") }
            for (index, name) in block.services.enumerated() {
                serviceReference(blockPath.appending(key: "services").appending(index: index), name)
                if name == client.target || block.services.firstIndex(of: name)! < index {
                    report(blockPath.appending(key: "services").appending(index: index), "\"\(name)\" is listed twice (the client's own target \"\(client.target)\" is always included)")
                }
            }
            targets = 1 + block.services.count
        } else {
            guard let service = targetService(path, controller, "adaptive routing") else { return }
            targets = versionNames(service).count
            if targets < 2 { report(path.appending(key: "target"), "routing over a service needs two versions or more; \"\(service.name)\" has one") }
            if !block.services.isEmpty { report(blockPath.appending(key: "services"), "only a client target routes over services; a service target routes over its versions") }
        }
        range(blockPath.appending(key: "minWeightPercent"), block.minWeightPercent, 0...(100 / Double(max(1, targets))), "a percentage")
    }

    mutating func checkAlert(_ path: JSONPath, _ controller: ControllerSpec) {
        let block = controller.alert ?? .defaultValue
        let blockPath = path.appending(key: "alert")
        positive(blockPath.appending(key: "interval"), block.interval)
        validate(blockPath.appending(key: "policy")) { () throws(PolicyConfigError) in try block.policy.validate() }
        if controller.targetClient != nil {
            _ = targetClient(path, controller, "a burn-rate alert")
        } else {
            _ = targetService(path, controller, "a burn-rate alert")
        }
    }

    mutating func checkFailover(_ path: JSONPath, _ controller: ControllerSpec) {
        let block = controller.failover ?? .defaultValue
        let blockPath = path.appending(key: "failover")
        positive(blockPath.appending(key: "interval"), block.interval)
        range(blockPath.appending(key: "minSuccessPercent"), block.minSuccessPercent, 0...100, "a percentage")
        range(blockPath.appending(key: "minHealthyInstancesPercent"), block.minHealthyInstancesPercent, 0...100, "a percentage")
        range(blockPath.appending(key: "minimumRequests"), block.minimumRequests, 0...1_000_000_000, "a request count")
        range(blockPath.appending(key: "failAfter"), block.failAfter, 1...10_000, "evaluations")
        range(blockPath.appending(key: "failBackAfter"), block.failBackAfter, 1...10_000, "evaluations")
        guard let client = targetClient(path, controller, "failover") else { return }
        if block.secondary.isEmpty {
            report(blockPath.appending(key: "secondary"), "failover needs the service to fail over to")
        } else if block.secondary == client.target {
            report(blockPath.appending(key: "secondary"), "\"\(block.secondary)\" is the client's own target; name a service in another region")
        } else {
            serviceReference(blockPath.appending(key: "secondary"), block.secondary)
        }
    }
}
