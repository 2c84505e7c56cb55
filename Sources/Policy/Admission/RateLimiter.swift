/// A token bucket that answers "may these permits be used now, later, or not at all?".
///
/// The balance is kept in exact integer units: one permit is `periodNs` units
/// and every elapsed nanosecond earns `tokens` units (see
/// `RateLimiterConfig.effectiveRate`), so `limitForPeriod` permits per
/// `refreshPeriod` (or `rateRps`) is honoured exactly and the bucket never
/// exceeds its capacity (`burst`, or `limitForPeriod` when periodic).
/// The balance goes negative while permits are reserved for callers that are
/// waiting (`.admittedAfter`), as Resilience4j's `activePermissions` does.
///
/// Periodic refill (Resilience4j) adds permits only at cycle boundaries counted
/// from `start`; continuous refill earns them every nanosecond. The bucket
/// starts full. Time that goes backwards earns nothing. No call allocates.
public struct RateLimiter: Sendable {
    /// The configuration this limiter runs (validate it before use).
    public let config: RateLimiterConfig
    /// Units earned per elapsed nanosecond (permits per period).
    let unitsPerNs: Int64
    /// Units in one permit (the period in nanoseconds).
    let unitsPerPermit: Int64
    /// The bucket's capacity in units (`config.capacity * unitsPerPermit`).
    let capacityUnits: Int64
    /// Where periodic cycles are counted from.
    let start: Nanoseconds
    /// Current balance in units; negative while permits are reserved ahead.
    var balanceUnits: Int64
    /// Continuous: the time earnings were last added. Periodic: the start of the
    /// last cycle whose permits were added.
    var earnedUntil: Nanoseconds

    /// A full bucket whose periodic cycles start at `start`.
    /// - Precondition: `config.validate()` succeeds.
    public init(config: RateLimiterConfig, start: Nanoseconds = .zero) {
        self.config = config
        let rate = config.effectiveRate
        unitsPerNs = rate.tokens
        unitsPerPermit = rate.periodNs
        capacityUnits = Int64(config.capacity) * rate.periodNs
        self.start = start
        balanceUnits = capacityUnits
        earnedUntil = start
    }

    /// Whole permits available at `now` (negative while more is reserved than earned).
    public mutating func availablePermits(at now: Nanoseconds) -> Int {
        earn(until: now)
        // Floor division so a partly earned permit does not count.
        let whole = balanceUnits >= 0 ? balanceUnits / unitsPerPermit : -((-balanceUnits + unitsPerPermit - 1) / unitsPerPermit)
        return Int(whole)
    }

    /// Asks for `permits` at `now`.
    ///
    /// Admitted at once when the bucket holds them; otherwise, if they will have
    /// been earned within `maxWait`, reserved now and admitted after the wait
    /// (Resilience4j: `timeoutDuration >= nanosToWait`); otherwise rejected
    /// without taking anything.
    /// - Precondition: `permits > 0`.
    public mutating func acquire(now: Nanoseconds, permits: Int = 1) -> RateDecision {
        precondition(permits > 0, "acquire needs at least one permit")
        earn(until: now)
        let (cost, costOverflow) = Int64(permits).multipliedReportingOverflow(by: unitsPerPermit)
        if costOverflow { return .rejected(retryAfter: .max) }
        if balanceUnits >= cost {
            balanceUnits -= cost
            return .admitted
        }
        let wait = waitUntilBalance(covers: cost, now: now)
        // The debt must stay expressible: `capacityUnits - balanceUnits` is computed on refill.
        let (reserved, debtOverflow) = balanceUnits.subtractingReportingOverflow(cost)
        if wait <= config.maxWait && !debtOverflow && reserved >= capacityUnits - Int64.max {
            balanceUnits = reserved
            return .admittedAfter(wait)
        }
        return .rejected(retryAfter: retryAfter(cost: cost, wait: wait, now: now))
    }

    /// Adds what was earned between `earnedUntil` and `now`, capped at capacity.
    mutating func earn(until now: Nanoseconds) {
        let earnedTo: Nanoseconds
        switch config.refill {
        case .continuous:
            earnedTo = now
        case .periodic:
            // Only whole cycles count: earnings stop at the start of the current cycle.
            let period = unitsPerPermit
            let sinceStart = now.ns - start.ns
            let cycle = sinceStart >= 0 ? sinceStart / period : -((-sinceStart + period - 1) / period)
            earnedTo = Nanoseconds(ns: start.ns + cycle * period)
        }
        guard earnedTo > earnedUntil else { return }
        balanceUnits = Self.add(earningsOf: earnedTo.ns - earnedUntil.ns, unitsPerNs: unitsPerNs, to: balanceUnits, cap: capacityUnits)
        earnedUntil = earnedTo
    }

    /// `balance + elapsed * unitsPerNs`, capped at `cap`, without overflow.
    static func add(earningsOf elapsedNs: Int64, unitsPerNs: Int64, to balance: Int64, cap: Int64) -> Int64 {
        // Nanoseconds needed to fill up; more than that simply fills the bucket.
        let room = cap - balance
        if elapsedNs >= room / unitsPerNs + 1 { return cap }
        return min(cap, balance + elapsedNs * unitsPerNs)
    }

    /// Time from `now` until the balance (after earnings so far) covers `cost`,
    /// ignoring the capacity cap (a reservation is paid for in advance).
    func waitUntilBalance(covers cost: Int64, now: Nanoseconds) -> Nanoseconds {
        let (deficit, overflow) = cost.subtractingReportingOverflow(balanceUnits)  // > 0 here
        if overflow { return .max }
        switch config.refill {
        case .continuous:
            return Nanoseconds(ns: Self.divideRoundingUp(deficit, unitsPerNs))
        case .periodic:
            // Whole cycles of `limitForPeriod` permits, counted from the current cycle's start.
            let perCycle = unitsPerNs * unitsPerPermit
            let cycles = Self.divideRoundingUp(deficit, perCycle)
            let (span, spanOverflow) = cycles.multipliedReportingOverflow(by: unitsPerPermit)
            if spanOverflow { return .max }
            return Nanoseconds(ns: earnedUntil.ns - now.ns).saturatingAdd(Nanoseconds(ns: span))
        }
    }

    /// A delay after which the same request would be admitted, assuming no one
    /// else takes permits meanwhile.
    func retryAfter(cost: Int64, wait: Nanoseconds, now: Nanoseconds) -> Nanoseconds {
        if wait == .max { return .max }
        if cost <= capacityUnits {
            // The moment the permits are earned does not move, so asking
            // `wait - maxWait` later leaves exactly `maxWait` to wait.
            return wait - config.maxWait
        }
        // More than the bucket holds: even from a full bucket the rest must be
        // waited for. If that alone exceeds maxWait, never; else retry once full.
        var full = self
        full.balanceUnits = capacityUnits
        let fromFull = full.waitUntilBalance(covers: cost, now: full.earnedUntil)
        if fromFull > config.maxWait { return .max }
        switch config.refill {
        case .continuous:
            return Nanoseconds(ns: Self.divideRoundingUp(capacityUnits - balanceUnits, unitsPerNs))
        case .periodic:
            let cycles = Self.divideRoundingUp(capacityUnits - balanceUnits, unitsPerNs * unitsPerPermit)
            return Nanoseconds(ns: earnedUntil.ns - now.ns + cycles * unitsPerPermit)
        }
    }

    /// Ceiling of `a / b` for `a >= 0`, `b > 0`.
    static func divideRoundingUp(_ a: Int64, _ b: Int64) -> Int64 {
        a / b + (a % b == 0 ? 0 : 1)
    }
}
