import Testing
@testable import Policy

/// Invariants over thousands of seeded random event sequences.
@Suite struct AdmissionPropertyTests {
    static func draw(_ rng: inout SplitMix64, _ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.nextBelow(UInt64(range.count)))
    }

    static func randomRateConfig(_ rng: inout SplitMix64) -> RateLimiterConfig {
        let maxWait: Nanoseconds = rng.chance(0.4) ? .zero : .ms(Int64(draw(&rng, 1...3_000)))
        if rng.chance(0.5) {
            // A decimal rate in rps (exact to 0.001).
            let rate = Double(draw(&rng, 1...50_000)) / 1000
            return .tokenBucket(rateRps: rate, burst: draw(&rng, 1...20), maxWait: maxWait)
        }
        return .periodic(limitForPeriod: draw(&rng, 1...5), refreshPeriod: .ms(Int64(draw(&rng, 1...1_000))), maxWait: maxWait)
    }

    /// Permits earned from time 0 to `t` (not counting the initial full bucket).
    static func earned(by t: Nanoseconds, _ config: RateLimiterConfig) -> Int64 {
        let rate = config.effectiveRate
        switch config.refill {
        case .continuous: return t.ns * rate.tokens / rate.periodNs  // well inside Int64 for these runs
        case .periodic: return rate.tokens * (t.ns / rate.periodNs)
        }
    }

    @Test func tokenBucketNeverExceedsCapacityNorAdmitsMoreThanRateTimesTimePlusBurst() {
        for seed in UInt64(0)..<1_500 {
            var rng = SplitMix64(seed: seed)
            let config = Self.randomRateConfig(&rng)
            #expect(validationField(config) == nil)
            var limiter = RateLimiter(config: config)
            var now = Nanoseconds.zero
            var proceeds: [(at: Nanoseconds, permits: Int)] = []
            let periodNs = config.effectiveRate.periodNs
            for _ in 0..<80 {
                now += Nanoseconds(ns: Int64(rng.nextBelow(UInt64(2 * periodNs / config.effectiveRate.tokens + 2))))
                let permits = rng.chance(0.05) ? config.capacity + 1 : Self.draw(&rng, 1...min(config.capacity, 4))
                var probe = limiter
                probe.earn(until: now)
                let decision = limiter.acquire(now: now, permits: permits)
                #expect(limiter.balanceUnits <= limiter.capacityUnits)
                #expect(limiter.availablePermits(at: now) <= config.capacity)
                switch decision {
                case .admitted:
                    proceeds.append((now, permits))
                case .admittedAfter(let wait):
                    #expect(wait > .zero && wait <= config.maxWait)
                    proceeds.append((now + wait, permits))
                case .rejected(let retryAfter):
                    #expect(limiter.balanceUnits == probe.balanceUnits, "a rejection takes nothing")
                    #expect(retryAfter > .zero)
                    if retryAfter != .max {
                        // Asked again after retryAfter with no one else taking permits: admitted.
                        var again = limiter
                        let later = again.acquire(now: now + retryAfter, permits: permits)
                        #expect(later.isAdmitted, "seed \(seed)")
                    }
                }
            }
            // Permits proceeding by any time T <= burst + what was earned by T.
            proceeds.sort { $0.at < $1.at }
            var total = 0
            for entry in proceeds {
                total += entry.permits
                #expect(Int64(total) <= Int64(config.capacity) + Self.earned(by: entry.at, config), "seed \(seed)")
            }
        }
    }

    static func randomConcurrencyConfig(_ rng: inout SplitMix64) -> ConcurrencyLimitConfig {
        var config = ConcurrencyLimitConfig(kind: ConcurrencyLimitConfig.Kind.allCases[draw(&rng, 0...3)],
                                            maxConcurrent: draw(&rng, 1...50))
        let minLimit = draw(&rng, 1...20)
        let maxLimit = minLimit + draw(&rng, 0...100)
        let initial = draw(&rng, minLimit...maxLimit)
        config.aimd = AIMDLimitConfig(initialLimit: initial, minLimit: minLimit, maxLimit: maxLimit,
                                      backoffRatio: 0.5 + 0.49 * rng.nextUnit(), rttTimeout: .ms(Int64(draw(&rng, 50...2_000))))
        config.gradient2 = Gradient2LimitConfig(initialLimit: initial, minLimit: minLimit, maxLimit: maxLimit,
                                                smoothing: 0.05 + 0.95 * rng.nextUnit(), queueSize: draw(&rng, 0...8),
                                                longWindow: draw(&rng, 1...600), rttTolerance: 1 + rng.nextUnit())
        config.vegas = VegasLimitConfig(initialLimit: initial, minLimit: minLimit, maxLimit: maxLimit,
                                        smoothing: 0.05 + 0.95 * rng.nextUnit(), probeMultiplier: draw(&rng, 1...30))
        return config
    }

    static func bounds(_ config: ConcurrencyLimitConfig) -> ClosedRange<Int> {
        switch config.kind {
        case .fixed: config.maxConcurrent...config.maxConcurrent
        case .aimd: config.aimd.minLimit...config.aimd.maxLimit
        case .gradient2: config.gradient2.minLimit...config.gradient2.maxLimit
        case .vegas: config.vegas.minLimit...config.vegas.maxLimit
        }
    }

    @Test func concurrencyLimiterKeepsInflightUnderTheLimitAndTheLimitInBounds() {
        for seed in UInt64(0)..<1_000 {
            var rng = SplitMix64(seed: seed)
            let config = Self.randomConcurrencyConfig(&rng)
            #expect(validationField(config) == nil)
            var limiter = ConcurrencyLimiter(config: config, seed: seed)
            let bounds = Self.bounds(config)
            var admittedAtInflight: [Int] = []
            var now = Nanoseconds.zero
            var limit = limiter.limit
            for _ in 0..<300 {
                now += .us(Int64(rng.nextBelow(5_000)))
                if rng.chance(0.55) || admittedAtInflight.isEmpty {
                    let admitted = limiter.tryAcquire(now: now)
                    if admitted {
                        #expect(limiter.inflight <= limiter.limit)
                        admittedAtInflight.append(limiter.inflight)
                    } else {
                        #expect(limiter.inflight >= limiter.limit)
                    }
                } else {
                    let index = Int(rng.nextBelow(UInt64(admittedAtInflight.count)))
                    let inflightAtAcquire = admittedAtInflight.remove(at: index)
                    let rtt = Nanoseconds.us(Int64(1 + rng.nextBelow(rng.chance(0.1) ? 3_000_000 : 50_000)))
                    let outcome = OutcomeClass.allCases[Self.draw(&rng, 0...7)]
                    let change = limiter.release(now: now, rtt: rtt, outcome: outcome, inflightAtAcquire: inflightAtAcquire)
                    if let change {
                        #expect(change.from == limit && change.to == limiter.limit && change.from != change.to && change.at == now)
                    } else {
                        #expect(limiter.limit == limit, "a limit never moves without a LimitChange")
                    }
                    limit = limiter.limit
                }
                #expect(limiter.inflight >= 0 && limiter.inflight == admittedAtInflight.count)
                #expect(bounds.contains(limiter.limit), "seed \(seed) \(config.kind)")
            }
        }
    }

    @Test func throttleProbabilityStaysInZeroToOne() {
        for seed in UInt64(0)..<1_000 {
            var rng = SplitMix64(seed: seed)
            let config = AdaptiveThrottleConfig(k: 1 + 2 * rng.nextUnit(), window: .seconds(10), bucketWidth: .ms(500),
                                                requestsPadding: 0.1 + 9.9 * rng.nextUnit())
            #expect(validationField(config) == nil)
            var throttle = AdaptiveThrottle(config: config)
            let acceptShare = rng.nextUnit()
            var now = Nanoseconds.zero
            for _ in 0..<300 {
                now += .ms(Int64(rng.nextBelow(rng.chance(0.02) ? 20_000 : 100)))
                let probability = throttle.rejectProbability(at: now)
                #expect(probability >= 0 && probability < 1, "seed \(seed)")
                if !throttle.shouldReject(now: now, using: &rng) {
                    throttle.record(now: now, outcome: rng.chance(acceptShare) ? .success : .overloaded)
                }
                let counts = throttle.counts(at: now)
                #expect(counts.requests >= 0 && counts.accepts >= 0)
            }
        }
    }

    @Test func codelDropsOnlyAfterTheDelayStayedAboveTargetForAnInterval() {
        for seed in UInt64(0)..<1_000 {
            var rng = SplitMix64(seed: seed)
            let target = Nanoseconds.ms(Int64(Self.draw(&rng, 1...20)))
            let interval = Nanoseconds.ms(Int64(Self.draw(&rng, 20...200)))
            var shedder = LoadShedder(config: LoadShedderConfig(kind: .queueTime, codelTarget: target, codelInterval: interval))
            var now = Nanoseconds.zero
            var aboveSince: Nanoseconds? = nil
            var lastDropAt: Nanoseconds? = nil
            for _ in 0..<300 {
                let dropFollowUp = lastDropAt == now
                if !dropFollowUp { now += .ms(Int64(rng.nextBelow(30))) }
                if !dropFollowUp && rng.chance(0.03) {
                    shedder.onQueueEmpty()
                    aboveSince = nil
                    continue
                }
                let sojourn = Nanoseconds.ms(Int64(rng.nextBelow(UInt64(target.ns / 1_000_000 * 3 + 1))))
                if sojourn < target { aboveSince = nil } else if aboveSince == nil { aboveSince = now }
                if !dropFollowUp, let dropAt = lastDropAt, dropAt != now {
                    // Nothing followed the last drop at its instant: the queue had emptied.
                    aboveSince = sojourn < target ? nil : now
                }
                let dropped = shedder.onDequeue(now: now, sojourn: sojourn)
                if dropped {
                    #expect(sojourn >= target, "seed \(seed)")
                    #expect(now >= aboveSince! + interval, "seed \(seed)")
                    lastDropAt = now
                } else {
                    lastDropAt = nil
                }
            }
        }
    }

    @Test func priorityShedsLessImportantClassesFirstAndFullerQueuesMore() {
        for seed in UInt64(0)..<500 {
            var rng = SplitMix64(seed: seed)
            var thresholds: [Double] = [Double(Self.draw(&rng, 0...100))]
            for _ in 0..<Self.draw(&rng, 0...4) { thresholds.append(Double(Self.draw(&rng, 0...Int(thresholds.last!)))) }
            var shedder = LoadShedder(config: LoadShedderConfig(kind: .priority, priorityThresholdsPercent: thresholds))
            let capacity = Self.draw(&rng, 1...50)
            for length in 0...capacity {
                for priority in 0..<thresholds.count + 1 {
                    let shed = shedder.admit(now: .zero, queueLength: length, capacity: capacity, priority: priority).isShed
                    let lessImportant = shedder.admit(now: .zero, queueLength: length, capacity: capacity, priority: priority + 1).isShed
                    let fuller = shedder.admit(now: .zero, queueLength: length + 1, capacity: capacity, priority: priority).isShed
                    #expect(!shed || (lessImportant && fuller), "seed \(seed)")
                }
            }
        }
    }
}
