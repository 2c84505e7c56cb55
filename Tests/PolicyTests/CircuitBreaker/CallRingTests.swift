import Testing
@testable import Policy

/// `CallRing` keeps its head block in stored words and the other blocks in an
/// array (64 calls a block): these pin that it still counts exactly the last
/// `capacity` calls, across block boundaries, wrap-around, resets and copies.
@Suite struct CallRingTests {
    /// The obvious implementation: the last `capacity` calls in a list.
    struct NaiveRing {
        let capacity: Int
        var calls: [(failed: Bool, slow: Bool)] = []

        mutating func record(failed: Bool, slow: Bool) {
            calls.append((failed, slow))
            if calls.count > capacity { calls.removeFirst() }
        }

        var totals: CallCounts {
            CallCounts(calls: calls.count, failures: calls.filter(\.failed).count, slow: calls.filter(\.slow).count)
        }
    }

    static let capacities = [1, 2, 10, 63, 64, 65, 100, 127, 128, 129, 300]

    /// Failure and slow-call rates: frequent, and rare (most records are then
    /// a fast success replacing another, which changes no bit and no total).
    static let rates: [(failed: Double, slow: Double)] = [(0.3, 0.2), (0.02, 0.01)]

    @Test(arguments: capacities, rates.indices)
    func totalsMatchTheLastCapacityCalls(capacity: Int, rate: Int) {
        var rng = SplitMix64(seed: UInt64(capacity))
        var ring = CallRing(capacity: capacity)
        var naive = NaiveRing(capacity: capacity)
        var mismatches = 0
        for step in 0..<(5 * capacity + 200) {
            if step == 3 * capacity + 7 {
                // A reset mid-block (as entering closed or half-open does) empties it.
                ring.reset()
                naive.calls.removeAll()
            }
            let failed = rng.chance(Self.rates[rate].failed)
            let slow = rng.chance(Self.rates[rate].slow)
            ring.record(failed: failed, slow: slow)
            naive.record(failed: failed, slow: slow)
            if ring.totals != naive.totals || ring.filled != naive.calls.count || ring.isFull != (naive.calls.count == capacity) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(ring.totals == naive.totals)
        #expect(ring.capacity == capacity)
    }

    @Test func evictsACallStoredInAnEarlierBlock() {
        // Capacity 65: calls 0...63 fill block 0, call 64 is block 1; the 66th
        // call evicts call 0, which by then lives in the array, not the head.
        var ring = CallRing(capacity: 65)
        for _ in 0..<65 { ring.record(failed: true, slow: false) }
        #expect(ring.totals == CallCounts(calls: 65, failures: 65, slow: 0))
        ring.record(failed: false, slow: true)
        #expect(ring.totals == CallCounts(calls: 65, failures: 64, slow: 1))
        for _ in 0..<63 { ring.record(failed: false, slow: false) }
        #expect(ring.totals == CallCounts(calls: 65, failures: 1, slow: 1))
        ring.record(failed: false, slow: false)  // evicts call 64 (block 1)
        #expect(ring.totals == CallCounts(calls: 65, failures: 0, slow: 1))
        ring.record(failed: false, slow: false)  // evicts call 65, the slow one
        #expect(ring.totals == CallCounts(calls: 65, failures: 0, slow: 0))
    }

    @Test func aCopyIsIndependent() {
        var rng = SplitMix64(seed: 7)
        var original = CallRing(capacity: 130)
        var naiveOriginal = NaiveRing(capacity: 130)
        for _ in 0..<100 {
            let failed = rng.chance(0.5)
            original.record(failed: failed, slow: false)
            naiveOriginal.record(failed: failed, slow: false)
        }
        // The copy is taken with the head mid-block; both then cross block
        // boundaries and wrap, each with its own calls.
        var copy = original
        var naiveCopy = naiveOriginal
        for _ in 0..<300 {
            original.record(failed: true, slow: false)
            naiveOriginal.record(failed: true, slow: false)
            let slow = rng.chance(0.5)
            copy.record(failed: false, slow: slow)
            naiveCopy.record(failed: false, slow: slow)
        }
        #expect(original.totals == CallCounts(calls: 130, failures: 130, slow: 0))
        #expect(original.totals == naiveOriginal.totals)
        #expect(copy.totals.failures == 0)
        #expect(copy.totals == naiveCopy.totals)
    }

    /// A count window larger than one block, through the breaker: its
    /// metrics are those of the last `slidingWindowSize` calls.
    @Test(arguments: [65, 100, 200])
    func breakerMetricsCountTheLastWindowCalls(size: Int) throws {
        let config = CircuitBreakerConfig(slidingWindowSize: size, minimumNumberOfCalls: size,
                                          failureRateThresholdPercent: 100, slowCallRateThresholdPercent: 100,
                                          slowCallDuration: .ms(100))
        try config.validate()
        var breaker = CircuitBreaker(config: config)
        var naive = NaiveRing(capacity: size)
        var rng = SplitMix64(seed: UInt64(size))
        var mismatches = 0
        for step in 0..<(4 * size) {
            let outcome: OutcomeClass = rng.chance(0.3) ? .serverError : .success
            let duration = Nanoseconds.ms(rng.chance(0.2) ? 150 : 20)
            let now = Nanoseconds.ms(Int64(step))
            let transition = breaker.record(now: now, outcome: outcome, duration: duration)
            naive.record(failed: outcome != .success, slow: duration > .ms(100))
            let totals = naive.totals
            let expected = BreakerMetrics(bufferedCalls: totals.calls, failedCalls: totals.failures, slowCalls: totals.slow,
                                          minimumCalls: size)
            if transition != nil || breaker.metrics != expected || breaker.state != .closed { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(breaker.metrics.bufferedCalls == size)
    }
}
