/// Validation of a split: field paths such as `targets[1].name`, `rules[0].target`.
extension TrafficSplitConfig {
    /// Weights may miss 100 by this much (decimal percentages such as
    /// 33.3 + 33.3 + 33.4 do not add up exactly in binary floating point).
    public static let weightSumTolerance = 1e-9

    /// Throws the first nonsensical field: no targets or too many, empty or
    /// duplicate names, weights outside 0...100 or not summing to 100, rules
    /// naming unknown targets, shadows outside 0...100 or duplicated.
    public func validate() throws(PolicyConfigError) {
        let limit = TrafficSplitConfig.maximumTargets
        try Check.that((1...limit).contains(targets.count), "targets",
                       expected: "1 to \(limit) targets", got: "\(targets.count)")
        var total = 0.0
        for index in targets.indices {
            try Check.nested(targets[index], "targets[\(index)]")
            try Check.that(!targets[..<index].contains { $0.name == targets[index].name }, "targets[\(index)].name",
                           expected: "a name not used by an earlier target", got: "\"\(targets[index].name)\"")
            total += targets[index].weightPercent
        }
        try Check.that(abs(total - 100) <= TrafficSplitConfig.weightSumTolerance, "targets",
                       expected: "weightPercent values summing to 100", got: "\(total)")
        for index in rules.indices {
            try Check.nested(rules[index], "rules[\(index)]")
            try Check.that(targetIndex(named: rules[index].target) != nil, "rules[\(index)].target",
                           expected: "the name of one of the targets", got: "\"\(rules[index].target)\"")
        }
        try Check.that(shadows.count <= limit, "shadows", expected: "at most \(limit) shadows", got: "\(shadows.count)")
        for index in shadows.indices {
            try Check.nested(shadows[index], "shadows[\(index)]")
            try Check.that(!shadows[..<index].contains { $0.name == shadows[index].name }, "shadows[\(index)].name",
                           expected: "a name not used by an earlier shadow", got: "\"\(shadows[index].name)\"")
        }
    }
}
