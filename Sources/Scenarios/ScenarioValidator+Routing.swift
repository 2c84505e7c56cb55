import Sim

/// Checks of a service's `split` against its versions and the attributes
/// its rules can match, and of the attributes clients give their requests.
extension ScenarioValidator.Context {
    mutating func checkSplit(_ path: JSONPath, _ split: TrafficSplitConfig, of service: ServiceSpec) {
        validate(path) { () throws(PolicyConfigError) in try split.validate() }
        let versionNames = service.versions.isEmpty ? ["v1"] : service.versions.map(\.name)
        for (list, names) in [("targets", split.targets.map(\.name)), ("shadows", split.shadows.map(\.name))] {
            for (index, name) in names.enumerated() where !versionNames.contains(name) {
                report(path.appending(key: list).appending(index: index).appending(key: "name"),
                       "service \"\(service.name)\" has no version \"\(name)\"" + Suggest.hint(for: name, in: versionNames))
            }
        }
        for (r, rule) in split.rules.enumerated() { checkRule(path.appending(key: "rules").appending(index: r), rule) }
    }

    /// A rule must be able to match: its attribute is one requests carry, and
    /// each of its values is one some request has (else it is a typo or dead).
    mutating func checkRule(_ path: JSONPath, _ rule: RouteRule) {
        let known = values(ofAttribute: rule.attribute)
        guard !known.isEmpty else {
            let custom = attributeNames()
            report(path.appending(key: "attribute"),
                   "no request carries attribute \"\(rule.attribute)\": every request has \(ClientSpec.builtinAttributes.joined(separator: " and "))"
                   + (custom.isEmpty ? ", and no client sets others" : ", and clients set \(custom.joined(separator: ", "))")
                   + Suggest.hint(for: rule.attribute, in: ClientSpec.builtinAttributes + custom))
            return
        }
        for (v, value) in rule.values.enumerated() where !known.contains(value) {
            report(path.appending(key: "values").appending(index: v),
                   "no request has \(rule.attribute) \"\(value)\" (they have \(known.map { "\"\($0)\"" }.joined(separator: ", ")))"
                   + Suggest.hint(for: value, in: known))
        }
    }

    /// Every value requests can carry for `attribute`, in first-seen order ([]: none carries it).
    func values(ofAttribute attribute: String) -> [String] {
        var values: [String] = []
        func add(_ value: String) { if !values.contains(value) { values.append(value) } }
        switch attribute {
        case "client": scenario.clients.forEach { add($0.name) }
        case "priority":
            let classes = scenario.clients.map(\.priorities.percents.count).max() ?? 0
            (0..<classes).forEach { add(String($0)) }
        default:
            for client in scenario.clients { for pair in client.attributes where pair.name == attribute { add(pair.value) } }
        }
        return values
    }

    /// The names of the attributes clients set, in first-seen order.
    func attributeNames() -> [String] {
        var names: [String] = []
        for client in scenario.clients { for pair in client.attributes where !names.contains(pair.name) { names.append(pair.name) } }
        return names
    }

    mutating func checkAttributes(_ path: JSONPath, _ attributes: [RouteAttributeSpec]) {
        if attributes.count > ClientSpec.maxAttributes {
            report(path, "expected at most \(ClientSpec.maxAttributes) attributes (requests also carry \(ClientSpec.builtinAttributes.joined(separator: " and "))), got \(attributes.count)")
        }
        var names: [String] = []
        for (i, pair) in attributes.enumerated() {
            let item = path.appending(index: i)
            if pair.name.isEmpty {
                report(item.appending(key: "name"), "expected a non-empty attribute name")
            } else if ClientSpec.builtinAttributes.contains(pair.name) {
                report(item.appending(key: "name"), "\"\(pair.name)\" is built in (every request has it); choose another name")
            } else if names.contains(pair.name) {
                report(item.appending(key: "name"), "attribute \"\(pair.name)\" is set twice")
            }
            names.append(pair.name)
            if pair.value.isEmpty { report(item.appending(key: "value"), "expected a non-empty value") }
        }
    }
}
