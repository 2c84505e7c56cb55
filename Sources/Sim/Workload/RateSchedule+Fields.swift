/// Which fields each kind of rate schedule reads.
///
/// The schedule is one flat object, so a field of another kind would be
/// silently ignored (`rateRps` on a ramp, `multiplier` on a constant rate):
/// `validate` refuses one that differs from its default.
extension RateSchedule {
    /// The kind-specific fields, by their name in scenario files (`bursts` go with every kind).
    public enum Field: String, CaseIterable, Sendable {
        case rateRps, points, fromRps, toRps, start, end, duration, multiplier, amplitudePercent, period, phase
    }

    /// The value of `field` as written, or nil when it has its default.
    func setValue(_ field: Field) -> String? {
        let base = RateSchedule.defaultValue
        func differs<Value: Equatable>(_ value: Value, _ defaultValue: Value, _ text: String) -> String? { value == defaultValue ? nil : text }
        switch field {
        case .rateRps: return differs(rateRps, base.rateRps, "\(rateRps)")
        case .points: return differs(points, base.points, "\(points.count) points")
        case .fromRps: return differs(fromRps, base.fromRps, "\(fromRps)")
        case .toRps: return differs(toRps, base.toRps, "\(toRps)")
        case .start: return differs(start, base.start, start.unitString)
        case .end: return differs(end, base.end, end.unitString)
        case .duration: return differs(duration, base.duration, duration.unitString)
        case .multiplier: return differs(multiplier, base.multiplier, "\(multiplier)")
        case .amplitudePercent: return differs(amplitudePercent, base.amplitudePercent, "\(amplitudePercent)")
        case .period: return differs(period, base.period, period.unitString)
        case .phase: return differs(phase, base.phase, phase.unitString)
        }
    }

    /// Refuses a field this kind does not read.
    func checkUnreadFields() throws(PolicyConfigError) {
        for field in Field.allCases where !kind.fields.contains(field) {
            guard let value = setValue(field) else { continue }
            let read = kind.fields.map(\.rawValue).joined(separator: ", ")
            throw PolicyConfigError(field: field.rawValue, expected: "no \(field.rawValue) on a \(kind.rawValue) rate (it reads \(read))", got: value)
        }
    }
}

extension RateSchedule.Kind {
    /// The fields this kind reads.
    public var fields: [RateSchedule.Field] {
        switch self {
        case .constant: [.rateRps]
        case .step, .piecewise: [.points]
        case .ramp: [.fromRps, .toRps, .start, .end]
        case .spike: [.rateRps, .multiplier, .start, .duration]
        case .diurnal: [.rateRps, .amplitudePercent, .period, .phase]
        }
    }
}
