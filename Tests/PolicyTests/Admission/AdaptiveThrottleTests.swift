import Testing
@testable import Policy

/// Google SRE book, "Handling Overload", client-side throttling: reject with
/// probability max(0, (requests - K * accepts) / (requests + 1)), K = 2, over
/// the last 2 minutes; requests are counted by the application layer, before
/// they are sent (locally rejected ones included).
@Suite struct AdaptiveThrottleTests {
    /// Counts `requests` attempts at `now` (their throttle decisions ignored) and `accepts` accepts.
    static func load(_ throttle: inout AdaptiveThrottle, requests: Int, accepts: Int, at now: Nanoseconds) {
        for _ in 0..<requests { throttle.history.add(ThrottleCounts(requests: 1, accepts: 0), at: now) }
        for _ in 0..<accepts { throttle.recordAccepted(now: now) }
    }

    /// (requests, accepts, probability) worked out from the formula with K = 2.
    static let bookCases: [(Int, Int, Double)] = [
        (0, 0, 0), (10, 10, 0), (10, 5, 0), (10, 3, 4.0 / 11), (10, 0, 10.0 / 11),
        (100, 20, 60.0 / 101), (100, 49, 2.0 / 101), (1_000, 0, 1_000.0 / 1_001),
    ]

    @Test(arguments: bookCases)
    func probabilityFollowsTheBookFormula(requests: Int, accepts: Int, probability: Double) {
        var throttle = AdaptiveThrottle(config: AdaptiveThrottleConfig())
        Self.load(&throttle, requests: requests, accepts: accepts, at: .seconds(1))
        #expect(throttle.rejectProbability(at: .seconds(1)) == probability)
    }

    @Test func grpcPaddingSoftensTheFirstFailures() {
        var throttle = AdaptiveThrottle(config: .preset(.grpc)!)
        Self.load(&throttle, requests: 10, accepts: 0, at: .zero)
        // (10 - 0) / (10 + 8).
        #expect(throttle.rejectProbability(at: .zero) == 10.0 / 18)
    }

    @Test func historyOlderThanTheWindowIsForgotten() {
        var throttle = AdaptiveThrottle(config: AdaptiveThrottleConfig())
        Self.load(&throttle, requests: 10, accepts: 0, at: .ms(500))        // bucket [0 s, 1 s)
        Self.load(&throttle, requests: 10, accepts: 0, at: .seconds(60))
        #expect(throttle.rejectProbability(at: .seconds(119)) == 20.0 / 21)
        // At 120 s the bucket [0, 1 s) has left the 2-minute window.
        #expect(throttle.rejectProbability(at: .seconds(120)) == 10.0 / 11)
        #expect(throttle.rejectProbability(at: .seconds(180)) == 0)
    }

    @Test func shouldRejectCountsTheRequestAfterDecidingFromHistory() {
        var throttle = AdaptiveThrottle(config: AdaptiveThrottleConfig())
        var rng = SplitMix64(seed: 3)
        // No history: probability 0, so never rejected and no random draw.
        let before = rng.state
        let first = throttle.shouldReject(now: .zero, using: &rng)
        #expect(!first && rng.state == before)
        #expect(throttle.counts(at: .zero) == ThrottleCounts(requests: 1, accepts: 0))
        // Now 1 request, 0 accepts: p = 1/2; the decision is the next unit draw < 0.5.
        var replay = rng
        let expected = replay.nextUnit() < 0.5
        let second = throttle.shouldReject(now: .zero, using: &rng)
        #expect(second == expected && rng.state == replay.state)
        #expect(throttle.counts(at: .zero).requests == 2)
    }

    @Test func clientRejectsNearlyEverythingWhileTheBackendAcceptsNothing() {
        // Backend accepts nothing: locally rejected requests still count, so p
        // climbs towards 1 and nearly every attempt is rejected at the client.
        var throttle = AdaptiveThrottle(config: AdaptiveThrottleConfig())
        var rng = SplitMix64(seed: 11)
        var rejected = 0
        for i in 0..<2_000 {
            if throttle.shouldReject(now: .ms(Int64(i)), using: &rng) { rejected += 1 }
        }
        #expect(rejected > 1_900)
        #expect(throttle.rejectProbability(at: .ms(2_000)) == 2_000.0 / 2_001)
    }

    @Test func clientSendsAboutKTimesWhatASaturatedBackendAccepts() {
        // The application offers 1000 rps; the backend accepts 250 rps (a token
        // bucket, burst 10) and refuses the rest with 503. The book: clients
        // then send about K = 2 times what is accepted, so p settles near
        // (1000 - 2 * 250) / 1000 = 0.5 and about 500 rps reach the backend.
        var throttle = AdaptiveThrottle(config: AdaptiveThrottleConfig())
        var backend = RateLimiter(config: .tokenBucket(rateRps: 250, burst: 10))
        var rng = SplitMix64(seed: 5)
        var sentLastTenSeconds = 0
        for millisecond in Int64(0)..<60_000 {
            let now = Nanoseconds.ms(millisecond)
            if throttle.shouldReject(now: now, using: &rng) { continue }
            if millisecond >= 50_000 { sentLastTenSeconds += 1 }
            let accepted = backend.acquire(now: now) == .admitted
            throttle.record(now: now, outcome: accepted ? .success : .overloaded)
        }
        let counts = throttle.counts(at: .ms(59_999))
        #expect(counts.requests == 60_000)
        // 250 rps for 60 s plus the initial burst of 10, give or take one.
        #expect((15_000...15_010).contains(counts.accepts))
        #expect(abs(throttle.rejectProbability(at: .ms(59_999)) - 0.5) < 0.001)
        #expect(abs(sentLastTenSeconds - 5_000) < 250)
    }

    @Test func recordCountsOnlyOutcomesTheBackendAccepted() {
        var throttle = AdaptiveThrottle(config: AdaptiveThrottleConfig())
        for outcome in OutcomeClass.allCases { throttle.record(now: .zero, outcome: outcome) }
        // success, serverError, clientError.
        #expect(throttle.counts(at: .zero) == ThrottleCounts(requests: 0, accepts: 3))
    }
}
