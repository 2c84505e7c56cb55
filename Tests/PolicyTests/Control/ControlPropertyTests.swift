import Testing
@testable import Policy

/// Invariants over thousands of seeded random sequences and configurations.
/// Checks are plain comparisons collected into `violations` (one `#expect`
/// per step would dominate a debug build's run time).
@Suite struct ControlPropertyTests {
    static func pick<T>(_ values: [T], _ rng: inout SplitMix64) -> T { values[Int(rng.nextBelow(UInt64(values.count)))] }

    @Test func autoscalerStaysWithinBoundsAndBetweenCurrentAndProposal() throws {
        var violations: [String] = []
        var changes = 0
        for seed in UInt64(0)..<2_000 {
            var rng = SplitMix64(seed: seed)
            let minReplicas = 1 + Int(rng.nextBelow(5))
            let config = AutoscalerConfig(
                targetValue: Self.pick([50, 80, 100], &rng), tolerance: Self.pick([0, 0.05, 0.1, 0.3], &rng),
                minReplicas: minReplicas, maxReplicas: minReplicas + Int(rng.nextBelow(50)),
                evaluationInterval: .seconds(15), scaleUpStabilization: .seconds(Int64(rng.nextBelow(9)) * 15),
                scaleDownStabilization: .seconds(Int64(rng.nextBelow(21)) * 15),
                scaleUpLimitPercent: Self.pick([0, 10, 100, 900], &rng), scaleUpLimitPods: Self.pick([0, 1, 4], &rng),
                scaleUpPeriod: .seconds(Int64(1 + rng.nextBelow(8)) * 15),
                scaleDownLimitPercent: Self.pick([0, 10, 50, 100], &rng), scaleDownLimitPods: Self.pick([0, 1, 4], &rng),
                scaleDownPeriod: .seconds(Int64(1 + rng.nextBelow(8)) * 15))
            try config.validate()
            var autoscaler = Autoscaler(config: config)
            var now = Nanoseconds.zero
            var current = config.minReplicas
            var lastDue: Nanoseconds?
            for _ in 0..<100 {
                now += .seconds(Int64(rng.nextBelow(40)))
                // Usually the caller applied the last decision; sometimes something else moved the count.
                if rng.chance(0.1) { current = Int(rng.nextBelow(UInt64(config.maxReplicas * 2 + 1))) }
                let metric = rng.chance(0.03) ? Double.nan : rng.nextUnit() * 5 * config.targetValue
                let decision = autoscaler.recommend(now: now, currentReplicas: current, metricValue: metric)
                let inRange = (config.minReplicas...config.maxReplicas).contains(decision.desiredReplicas)
                let due = lastDue.map { now - $0 >= config.evaluationInterval } ?? true
                if due { lastDue = now }
                if (decision.cause == .notDue) == due { violations.append("seed \(seed) at \(now): due \(due) but \(decision)") }
                switch decision.cause {
                case .notDue, .invalidMetric, .scalingDisabled:
                    if decision.desiredReplicas != current { violations.append("seed \(seed): \(decision) changed the count") }
                default:
                    if !inRange { violations.append("seed \(seed): \(decision) outside \(config.minReplicas)...\(config.maxReplicas)") }
                }
                if (config.minReplicas...config.maxReplicas).contains(current) {
                    if !inRange { violations.append("seed \(seed): \(decision) left the range") }
                    let low = Swift.min(current, decision.recommendedReplicas), high = Swift.max(current, decision.recommendedReplicas)
                    if !(low...high).contains(decision.desiredReplicas) { violations.append("seed \(seed): \(decision) overshoots") }
                }
                if decision.changesReplicas { changes += 1 }
                current = decision.desiredReplicas
            }
        }
        #expect(violations.prefix(5).isEmpty, "\(violations.count) violations: \(violations.prefix(5))")
        #expect(changes > 10_000)  // the sequences really do scale
    }

    @Test func canaryNeverAdvancesWhileABreachStands() throws {
        var violations: [String] = []
        var counts: [String: Int] = [:]
        for seed in UInt64(0)..<2_000 {
            var rng = SplitMix64(seed: seed)
            var weight = 0.0
            let steps = (0..<(1 + Int(rng.nextBelow(4)))).map { _ in
                weight += 1 + Double(rng.nextBelow(20))
                return CanaryStep(weightPercent: weight, hold: .seconds(Int64(rng.nextBelow(6)) * 60))
            }
            let config = CanaryConfig(
                steps: steps, analysisInterval: .seconds(Self.pick([30, 60, 120], &rng)),
                minimumSampleRequests: Self.pick([0, 50, 200], &rng), maxErrorRateDeltaPercent: Self.pick([0, 1, 5], &rng),
                maxLatencyRatio: Self.pick([0, 1.2, 2], &rng), failureHold: .seconds(Int64(rng.nextBelow(11)) * 60),
                onInsufficientSample: rng.chance(0.5) ? .hold : .pause)
            try config.validate()
            var canary = CanaryController(config: config, startedAt: .zero)
            var now = Nanoseconds.zero
            var lastDue: Nanoseconds?
            var modelBreachSince: Nanoseconds?
            var lastWeight = canary.weightPercent
            for _ in 0..<60 {
                now += .seconds(Int64(rng.nextBelow(180)))
                if canary.phase == .paused, rng.chance(0.2) { canary.resume(now: now) }
                let healthy = rng.chance(0.6)
                let requests = Int(rng.nextBelow(400))
                let baseline = CanaryObservation(requests: Int(rng.nextBelow(400)), errors: Int(rng.nextBelow(5)), latencyP99: .ms(100))
                let observed = CanaryObservation(requests: requests, errors: healthy ? Int(rng.nextBelow(3)) : Int(rng.nextBelow(UInt64(requests + 1))),
                                                 latencyP99: .ms(Int64(healthy ? 90 + rng.nextBelow(20) : 100 + rng.nextBelow(200))))
                let wasFinished = canary.isFinished
                let decision = canary.evaluate(now: now, canary: observed, baseline: baseline)
                counts[decision.name, default: 0] += 1
                if wasFinished {
                    if decision != .hold(.finished) { violations.append("seed \(seed): \(decision) after finishing") }
                    continue
                }
                let due = lastDue.map { now - $0 >= config.analysisInterval } ?? true
                if (decision.kind == "hold.notDue") == due { violations.append("seed \(seed) at \(now): due \(due) but \(decision)") }
                if !due { continue }
                lastDue = now
                // The model: judge only sufficient samples; a breach's clock starts at its first analysis.
                if observed.requests >= config.minimumSampleRequests && baseline.requests >= config.minimumSampleRequests {
                    let breached = CanaryAnalysis(canary: observed, baseline: baseline, config: config).breached
                    modelBreachSince = breached ? (modelBreachSince ?? now) : nil
                }
                switch decision {
                case .advance, .promote:
                    if modelBreachSince != nil || decision.analysis?.breached != false || canary.breachStartedAt != nil {
                        violations.append("seed \(seed) at \(now): \(decision) while a breach stands")
                    }
                    let expected = canary.phase == .promoted ? 100 : config.steps[canary.stepIndex].weightPercent
                    if canary.weightPercent != expected || canary.weightPercent <= lastWeight { violations.append("seed \(seed): \(decision) weight") }
                case let .rollback(.sustainedBreach(since, _)):
                    if since != modelBreachSince || now - since < config.failureHold || canary.weightPercent != 0 {
                        violations.append("seed \(seed) at \(now): \(decision) too early (model \(String(describing: modelBreachSince)))")
                    }
                default:
                    if canary.weightPercent != lastWeight { violations.append("seed \(seed): \(decision) moved the weight") }
                }
                if !canary.isFinished && canary.breachStartedAt != modelBreachSince {
                    violations.append("seed \(seed) at \(now): breach clock \(String(describing: canary.breachStartedAt)) vs model")
                }
                lastWeight = canary.weightPercent
            }
        }
        #expect(violations.prefix(5).isEmpty, "\(violations.count) violations: \(violations.prefix(5))")
        // Every kind of decision happens somewhere in the sequences.
        for name in ["hold", "advance", "promote", "pause", "rollback"] { #expect(counts[name, default: 0] > 100, "\(name): \(counts)") }
    }

    static func randomAlertConfig(_ rng: inout SplitMix64) -> BurnRateAlertConfig {
        let rules = (0..<(1 + Int(rng.nextBelow(4)))).map { index in
            let short = Nanoseconds.seconds(Int64(1 + rng.nextBelow(600)))
            return BurnRateRule(name: "r\(index)", severity: rng.chance(0.5) ? .page : .ticket,
                                burnRate: Self.pick([1, 2, 4, 6, 8, 14.4], &rng), longWindow: short * Int64(1 + rng.nextBelow(12)), shortWindow: short)
        }
        return BurnRateAlertConfig(sloPercent: Self.pick([90, 99, 99.5, 99.9, 99.95, 99.99], &rng), rules: rules)
    }

    @Test func burnRateNeverFiresWhileEveryRecordStaysBelowTheLowestThreshold() throws {
        var violations: [String] = []
        var errorsSeen = 0
        for seed in UInt64(0)..<1_000 {
            var rng = SplitMix64(seed: seed)
            let config = Self.randomAlertConfig(&rng)
            try config.validate()
            // Every record's error ratio is at most 99.9 % of the lowest threshold's,
            // so every window's ratio is too.
            let ceilingRatio = 0.999 * config.rules.map(\.burnRate).min()! * config.errorBudgetRatio
            var alert = BurnRateAlert(config: config)
            var buffer: [AlertTransition] = []
            buffer.reserveCapacity(config.rules.count)
            var now = Nanoseconds.zero
            for _ in 0..<300 {
                now += .ms(Int64(rng.nextBelow(20_000)))
                let total = Int(rng.nextBelow(2_000))
                let errors = Int(rng.nextBelow(UInt64((Double(total) * ceilingRatio).rounded(.down)) + 1))
                errorsSeen += errors
                alert.record(now: now, good: total - errors, total: total)
                if alert.evaluate(now: now, into: &buffer) > 0 { violations.append("seed \(seed) at \(now): \(buffer)") }
            }
        }
        #expect(violations.prefix(5).isEmpty, "\(violations.count) violations: \(violations.prefix(5))")
        #expect(errorsSeen > 100_000)  // the streams are not trivially error-free
    }

    @Test func burnRateFiringStateAlwaysMatchesBothWindows() throws {
        var violations: [String] = []
        var transitions = 0
        for seed in UInt64(0)..<500 {
            var rng = SplitMix64(seed: seed)
            let config = Self.randomAlertConfig(&rng)
            try config.validate()
            var alert = BurnRateAlert(config: config)
            var now = Nanoseconds.zero
            let errorShare = rng.nextUnit() * 0.2
            for _ in 0..<200 {
                now += .ms(Int64(rng.nextBelow(30_000)))
                let total = Int(rng.nextBelow(1_000))
                let errors = rng.chance(0.3) ? Int(Double(total) * errorShare) : 0
                alert.record(now: now, good: total - errors, total: total)
                let before = alert.firing
                let changed = alert.evaluate(now: now)
                transitions += changed.count
                for index in config.rules.indices {
                    let burns = alert.burnRates(rule: index, at: now)
                    let expected = burns.long > config.rules[index].burnRate && burns.short > config.rules[index].burnRate
                    if alert.firing[index] != expected { violations.append("seed \(seed) rule \(index) at \(now)") }
                    let reported = changed.first { $0.ruleIndex == index }
                    if (reported != nil) != (before[index] != expected) || (reported.map { $0.firing != expected || $0.at != now } ?? false) {
                        violations.append("seed \(seed) rule \(index) at \(now): transition \(String(describing: reported))")
                    }
                }
            }
        }
        #expect(violations.prefix(5).isEmpty, "\(violations.count) violations: \(violations.prefix(5))")
        #expect(transitions > 1_000)
    }
}
