/// Which fields each cache mode reads.
extension CacheSpec: KindFields {
    public enum Field: String, CaseIterable, Sendable {
        case hitRatioPercent, refillTime, capacity, ttl, eviction
    }

    public var kindName: String { mode.rawValue }

    public var readFields: [Field] {
        switch mode {
        case .hitRatio: [.hitRatioPercent, .refillTime]
        case .keyed: [.capacity, .ttl, .eviction]
        }
    }

    public func setValue(_ field: Field) -> String? {
        let base = CacheSpec.defaultValue
        switch field {
        case .hitRatioPercent: return Self.text(hitRatioPercent, unless: base.hitRatioPercent, "\(hitRatioPercent)")
        case .refillTime: return Self.text(refillTime, unless: base.refillTime, refillTime.unitString)
        case .capacity: return Self.text(capacity, unless: base.capacity, "\(capacity)")
        case .ttl: return Self.text(ttl, unless: base.ttl, ttl.unitString)
        case .eviction: return Self.text(eviction, unless: base.eviction, eviction.rawValue)
        }
    }
}

/// Which fields each load-latency curve reads.
extension LoadLatencySpec: KindFields {
    public enum Field: String, CaseIterable, Sendable {
        case coefficient, exponent, threshold, maxMultiplier
    }

    public var kindName: String { kind.rawValue }

    public var readFields: [Field] {
        switch kind {
        case .none: []
        case .polynomial: [.coefficient, .exponent, .maxMultiplier]
        case .exponential: [.coefficient, .threshold, .maxMultiplier]
        }
    }

    public func setValue(_ field: Field) -> String? {
        let base = LoadLatencySpec.defaultValue
        switch field {
        case .coefficient: return Self.text(coefficient, unless: base.coefficient, "\(coefficient)")
        case .exponent: return Self.text(exponent, unless: base.exponent, "\(exponent)")
        case .threshold: return Self.text(threshold, unless: base.threshold, "\(threshold)")
        case .maxMultiplier: return Self.text(maxMultiplier, unless: base.maxMultiplier, "\(maxMultiplier)")
        }
    }
}
