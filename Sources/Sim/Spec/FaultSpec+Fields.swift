/// Which of a fault's optional fields each kind reads.
///
/// A field a kind does not read would be silently ignored (`percent: 50` on a
/// latency fault, `multiplier` where `latencyMultiplier` was meant), so the
/// validator refuses one that differs from its default.
extension FaultSpec {
    /// The optional fields, by their name in scenario files.
    public enum Field: String, CaseIterable, Sendable {
        case peer, ramp, addedLatency, latencyMultiplier, percent, errorClass, count, restartAfter, capacityPercent, multiplier,
             ratePerMinute, condition, partitionMode
    }

    /// Whether `field` differs from its default (so the fault says something with it).
    public func sets(_ field: Field) -> Bool {
        let base = FaultSpec.defaultValue
        switch field {
        case .peer: return peer != base.peer
        case .ramp: return ramp != base.ramp
        case .addedLatency: return addedLatency != base.addedLatency
        case .latencyMultiplier: return latencyMultiplier != base.latencyMultiplier
        case .percent: return percent != base.percent
        case .errorClass: return errorClass != base.errorClass
        case .count: return count != base.count
        case .restartAfter: return restartAfter != base.restartAfter
        case .capacityPercent: return capacityPercent != base.capacityPercent
        case .multiplier: return multiplier != base.multiplier
        case .ratePerMinute: return ratePerMinute != base.ratePerMinute
        case .condition: return !condition.isUnconditional
        case .partitionMode: return partitionMode != nil
        }
    }
}

extension FaultSpec.Kind {
    /// The optional fields this kind reads. `ramp`: the kinds with a strength
    /// that can rise (how much latency, what share of errors, how much more
    /// traffic). `condition`: the kinds that act request by request (a surge:
    /// on the requests it multiplies); the others act on instances, edges or
    /// controllers as a whole.
    public var fields: [FaultSpec.Field] {
        switch self {
        case .latency: [.addedLatency, .latencyMultiplier, .ramp, .condition]
        case .errors: [.percent, .errorClass, .ramp, .condition]
        case .failFirst: [.count, .errorClass, .condition]
        case .blackHole: [.condition]
        case .crash: [.count, .restartAfter]
        case .capacityLoss: [.capacityPercent, .latencyMultiplier]
        case .partition: [.peer, .partitionMode]
        case .regionOutage, .coldStart, .cacheFlush, .controlPlaneOutage: []
        case .surge: [.multiplier, .ramp, .condition]
        case .spotPreemption: [.ratePerMinute, .restartAfter]
        case .badRelease: [.percent, .errorClass, .addedLatency, .latencyMultiplier, .ramp, .condition]
        case .telemetryLag: [.addedLatency]
        }
    }

    public func reads(_ field: FaultSpec.Field) -> Bool { fields.contains(field) }
}
