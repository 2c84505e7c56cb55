import Testing
@testable import Policy

/// `recordRequest` is inlined into the pipeline and only deposits: the `.ratio`
/// level is computed from the window's total when read. Pin its deposits, the
/// level after each one, and the expiry of deposits as the window's buckets rotate.
@Suite struct RetryBudgetDepositTests {
    /// 50% of a request per deposit, no reserve, a 10 s ttl in ten 1 s slices.
    static func ratio() -> RetryBudget {
        var config = RetryBudgetConfig()
        config.kind = .ratio
        config.ratio.percent = 50
        config.ratio.minRetriesPerSecond = 0
        config.ratio.ttl = .seconds(10)
        return RetryBudget(config: config)
    }

    @Test func eachDepositRaisesTheLevelByItsShare() {
        var budget = Self.ratio()
        #expect(budget.level == 0)
        var expected: [Double] = []
        var levels: [Double] = []
        for index in 0..<6 {
            budget.recordRequest(now: .ms(Int64(index) * 100))
            levels.append(budget.level)
            expected.append(Double(index + 1) * 0.5)
        }
        #expect(levels == expected)
    }

    @Test func depositsExpireSliceBySliceAsBucketsRotate() {
        var budget = Self.ratio()
        budget.recordRequest(now: .ms(500))    // slice 0
        budget.recordRequest(now: .ms(1_500))  // slice 1
        budget.recordRequest(now: .ms(2_500))  // slice 2
        #expect(budget.level == 1.5)
        // At 10 s slice 0 leaves the window; the deposit made there lands in slice 10.
        budget.recordRequest(now: .seconds(10))
        #expect(budget.level == 1.5)
        #expect(budget.level(at: .seconds(11)) == 1.0)
        // Far later every slice has expired: only a new deposit counts.
        budget.recordRequest(now: .seconds(100))
        #expect(budget.level == 0.5)
    }

    /// The `.ratio` level read after any sequence of deposits, retries
    /// (allowed or refused) and `level(at:)` equals the balance of a plain list
    /// of the deposits and withdrawals still in the window (ten ttl slices),
    /// over the units of one retry; and a retry is allowed exactly when that
    /// balance covers one.
    @Test func ratioLevelIsTheBalanceOfTheLiveDepositsAndWithdrawals() {
        var config = RetryBudgetConfig()
        config.kind = .ratio
        config.ratio.percent = 30
        config.ratio.minRetriesPerSecond = 0.5
        config.ratio.ttl = .seconds(2)
        var budget = RetryBudget(config: config)
        let reserve: Int64 = 100_000  // 0.5 retries a second for 2 s
        let slice: Int64 = 200_000_000
        var newest: Int64 = 0
        var entries: [(slice: Int64, units: Int64)] = []
        func balance(at now: Nanoseconds) -> Int64 {
            newest = max(newest, now.ns / slice)
            return reserve + entries.filter { $0.slice > newest - 10 }.map(\.units).reduce(0, +)
        }
        var rng = SplitMix64(seed: 11)
        var now = Nanoseconds.zero
        var mismatches = 0
        var allowed = 0, refused = 0
        for _ in 0..<5_000 {
            now += .ms(Int64(rng.nextBelow(rng.chance(0.02) ? 3_000 : 20)))
            switch rng.nextBelow(3) {
            case 0:
                budget.recordRequest(now: now)
                _ = balance(at: now)
                entries.append((newest, 30_000))
            case 1:
                let expected = balance(at: now) >= 100_000
                let got = budget.tryAcquireRetry(now: now, outcome: .serverError, activeRequests: 0, activeRetries: 0)
                if got != expected { mismatches += 1 }
                if got { entries.append((newest, -100_000)); allowed += 1 } else { refused += 1 }
            default:
                let level = budget.level(at: now)
                if level != Double(max(0, balance(at: now))) / 100_000 { mismatches += 1 }
            }
            if budget.level != Double(max(0, balance(at: now))) / 100_000 { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(allowed > 100 && refused > 100)
    }

    @Test func otherKindsIgnoreRequests() {
        var budget = RetryBudget(config: RetryBudgetConfig.preset(.grpc)!)
        let before = budget.level
        for ms: Int64 in 0..<50 { budget.recordRequest(now: .ms(ms * 300)) }
        #expect(budget.level == before)
    }
}
