import Testing
@testable import Policy

/// Hedging schedule per gRPC A6: "The original RPC will be sent immediately,
/// but the maxAttempts-1 subsequent hedged RPCs will be sent at intervals of
/// every hedgingDelay" (read with the search tool).
@Suite struct HedgingTests {
    @Test func copiesAreSpacedByTheHedgeDelayFromTheFirst() {
        let config = HedgingConfig(maxAttempts: 4, hedgeDelay: .ms(500))
        let start = Nanoseconds.seconds(3)
        let times = (0...4).map { config.nextHedgeTime(attemptsSent: $0, firstSentAt: start) }
        #expect(times == [start, start + .ms(500), start + .ms(1_000), start + .ms(1_500), nil])
    }

    @Test func zeroDelaySendsEveryCopyAtOnce() {
        let config = HedgingConfig(maxAttempts: 3, hedgeDelay: .zero)
        #expect(config.nextHedgeTime(attemptsSent: 1, firstSentAt: .ms(7)) == .ms(7))
        #expect(config.nextHedgeTime(attemptsSent: 2, firstSentAt: .ms(7)) == .ms(7))
        #expect(config.nextHedgeTime(attemptsSent: 3, firstSentAt: .ms(7)) == nil)
    }

    @Test func defaultIsOff() {
        let config = HedgingConfig()
        #expect(config.maxAttempts == 1)
        #expect(config.hedgeDelay == .zero)
        #expect(config.cancelLosers)
        #expect(config.nextHedgeTime(attemptsSent: 1, firstSentAt: .zero) == nil)
    }

    @Test func scheduleSaturatesNearTheEndOfTime() {
        let config = HedgingConfig(maxAttempts: 5, hedgeDelay: Nanoseconds(ns: Int64.max / 2))
        #expect(config.nextHedgeTime(attemptsSent: 4, firstSentAt: .seconds(1)) == .max)
        #expect(config.nextHedgeTime(attemptsSent: 1, firstSentAt: Nanoseconds(ns: Int64.max - 1)) == .max)
    }

    @Test func hedgeCountNeverExceedsMaxAttemptsOverRandomSchedules() {
        var rng = SplitMix64(seed: 314)
        for _ in 0..<5_000 {
            let config = HedgingConfig(maxAttempts: 1 + Int(rng.nextBelow(5)), hedgeDelay: .ms(Int64(rng.nextBelow(2_000))))
            let first = Nanoseconds.ms(Int64(rng.nextBelow(1_000_000)))
            var sent = 0
            var last = first
            // A success arrives at a random time; copies due before it are sent.
            let successAt = first + .ms(Int64(rng.nextBelow(10_000)))
            while let due = config.nextHedgeTime(attemptsSent: sent, firstSentAt: first), due <= successAt {
                #expect(due >= last)
                last = due
                sent += 1
                if sent > 10 { break }
            }
            #expect(sent >= 1 && sent <= config.maxAttempts)
        }
    }
}
