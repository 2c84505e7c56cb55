import Testing
@testable import Policy

/// Whole requests driven by `decide` and `perTryTimeout(now:requestStart:)`
/// over thousands of seeded random configurations, outcomes and server
/// retry-afters: the per-request limits must hold whatever happens.
@Suite struct RetryDecisionPropertyTests {
    static func randomDuration(_ rng: inout SplitMix64, upTo limit: Int64) -> Nanoseconds {
        Nanoseconds(ns: Int64(rng.nextBelow(UInt64(limit) + 1)))
    }

    /// Random, but weighted towards the corners where bounds break: decorrelated
    /// jitter, honoured retry-afters, no deadline, several attempts.
    static func randomConfig(_ rng: inout SplitMix64) -> RetryConfig {
        let base = randomDuration(&rng, upTo: 500_000_000)
        let backoff = BackoffConfig(
            kind: BackoffConfig.Kind.allCases[Int(rng.nextBelow(UInt64(BackoffConfig.Kind.allCases.count)))],
            base: base, multiplier: 1 + rng.nextUnit() * 2,
            cap: rng.chance(0.2) ? .max : base + randomDuration(&rng, upTo: 5_000_000_000),
            jitter: rng.chance(0.4) ? .decorrelated : BackoffConfig.Jitter.allCases[Int(rng.nextBelow(UInt64(BackoffConfig.Jitter.allCases.count)))],
            throttledBase: rng.chance(0.5) ? .zero : randomDuration(&rng, upTo: 2_000_000_000))
        return RetryConfig(
            maxAttempts: 1 + Int(rng.nextBelow(6)),
            retryOn: rng.chance(0.5) ? .allFailures : OutcomeClassSet(bits: UInt16(rng.nextBelow(256)) & ~OutcomeClass.success.bit),
            perTryTimeout: rng.chance(0.2) ? .max : .ms(1) + randomDuration(&rng, upTo: 3_000_000_000),
            deadline: rng.chance(0.6) ? .max : .ms(1) + randomDuration(&rng, upTo: 20_000_000_000),
            honorRetryAfter: rng.chance(0.7), maxRetryAfter: randomDuration(&rng, upTo: 10_000_000_000), backoff: backoff)
    }

    @Test func requestsNeverExceedMaxAttemptsTheDeadlineOrTheWorstCaseLatency() {
        var rng = SplitMix64(seed: 0xDEC1DE)
        var violations: [String] = []
        for run in 0..<10_000 {
            let config = Self.randomConfig(&rng)
            if (try? config.validate()) == nil { violations.append("run \(run): invalid config") }
            let bound = config.worstCaseLatency
            let start = Self.randomDuration(&rng, upTo: 1_000_000_000_000)
            var now = start
            var attempts = 0
            var previousDelay = Nanoseconds.zero
            while true {
                // The attempt lasts up to its effective timeout (10 s if none), and
                // often exactly that long: the worst case is what the bound is about.
                let timeout = Swift.min(config.perTryTimeout(now: now, requestStart: start), .seconds(10))
                now += rng.chance(0.7) ? timeout : Self.randomDuration(&rng, upTo: timeout.ns)
                attempts += 1
                let outcome = OutcomeClass.allCases[Int(rng.nextBelow(UInt64(OutcomeClass.allCases.count)))]
                let retryAfter: Nanoseconds? = switch rng.nextBelow(10) {
                case 0...2: nil
                case 3: .ms(-1)
                case 4...6: config.maxRetryAfter
                default: Self.randomDuration(&rng, upTo: 2 * config.maxRetryAfter.ns)
                }
                let decision = config.decide(attemptsMade: attempts, outcome: outcome, now: now, requestStart: start,
                                             previousDelay: previousDelay, retryAfter: retryAfter, using: &rng)
                guard case .retry(let delay) = decision else { break }
                if delay < .zero { violations.append("run \(run): negative delay \(delay.ns)") }
                now += delay
                previousDelay = delay
            }
            let elapsed = now - start
            if attempts > config.maxAttempts { violations.append("run \(run): \(attempts) attempts > \(config.maxAttempts)") }
            if elapsed > bound { violations.append("run \(run): elapsed \(elapsed.ns) > worst case \(bound.ns)") }
            if config.deadline != .max && elapsed > config.deadline { violations.append("run \(run): elapsed \(elapsed.ns) > deadline") }
        }
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }
}
