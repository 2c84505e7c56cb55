import Sim

extension ScenarioValidator.Context {
    mutating func checkSLO() {
        let slo = scenario.slo
        if !(slo.successPercent > 0 && slo.successPercent < 100) {
            report(["slo", "successPercent"], "expected a percentage strictly between 0 and 100, got \(NumberFormat.trimmed(slo.successPercent, maxDecimals: 6))")
        }
        if slo.latencyP99.ns <= 0 { report(["slo", "latencyP99"], "expected a duration > 0, got \(slo.latencyP99.unitString)") }
        range(["slo", "healthyWindows"], slo.healthyWindows, 1...1_000, "windows")
        if slo.metastableAfter.ns <= 0 { report(["slo", "metastableAfter"], "expected a duration > 0, got \(slo.metastableAfter.unitString)") }
        range(["slo", "stormAmplification"], slo.stormAmplification, 1...100, "an amplification")
    }

    mutating func checkExpectations() {
        let names = FigureName.allCases.map(\.rawValue)
        let entities = knownEntities()
        for expectation in scenario.expect.items {
            let path: JSONPath = ["expect", .key(expectation.metric)]
            guard let figure = FigureName(rawValue: expectation.metric) else {
                report(path, "unknown figure \"\(expectation.metric)\"" + Suggest.hint(for: expectation.metric, in: names))
                continue
            }
            let isFlag = Expectation.flagFigures.contains(figure)
            let isDuration = Expectation.durationFigures.contains(figure)
            switch expectation.condition {
            case .equals:
                if !isFlag { report(path, "\(figure.rawValue) is \(isDuration ? "a duration" : "a number"): bound it with {min: ..., max: ...}") }
            case .range(let min, let max):
                if isFlag { report(path, "\(figure.rawValue) is true or false: write \(figure.rawValue): false") }
                for bound in [min, max].compactMap({ $0 }) {
                    switch (bound, isDuration) {
                    case (.number(let value), true):
                        report(path, "\(figure.rawValue) is a duration: write a bound such as \"2m\", got \(NumberFormat.trimmed(value, maxDecimals: 6))")
                    case (.duration(let value), false) where !isFlag:
                        report(path, "\(figure.rawValue) is a number, got the duration \"\(value.unitString)\"")
                    default:
                        break
                    }
                }
                if let min, let max, min.comparable > max.comparable {
                    report(path, "min (\(min.text)) is above max (\(max.text))")
                }
            }
            if let entity = expectation.entity, !entities.contains(entity) {
                report(path, "no entity \"\(entity)\" in this scenario" + Suggest.hint(for: entity, in: entities))
            }
        }
    }

    /// Entities figures can be bound for: edges, services, versions, faults, controllers.
    func knownEntities() -> [String] {
        var names: [String] = []
        for client in scenario.clients { names.append(EntityName.edge(client.name, client.target).text) }
        for service in scenario.services {
            names.append(EntityName.service(service.name).text)
            for target in ScenarioValidator.targets(of: service) { names.append(EntityName.edge(service.name, target).text) }
            for version in service.versions.isEmpty ? ["v1"] : service.versions.map(\.name) {
                names.append(EntityName.version(service.name, version).text)
            }
        }
        for fault in scenario.faults { names.append("fault:\(fault.displayName)") }
        for controller in scenario.controllers {
            names.append(controller.entityText)
            // A routing controller's client calls each service it may route to.
            if let client = controller.targetClient {
                for service in controller.routedServices { names.append(EntityName.edge(client, service).text) }
            }
        }
        return names
    }
}
