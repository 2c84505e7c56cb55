/// Which of a fault's optional fields each kind reads.
extension FaultSpec: KindFields {
    /// The optional fields, by their name in scenario files.
    public enum Field: String, CaseIterable, Sendable {
        case peer, ramp, addedLatency, latencyMultiplier, percent, errorClass, count, restartAfter, capacityPercent, multiplier,
             ratePerMinute, condition, partitionMode
    }

    public var kindName: String { kind.rawValue }
    public var readFields: [Field] { kind.fields }

    public func setValue(_ field: Field) -> String? {
        let base = FaultSpec.defaultValue
        switch field {
        case .peer: return Self.text(peer, unless: base.peer, "\"\(peer)\"")
        case .ramp: return Self.text(ramp, unless: base.ramp, ramp.unitString)
        case .addedLatency: return Self.text(addedLatency, unless: base.addedLatency, "a distribution")
        case .latencyMultiplier: return Self.text(latencyMultiplier, unless: base.latencyMultiplier, "\(latencyMultiplier)")
        case .percent: return Self.text(percent, unless: base.percent, "\(percent)")
        case .errorClass: return Self.text(errorClass, unless: base.errorClass, errorClass.rawValue)
        case .count: return Self.text(count, unless: base.count, "\(count)")
        case .restartAfter: return Self.text(restartAfter, unless: base.restartAfter, restartAfter.unitString)
        case .capacityPercent: return Self.text(capacityPercent, unless: base.capacityPercent, "\(capacityPercent)")
        case .multiplier: return Self.text(multiplier, unless: base.multiplier, "\(multiplier)")
        case .ratePerMinute: return Self.text(ratePerMinute, unless: base.ratePerMinute, "\(ratePerMinute)")
        case .condition: return condition.isUnconditional ? nil : "a condition"
        case .partitionMode: return partitionMode?.rawValue
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
