/// A token bucket in exact integer arithmetic.
///
/// Continuous refill keeps the time at which the bucket would be full
/// (`fullAt`, GCRA style): a token is worth `nsPerToken` nanoseconds, so the
/// number of tokens is never fractional and never above `burst`. Periodic
/// refill counts permits left in the current period. Reservations (waiting up
/// to `maxWait`) borrow from the future and make later callers wait.
public struct RateLimiter: Sendable {
    public let config: RateLimiterConfig
    let nsPerToken: Int64
    let capacityNs: Int64
    /// Continuous: the time from which the bucket is empty of reservations and
    /// refills; tokens(now) = min(burst, (now - emptyAt) / nsPerToken).
    var emptyAt: Int64
    /// Periodic: the period of the last update and permits left in it (may be negative: reserved ahead).
    var period: Int64 = 0
    var permitsLeft: Int

    public init(config: RateLimiterConfig) {
        self.config = config
        nsPerToken = max(1, Int64((1e9 / config.rateRps).rounded()))
        capacityNs = nsPerToken * Int64(config.burst)
        // Starts full.
        emptyAt = -capacityNs
        permitsLeft = config.limitForPeriod
    }

    /// Tokens available at `now` (continuous) or permits left in this period (periodic).
    public mutating func available(at now: Nanoseconds) -> Int {
        switch config.refill {
        case .continuous:
            let credit = min(capacityNs, max(0, now.ns - emptyAt))
            return Int(credit / nsPerToken)
        case .periodic:
            roll(to: now)
            return max(0, permitsLeft)
        }
    }

    public mutating func acquire(now: Nanoseconds, permits: Int = 1) -> RateDecision {
        switch config.refill {
        case .continuous: return acquireContinuous(now: now, permits: permits)
        case .periodic: return acquirePeriodic(now: now, permits: permits)
        }
    }

    mutating func acquireContinuous(now: Nanoseconds, permits: Int) -> RateDecision {
        // Never more credit than a full bucket.
        let start = max(emptyAt, now.ns - capacityNs)
        let cost = nsPerToken * Int64(permits)
        let newEmptyAt = start + cost
        let wait = newEmptyAt - now.ns
        if wait <= 0 {
            emptyAt = newEmptyAt
            return .admitted
        }
        if wait <= config.maxWait.ns {
            emptyAt = newEmptyAt
            return .admittedAfter(.ns(wait))
        }
        return .rejected(retryAfter: .ns(wait))
    }

    mutating func roll(to now: Nanoseconds) {
        let current = now.ns / config.refreshPeriod.ns
        if current > period {
            // Reservations made ahead are paid out of the new periods.
            let elapsed = current - period
            let refilled = Int64(permitsLeft) + elapsed * Int64(config.limitForPeriod)
            permitsLeft = Int(min(Int64(config.limitForPeriod), refilled))
            period = current
        }
    }

    mutating func acquirePeriodic(now: Nanoseconds, permits: Int) -> RateDecision {
        roll(to: now)
        if permitsLeft >= permits {
            permitsLeft -= permits
            return .admitted
        }
        // Periods needed until the deficit is paid: ceil((permits - left) / limit).
        let deficit = Int64(permits - permitsLeft)
        let periodsAhead = (deficit + Int64(config.limitForPeriod) - 1) / Int64(config.limitForPeriod)
        let wait = (period + periodsAhead) * config.refreshPeriod.ns - now.ns
        if wait <= config.maxWait.ns {
            permitsLeft -= permits
            return .admittedAfter(.ns(wait))
        }
        return .rejected(retryAfter: .ns(wait))
    }
}
