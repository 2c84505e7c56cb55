/// The adaptive router's arithmetic, free of the World so it can be tested
/// by itself. See `AdaptiveRoutingSpec` for the rules.
enum AdaptiveWeights {
    /// One score per target: `successRatio^gain`, `(best p99 / p99)^gain`, or
    /// both multiplied; 1 for a target with fewer than `minimumRequests`.
    static func scores(_ observations: [TelemetryObservation?], spec: AdaptiveRoutingSpec) -> [Double] {
        let judged = observations.map { observation -> TelemetryObservation? in
            guard let observation, observation.requests >= Double(max(1, spec.minimumRequests)) else { return nil }
            return observation
        }
        let latencies = judged.compactMap { $0?.latencyP99 }.filter { $0.ns > 0 }
        let best = latencies.min()
        return judged.map { observation in
            guard let observation else { return 1 }
            var score = 1.0
            if spec.signal != .latency {
                score *= DeterministicMath.pow(max(0, observation.successRatio), spec.gain)
            }
            if spec.signal != .successRatio, let best, let p99 = observation.latencyP99, p99.ns > 0 {
                score *= DeterministicMath.pow(Double(best.ns) / Double(p99.ns), spec.gain)
            }
            return score
        }
    }

    /// Goal weights in percent: `minWeight + (100 - n * minWeight) * score / sum`;
    /// equal shares when every score is 0.
    static func goal(scores: [Double], minWeightPercent: Double) -> [Double] {
        let n = Double(scores.count)
        let total = scores.reduce(0, +)
        let spread = 100 - n * minWeightPercent
        return scores.map { score in
            minWeightPercent + spread * (total > 0 ? score / total : 1 / n)
        }
    }

    /// One EWMA step from `current` towards `goal`, keeping `damping` of the old weight.
    static func damped(current: [Double], goal: [Double], damping: Double) -> [Double] {
        zip(current, goal).map { old, target in old + (1 - damping) * (target - old) }
    }

    /// The largest move of any weight, in percentage points.
    static func largestMove(from current: [Double], to next: [Double]) -> Double {
        zip(current, next).reduce(0) { max($0, abs($1.1 - $1.0)) }
    }

    /// `v1 25%, v2 75%`: weights for a log line.
    static func text(names: [String], basisPoints: [Int]) -> String {
        zip(names, basisPoints).map { "\($0) \(NumberFormat.trimmed(Double($1) / 100, maxDecimals: 2))%" }.joined(separator: ", ")
    }
}
