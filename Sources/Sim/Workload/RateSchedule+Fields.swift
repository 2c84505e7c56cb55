/// Which fields each kind of rate schedule reads (`bursts` go with every kind).
extension RateSchedule: KindFields {
    public enum Field: String, CaseIterable, Sendable {
        case rateRps, points, fromRps, toRps, start, end, duration, multiplier, amplitudePercent, period, phase
    }

    public var kindName: String { kind.rawValue }

    public var readFields: [Field] {
        switch kind {
        case .constant: [.rateRps]
        case .step, .piecewise: [.points]
        case .ramp: [.fromRps, .toRps, .start, .end]
        case .spike: [.rateRps, .multiplier, .start, .duration]
        case .diurnal: [.rateRps, .amplitudePercent, .period, .phase]
        }
    }

    public func setValue(_ field: Field) -> String? {
        let base = RateSchedule.defaultValue
        switch field {
        case .rateRps: return Self.text(rateRps, unless: base.rateRps, "\(rateRps)")
        case .points: return Self.text(points, unless: base.points, "\(points.count) points")
        case .fromRps: return Self.text(fromRps, unless: base.fromRps, "\(fromRps)")
        case .toRps: return Self.text(toRps, unless: base.toRps, "\(toRps)")
        case .start: return Self.text(start, unless: base.start, start.unitString)
        case .end: return Self.text(end, unless: base.end, end.unitString)
        case .duration: return Self.text(duration, unless: base.duration, duration.unitString)
        case .multiplier: return Self.text(multiplier, unless: base.multiplier, "\(multiplier)")
        case .amplitudePercent: return Self.text(amplitudePercent, unless: base.amplitudePercent, "\(amplitudePercent)")
        case .period: return Self.text(period, unless: base.period, period.unitString)
        case .phase: return Self.text(phase, unless: base.phase, phase.unitString)
        }
    }

}
