/// Changing weights at run time: what a canary controller or an adaptive
/// router calls. Targets, rules, shadows, mode and salt stay as configured.
extension TrafficSplitter {
    /// Sets all weights (percent, in target order, summing to 100).
    /// - Returns: the change, for the event log.
    /// - Throws: `weights` when the count differs from the targets;
    ///   `targets[i].weightPercent` or `targets` for bad values. Nothing changes on error.
    public mutating func setWeights(_ percents: [Double]) throws(PolicyConfigError) -> WeightChange {
        try Check.that(percents.count == targetCount, "weights",
                       expected: "\(targetCount) weights (one per target)", got: "\(percents.count)")
        var next = config
        for index in percents.indices { next.targets[index].weightPercent = percents[index] }
        try next.validate()
        return apply(next, points: TrafficSplitConfig.basisPoints(percents))
    }

    /// Sets all weights in basis points (summing to 10,000): exact, no rounding.
    /// - Throws: `weights` for a wrong count, a negative entry or a wrong sum.
    public mutating func setWeights(basisPoints points: [Int]) throws(PolicyConfigError) -> WeightChange {
        try Check.that(points.count == targetCount, "weights",
                       expected: "\(targetCount) weights (one per target)", got: "\(points.count)")
        try Check.that(points.allSatisfy { $0 >= 0 } && points.reduce(0, +) == TrafficSplitConfig.totalBasisPoints, "weights",
                       expected: "basis points >= 0 summing to 10000", got: "\(points)")
        var next = config
        for index in points.indices { next.targets[index].weightPercent = Double(points[index]) / 100 }
        return apply(next, points: points)
    }

    /// Gives `target` exactly `percent` and balances the total on `donor`
    /// (the stable version of a canary rollout); other targets keep theirs.
    /// - Throws: `weights` when `target == donor` or an index is out of
    ///   range; `targets[donor].weightPercent` when the donor would go below 0.
    public mutating func setWeight(_ percent: Double, forTarget target: Int, balancingWith donor: Int) throws(PolicyConfigError) -> WeightChange {
        try Check.that(target != donor && indicesContain(target) && indicesContain(donor), "weights",
                       expected: "two different target indices below \(targetCount)", got: "\(target) and \(donor)")
        var percents = weightsPercent
        percents[target] = percent
        percents[donor] = 0
        percents[donor] = 100 - percents.reduce(0, +)
        return try setWeights(percents)
    }

    /// Installs `next` with its precomputed basis points.
    private mutating func apply(_ next: TrafficSplitConfig, points: [Int]) -> WeightChange {
        let bounds = TrafficSplitter.upperBounds(points)
        let change = WeightChange(from: weightsPercent, to: next.targets.map(\.weightPercent),
                                  fromBasisPoints: basisPoints, toBasisPoints: points,
                                  reassignedBasisPoints: WeightChange.reassigned(from: upperBounds, to: bounds))
        config = next
        basisPoints = points
        upperBounds = bounds
        return change
    }

    private func indicesContain(_ index: Int) -> Bool { (0..<targetCount).contains(index) }
}
