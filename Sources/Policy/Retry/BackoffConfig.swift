/// How long to wait before each retry: a growth curve, a cap, and a jitter mode.
///
/// The formulas follow the AWS Architecture Blog post "Exponential Backoff and
/// Jitter" (2015), generalised to any multiplier so gRPC's A6 backoff
/// (`random(0, min(initial * multiplier^(n-1), max))`) is the same code.
/// The delay itself is computed by `delay(forRetry:previousDelay:using:)` in
/// `BackoffConfig+Delay.swift`; this file holds only the parameters.
///
/// `init()` is the AWS SDK standard-mode backoff (pre-2026; `@smithy/util-retry`
/// constants): exponential, base 100 ms, x2, cap 20 s, full jitter, 500 ms base
/// for throttling errors.
public struct BackoffConfig: ValidatedConfig {
    /// The growth curve of the un-jittered delay for retry `n` (1 = first retry).
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// `base` every time (Resilience4j, Polly v8 defaults).
        case constant
        /// `base * n`: grows by `base` per retry (Polly's linear backoff).
        case linear
        /// `base * multiplier^(n-1)`: the first retry waits `base` (gRPC A6, AWS).
        case exponential
        /// `base * (1 + multiplier + ... + multiplier^(n-1))`; with multiplier 2
        /// this is `(2^n - 1) * base`, Envoy's jittered exponential back-off.
        case cumulative
    }

    /// How randomness spreads the delay so synchronised clients do not retry in lock step.
    public enum Jitter: String, Codable, CaseIterable, Sendable {
        /// The curve's value exactly.
        case none
        /// `uniform(0, d)`: AWS "full jitter", gRPC A6, Envoy.
        case full
        /// `d/2 + uniform(0, d/2)`: AWS "equal jitter"; never below half the curve.
        case equal
        /// `min(cap, uniform(base, previous * 3))`: AWS "decorrelated jitter".
        /// It ignores `kind` and `multiplier`: the previous delay drives the growth.
        case decorrelated
    }

    /// The growth curve.
    public var kind: Kind
    /// The first retry's un-jittered delay (and the floor of decorrelated jitter).
    public var base: Nanoseconds
    /// Growth factor per retry for `exponential` and `cumulative`; unused otherwise. Must be >= 1.
    public var multiplier: Double
    /// No delay exceeds this. `.max` means uncapped (Polly v8's default `MaxDelay`).
    public var cap: Nanoseconds
    /// The jitter mode.
    public var jitter: Jitter
    /// Base used instead of `base` after a throttling outcome (429), because a
    /// throttled client should slow down more than one that hit a blip
    /// (AWS: 500 ms in standard mode, 1 s in the 2026 behaviour). `.zero` = use `base`.
    public var throttledBase: Nanoseconds

    /// AWS SDK standard mode (pre-2026): exponential, 100 ms, x2, cap 20 s, full jitter, 500 ms throttled base.
    public init() {
        self.init(kind: .exponential, base: .ms(100), multiplier: 2, cap: .seconds(20), jitter: .full, throttledBase: .ms(500))
    }

    /// Every field explicit; unspecified ones take the `init()` values except `throttledBase` (off).
    public init(kind: Kind = .exponential, base: Nanoseconds = .ms(100), multiplier: Double = 2,
                cap: Nanoseconds = .seconds(20), jitter: Jitter = .full, throttledBase: Nanoseconds = .zero) {
        self.kind = kind
        self.base = base
        self.multiplier = multiplier
        self.cap = cap
        self.jitter = jitter
        self.throttledBase = throttledBase
    }

    /// Rejects negative durations, a cap below the base and multipliers below 1 or not finite.
    public func validate() throws(PolicyConfigError) {
        try Check.nonNegative(base, "base")
        try Check.nonNegative(cap, "cap")
        try Check.that(cap >= base, "cap", expected: "a duration >= base (\(base.unitString))", got: cap.unitString)
        try Check.that(multiplier.isFinite && multiplier >= 1, "multiplier", expected: "a number >= 1", got: "\(multiplier)")
        try Check.nonNegative(throttledBase, "throttledBase")
    }
}
