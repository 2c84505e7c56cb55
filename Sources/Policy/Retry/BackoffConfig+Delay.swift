/// Computing delays. Pure functions: the caller keeps the per-request state
/// (the retry number and the previous delay) and passes the generator in, so
/// the same code runs under virtual time and in production.
extension BackoffConfig {
    /// The delay before retry `retryNumber` (1 = the first retry), jittered and capped.
    ///
    /// - Parameters:
    ///   - retryNumber: 1 for the first retry; values below 1 are treated as 1.
    ///   - previousDelay: the delay returned for the previous retry of the same
    ///     request (`.zero` before the first). Only decorrelated jitter uses it.
    ///   - rng: the randomness source; drawn once for jittered modes, never for `.none`.
    /// - Returns: a delay in `[0, cap]`; decorrelated jitter never goes below `base`.
    public func delay(forRetry retryNumber: Int, previousDelay: Nanoseconds,
                      using rng: inout some RandomNumberGenerator) -> Nanoseconds {
        delay(forRetry: retryNumber, previousDelay: previousDelay, base: base, using: &rng)
    }

    /// The delay before a retry caused by `outcome`: a throttled (429) outcome
    /// uses `throttledBase` when it is set, as the AWS SDKs do.
    public func delay(forRetry retryNumber: Int, previousDelay: Nanoseconds, after outcome: OutcomeClass,
                      using rng: inout some RandomNumberGenerator) -> Nanoseconds {
        delay(forRetry: retryNumber, previousDelay: previousDelay, base: base(after: outcome), using: &rng)
    }

    /// The un-jittered, capped value of the growth curve for retry `retryNumber`.
    /// Full and equal jitter draw at or below it; `.none` returns it.
    public func curve(forRetry retryNumber: Int) -> Nanoseconds {
        curve(forRetry: retryNumber, base: base)
    }

    /// The largest delay retry `retryNumber` can get, given the largest the
    /// previous retry could get. Used for worst-case latency bounds.
    public func maxDelay(forRetry retryNumber: Int, previousMax: Nanoseconds, after outcome: OutcomeClass = .serverError) -> Nanoseconds {
        let chosenBase = base(after: outcome)
        if jitter == .decorrelated {
            return Swift.min(cap, Self.tripled(Swift.max(previousMax, chosenBase)))
        }
        return curve(forRetry: retryNumber, base: chosenBase)
    }

    /// `throttledBase` after a throttling outcome when set, otherwise `base`.
    func base(after outcome: OutcomeClass) -> Nanoseconds {
        outcome == .throttled && throttledBase.ns > 0 ? throttledBase : base
    }

    func delay(forRetry retryNumber: Int, previousDelay: Nanoseconds, base chosenBase: Nanoseconds,
               using rng: inout some RandomNumberGenerator) -> Nanoseconds {
        switch jitter {
        case .none:
            return curve(forRetry: retryNumber, base: chosenBase)
        case .full:
            return rng.nextDuration(from: .zero, to: curve(forRetry: retryNumber, base: chosenBase))
        case .equal:
            // [ceil(d/2), d]: the upper half of the curve, so the delay never collapses to zero.
            let ceiling = curve(forRetry: retryNumber, base: chosenBase)
            return rng.nextDuration(from: Nanoseconds(ns: ceiling.ns - ceiling.ns / 2), to: ceiling)
        case .decorrelated:
            // AWS: sleep = min(cap, random_between(base, sleep * 3)), with sleep starting at base.
            let previous = Swift.max(previousDelay, chosenBase)
            return Swift.min(cap, rng.nextDuration(from: chosenBase, to: Self.tripled(previous)))
        }
    }

    /// The curve for retry `n`, computed in `Double` and clamped to `cap` before
    /// converting back, so no value ever overflows `Int64`.
    func curve(forRetry retryNumber: Int, base chosenBase: Nanoseconds) -> Nanoseconds {
        let n = Swift.max(1, retryNumber)
        let baseNs = Double(chosenBase.ns)
        let capNs = Double(cap.ns)
        let value: Double
        switch kind {
        case .constant:
            value = baseNs
        case .linear:
            value = baseNs * Double(n)
        case .exponential:
            value = baseNs * Self.power(multiplier, n - 1, stopAbove: capNs / Swift.max(baseNs, 1))
        case .cumulative:
            value = baseNs * Self.geometricSum(multiplier, terms: n, stopAbove: capNs / Swift.max(baseNs, 1))
        }
        // `!(value < capNs)` also catches NaN and +inf.
        guard value < capNs else { return cap }
        return Swift.min(cap, Nanoseconds(ns: Int64(value.rounded())))
    }

    /// `m^k` by repeated multiplication (exact for small integer multipliers),
    /// stopping early once past `limit`; `DeterministicMath.pow` for long runs.
    static func power(_ m: Double, _ k: Int, stopAbove limit: Double) -> Double {
        if k > 64 { return DeterministicMath.pow(m, Double(k)) }
        var result = 1.0
        for _ in 0..<k {
            result *= m
            if result > limit { break }
        }
        return result
    }

    /// `1 + m + ... + m^(terms-1)`, stopping early once past `limit`.
    static func geometricSum(_ m: Double, terms: Int, stopAbove limit: Double) -> Double {
        if terms > 64 {
            return m == 1 ? Double(terms) : (DeterministicMath.pow(m, Double(terms)) - 1) / (m - 1)
        }
        var term = 1.0
        var sum = 1.0
        for _ in 1..<terms {
            term *= m
            sum += term
            if sum > limit { break }
        }
        return sum
    }

    /// `3 * value`, saturating at `.max`.
    static func tripled(_ value: Nanoseconds) -> Nanoseconds {
        value.ns > Int64.max / 3 ? .max : Nanoseconds(ns: value.ns * 3)
    }
}
