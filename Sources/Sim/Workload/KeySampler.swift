/// How request keys (user ids, cache keys) are distributed.
public struct KeySpec: SpecDefaults, Equatable {
    public enum Popularity: String, Codable, CaseIterable, Sendable {
        case uniform
        /// P(key k) proportional to 1 / (k + 1)^zipfExponent: a few hot keys.
        case zipf
    }

    public var count: Int
    public var popularity: Popularity
    public var zipfExponent: Double

    public init(count: Int = 1_000_000, popularity: Popularity = .uniform, zipfExponent: Double = 1) {
        self.count = count
        self.popularity = popularity
        self.zipfExponent = zipfExponent
    }

    public static let defaultValue = KeySpec()
    public static let maxCount = 1_000_000_000

    public func validate() throws(PolicyConfigError) {
        try Check.inRange(count, 1...KeySpec.maxCount, "count")
        if popularity == .zipf { try Check.inRange(zipfExponent, 0...10, "zipfExponent") }
    }
}

/// Draws keys in 0..<count. Zipf uses rejection-inversion (Hörmann and
/// Derflinger, 1996): O(1) memory for any number of keys, a few draws per key.
public struct KeySampler: Sendable {
    public let spec: KeySpec
    let exponent: Double
    let hIntegralX1: Double
    let hIntegralN: Double
    let threshold: Double

    public init(spec: KeySpec) {
        self.spec = spec
        exponent = spec.zipfExponent
        let s = spec.zipfExponent
        hIntegralX1 = KeySampler.hIntegral(1.5, s) - 1
        hIntegralN = KeySampler.hIntegral(Double(spec.count) + 0.5, s)
        threshold = 2 - KeySampler.hIntegralInverse(KeySampler.hIntegral(2.5, s) - KeySampler.h(2, s), s)
    }

    public func sample(using rng: inout some RandomNumberGenerator) -> UInt64 {
        guard spec.popularity == .zipf, spec.count > 1 else { return rng.nextBelow(UInt64(spec.count)) }
        let n = Double(spec.count)
        while true {
            let u = hIntegralN + rng.nextUnit() * (hIntegralX1 - hIntegralN)
            let x = KeySampler.hIntegralInverse(u, exponent)
            let k = min(max((x + 0.5).rounded(.down), 1), n)
            if k - x <= threshold || u >= KeySampler.hIntegral(k + 0.5, exponent) - KeySampler.h(k, exponent) {
                return UInt64(k) - 1
            }
        }
    }

    /// H(x) = ∫ t^-s dt from 1: (x^(1-s) - 1)/(1-s), log x at s = 1.
    static func hIntegral(_ x: Double, _ s: Double) -> Double {
        let logX = DeterministicMath.log(x)
        return expm1OverX((1 - s) * logX) * logX
    }

    static func h(_ x: Double, _ s: Double) -> Double { DeterministicMath.exp(-s * DeterministicMath.log(x)) }

    static func hIntegralInverse(_ y: Double, _ s: Double) -> Double {
        var t = y * (1 - s)
        if t < -1 { t = -1 }  // guards rounding at the lower end
        return DeterministicMath.exp(log1pOverX(t) * y)
    }

    /// (e^t - 1) / t, with its limit 1 at 0.
    static func expm1OverX(_ t: Double) -> Double {
        abs(t) > 1e-8 ? (DeterministicMath.exp(t) - 1) / t : 1 + t / 2 * (1 + t / 3 * (1 + t / 4))
    }

    /// log(1 + t) / t, with its limit 1 at 0.
    static func log1pOverX(_ t: Double) -> Double {
        abs(t) > 1e-8 ? DeterministicMath.log(1 + t) / t : 1 - t * (0.5 - t * (1.0 / 3 - t / 4))
    }
}

/// Priority classes of requests: class 0 is the most important.
public struct PriorityMix: SpecDefaults, Equatable {
    /// Share of requests per class, in percent; sums to 100.
    public var percents: [Double]

    /// One class.
    // A named constant, not an array literal, as the default argument: Swift 6.3.1
    // miscompiles array-literal default arguments in optimised builds with testing on.
    public static let singleClass: [Double] = [100]

    public init(percents: [Double] = PriorityMix.singleClass) { self.percents = percents }
    public static let defaultValue = PriorityMix()

    public func validate() throws(PolicyConfigError) {
        try Check.that(!percents.isEmpty && percents.count <= 16, "percents", expected: "1 to 16 classes", got: "\(percents.count)")
        for (index, percent) in percents.enumerated() { try Check.percent(percent, "percents[\(index)]") }
        let total = percents.reduce(0, +)
        try Check.that(abs(total - 100) <= 1e-9, "percents", expected: "shares summing to 100", got: "\(total)")
    }

    /// A class drawn by its share.
    public func sample(using rng: inout some RandomNumberGenerator) -> UInt8 {
        guard percents.count > 1 else { return 0 }
        var u = rng.nextUnit() * 100
        for (index, percent) in percents.enumerated() {
            if u < percent { return UInt8(index) }
            u -= percent
        }
        return UInt8(percents.count - 1)
    }
}
