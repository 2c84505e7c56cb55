import Testing
@testable import Policy

/// Firing and resolving times on scripted error streams, computed by hand.
/// Rules: Google SRE workbook, "Alerting on SLOs" (burn rate = error ratio /
/// (1 - SLO); a rule fires when both windows are above its burn rate, its
/// Prometheus rules use `>`; 14.4x over 1 h and 5 m, 6x over 6 h and 30 m,
/// 1x over 3 d and 6 h).
@Suite struct BurnRateAlertTests {
    /// 1,000 requests at every whole minute from 0 to `endMinute`, 100 of them
    /// failing (10 %: burn 100x at 99.9 %) in `[badFrom, badUntil)`; evaluated
    /// after each record. Returns (rule name, state, minute) of every transition.
    static func run(_ config: BurnRateAlertConfig, badFrom: Int64, badUntil: Int64, endMinute: Int64) -> [(String, String, Int64)] {
        var alert = BurnRateAlert(config: config)
        var seen: [(String, String, Int64)] = []
        var buffer: [AlertTransition] = []
        buffer.reserveCapacity(config.rules.count)
        for minute in 0...endMinute {
            let now = Nanoseconds.minutes(minute)
            let bad = minute >= badFrom && minute < badUntil
            alert.record(now: now, good: bad ? 900 : 1_000, total: 1_000)
            buffer.removeAll(keepingCapacity: true)
            alert.evaluate(now: now, into: &buffer)
            seen += buffer.map { ($0.name, $0.stateName, minute) }
        }
        return seen
    }

    @Test func googleSREPresetFiresAndResolvesAtHandComputedMinutes() {
        // Errors from T0 = 72 h (4320 min: every window full, every bucket edge
        // aligned) to T1 = T0 + 60 min. Buckets: 30 s, 3 min, 36 min; a window W
        // spans W plus the elapsed part of the current bucket (r minutes).
        // - page-fast fires at T0+8: the 1 h window holds 61 records; 9 bad give
        //   900/61000/0.001 = 14.75 > 14.4 (8 bad: 13.11). 5 m window: 6 of 6 bad.
        // - page-slow fires at T0+21: 6 h holds 361 + r records; at +21 (r = 0)
        //   22 bad give 6.09 > 6; at +20 (r = 2) 21/363 give 5.79.
        // - ticket fires at T0+43: 72 h holds 4321 + r (r = 43 mod 36 = 7):
        //   44 bad give 4400/4328 = 1.017 > 1; at +42, 4300/4327 = 0.994.
        // - page-fast resolves at T1+5: the 5 m window then holds no bad record.
        // - page-slow resolves at T1+30: the 30 m window (31 + r records) holds
        //   3 bad through T1+29 (burn >= 9.4), none at T1+30.
        // - ticket resolves at T0+432: its 6 h window starts at the bucket edge
        //   6 h before; it holds 24 bad records until T0+431 (burn >= 6.3) and
        //   none from T0+432 (= 12 buckets of 36 min after T0).
        let t0: Int64 = 4_320
        let seen = Self.run(BurnRateAlertConfig.preset(.googleSRE)!, badFrom: t0, badUntil: t0 + 60, endMinute: t0 + 440)
        let expected: [(String, String, Int64)] = [
            ("page-fast", "firing", t0 + 8), ("page-slow", "firing", t0 + 21), ("ticket", "firing", t0 + 43),
            ("page-fast", "resolved", t0 + 65), ("page-slow", "resolved", t0 + 90), ("ticket", "resolved", t0 + 432),
        ]
        #expect(seen.map(\.0) == expected.map(\.0))
        #expect(seen.map(\.1) == expected.map(\.1))
        #expect(seen.map(\.2) == expected.map(\.2))
    }

    @Test func aShortBurstFiresOnlyTheShortWindowAndNoRule() {
        // Four bad minutes: the 5 m window burns at up to 66.7x, but the 1 h
        // window peaks at 400/61 = 6.6x: page-fast never fires; nor does anything else.
        let seen = Self.run(BurnRateAlertConfig(), badFrom: 4_320, badUntil: 4_324, endMinute: 4_400)
        #expect(seen.isEmpty)
    }

    @Test func burnRatesAreReadPerWindow() {
        var alert = BurnRateAlert(config: BurnRateAlertConfig())
        for minute in Int64(0)...120 { alert.record(now: .minutes(minute), good: minute == 120 ? 900 : 1_000, total: 1_000) }
        // 1 h: 100 errors in 61,000 requests; 5 m: 100 in 6,000. Budget 0.001.
        let burns = alert.burnRates(rule: 0, at: .minutes(120))
        #expect(abs(burns.long - 100.0 / 61) < 1e-8)
        #expect(abs(burns.short - 100.0 / 6) < 1e-8)
        let transitions = alert.evaluate(now: .minutes(120))
        #expect(transitions.isEmpty && alert.firing == [false, false, false])
    }

    @Test func burnExactlyAtTheThresholdDoesNotFire() {
        // 144 errors in 10,000 at 99.9 % is exactly 14.4x (the decimal SLO's
        // binary noise would otherwise make it 14.400000000000823); 145 fire at 14.5x.
        let config = BurnRateAlertConfig(sloPercent: 99.9, rules: [
            BurnRateRule(name: "fast", severity: .page, burnRate: 14.4, longWindow: .minutes(1), shortWindow: .minutes(1)),
        ])
        var exact = BurnRateAlert(config: config)
        exact.record(now: .zero, good: 10_000 - 144, total: 10_000)
        #expect(exact.evaluate(now: .zero).isEmpty)
        #expect(exact.burnRates(rule: 0, at: .zero) == (long: 14.4, short: 14.4))

        var over = BurnRateAlert(config: config)
        over.record(now: .zero, good: 10_000 - 145, total: 10_000)
        let fired = over.evaluate(now: .seconds(1))
        #expect(fired == [AlertTransition(ruleIndex: 0, name: "fast", severity: .page, firing: true, at: .seconds(1),
                                          burnLong: 14.5, burnShort: 14.5, threshold: 14.4)])
    }

    @Test func transitionsNameTheStatesTheReportReads() {
        let firing = AlertTransition(ruleIndex: 1, name: "page-slow", severity: .page, firing: true, at: .hours(1),
                                     burnLong: 7.5, burnShort: 12, threshold: 6)
        #expect(firing.stateName == "firing" && firing.previousStateName == "resolved")
        var resolved = firing
        resolved.firing = false
        #expect(resolved.stateName == "resolved" && resolved.previousStateName == "firing")
        #expect(firing.description == "page-slow firing at 3600.000s: burn 7.5x long, 12.0x short vs 6.0x")
    }

    @Test func quietWindowsBurnNothingAndResolve() {
        let config = BurnRateAlertConfig(sloPercent: 99, rules: [
            BurnRateRule(name: "any", severity: .ticket, burnRate: 1, longWindow: .seconds(60), shortWindow: .seconds(10)),
        ])
        var alert = BurnRateAlert(config: config)
        #expect(alert.evaluate(now: .zero).isEmpty)
        #expect(alert.burnRates(rule: 0, at: .zero) == (long: 0, short: 0))
        alert.record(now: .seconds(5), good: 0, total: 10)
        let fired = alert.evaluate(now: .seconds(5))
        #expect(fired.map(\.stateName) == ["firing"] && alert.isFiring(.ticket) && !alert.isFiring(.page))
        // No traffic after 5 s: the 10 s window (1 s buckets, 11 of them) reads
        // [now - 10 s, now]; the record at 5 s leaves it at 16 s.
        #expect(alert.evaluate(now: .seconds(15)).isEmpty)
        #expect(alert.evaluate(now: .seconds(16)).map(\.stateName) == ["resolved"])
        alert.record(now: .seconds(17), good: 0, total: 10)
        #expect(alert.evaluate(now: .seconds(17)).count == 1)
        alert.reset()
        #expect(alert.firing == [false] && alert.burnRates(rule: 0, at: .seconds(17)) == (long: 0, short: 0))
    }

    @Test func recordClampsNonsenseCounts() {
        let config = BurnRateAlertConfig(sloPercent: 90, rules: [
            BurnRateRule(name: "r", severity: .page, burnRate: 1, longWindow: .seconds(10), shortWindow: .seconds(10)),
        ])
        var alert = BurnRateAlert(config: config)
        alert.record(now: .zero, good: 50, total: 10)   // good capped at total
        alert.record(now: .zero, good: -5, total: -3)   // nothing
        alert.record(now: .zero, good: -5, total: 10)   // 10 bad
        // 10 bad of 20: ratio 0.5 over a budget of 0.1.
        #expect(alert.burnRates(rule: 0, at: .zero) == (long: 5, short: 5))
    }

    @Test func inoutEvaluationAppendsAndCounts() {
        let config = BurnRateAlertConfig(sloPercent: 99, rules: [
            BurnRateRule(name: "a", severity: .page, burnRate: 10, longWindow: .seconds(10), shortWindow: .seconds(10)),
            BurnRateRule(name: "b", severity: .ticket, burnRate: 1, longWindow: .seconds(10), shortWindow: .seconds(10)),
        ])
        var alert = BurnRateAlert(config: config)
        var buffer: [AlertTransition] = []
        buffer.reserveCapacity(2)
        alert.record(now: .zero, good: 95, total: 100)  // 5x: only "b"
        #expect(alert.evaluate(now: .zero, into: &buffer) == 1)
        alert.record(now: .seconds(1), good: 0, total: 100)  // 105 bad of 200: 52.5x
        #expect(alert.evaluate(now: .seconds(1), into: &buffer) == 1)
        #expect(buffer.map(\.name) == ["b", "a"] && buffer.map(\.ruleIndex) == [1, 0])
        #expect(buffer.allSatisfy(\.firing) && buffer[1].burnLong == 52.5)
    }

    @Test func bucketWidthIsATenthOfTheShortWindowAndAtLeastOneSecond() {
        let widths = BurnRateAlertConfig.googleSRERules.map(BurnRateAlertConfig.bucketWidth(for:))
        #expect(widths == [.seconds(30), .minutes(3), .minutes(36)])
        let counts = BurnRateAlertConfig.googleSRERules.map { rule in
            let width = BurnRateAlertConfig.bucketWidth(for: rule)
            return [BurnRateAlertConfig.bucketCount(rule.longWindow, width: width), BurnRateAlertConfig.bucketCount(rule.shortWindow, width: width)]
        }
        #expect(counts == [[121, 11], [121, 11], [121, 11]])
        let tiny = BurnRateRule(name: "t", severity: .page, burnRate: 2, longWindow: .seconds(61), shortWindow: .seconds(5))
        #expect(BurnRateAlertConfig.bucketWidth(for: tiny) == .seconds(1))
        #expect(BurnRateAlertConfig.bucketCount(.ms(2_500), width: .seconds(1)) == 4)  // ceil(2.5) + 1
        let alert = BurnRateAlert(config: BurnRateAlertConfig())
        #expect(alert.longWindows.map(\.bucketWidth) == widths && alert.shortWindows.map(\.bucketCount) == [11, 11, 11])
    }

    @Test func seedGuideVariantsAreRuleLists() throws {
        // docs/policies/control.md: the seed guides' thresholds as configs.
        for config in Self.seedVariants { try config.validate() }
        // [003]: page at 8x over short windows. 1 % errors at 99.9 % burn 10x.
        var alert = BurnRateAlert(config: Self.seedVariants[2])
        for minute in Int64(0)...60 { alert.record(now: .minutes(minute), good: 990, total: 1_000) }
        let fired = alert.evaluate(now: .minutes(60))
        #expect(fired.map(\.name) == ["page-8x", "warn-2x"])
    }

    /// [000] "Alert at 2x burn and page at 4x sustained burn"; [001] "Page when
    /// 6x error budget burn in 5 minutes or sustained 2x over an hour"; [003]
    /// "Alert at 2x burn rate for warning; page at 8x burn rate over short windows".
    static let seedVariants = [
        BurnRateAlertConfig(sloPercent: 99.9, rules: [
            BurnRateRule(name: "page-4x", severity: .page, burnRate: 4, longWindow: .hours(6), shortWindow: .minutes(30)),
            BurnRateRule(name: "alert-2x", severity: .ticket, burnRate: 2, longWindow: .hours(6), shortWindow: .minutes(30)),
        ]),
        BurnRateAlertConfig(sloPercent: 99.9, rules: [
            BurnRateRule(name: "page-6x-5m", severity: .page, burnRate: 6, longWindow: .minutes(5), shortWindow: .minutes(5)),
            BurnRateRule(name: "page-2x-1h", severity: .page, burnRate: 2, longWindow: .hours(1), shortWindow: .minutes(5)),
        ]),
        BurnRateAlertConfig(sloPercent: 99.9, rules: [
            BurnRateRule(name: "page-8x", severity: .page, burnRate: 8, longWindow: .hours(1), shortWindow: .minutes(5)),
            BurnRateRule(name: "warn-2x", severity: .ticket, burnRate: 2, longWindow: .hours(1), shortWindow: .minutes(5)),
        ]),
    ]
}
