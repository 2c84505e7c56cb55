import Testing
@testable import Policy

/// What the caller measured in one analysis window: canary and baseline.
struct CanaryWindow {
    var canary: CanaryObservation
    var baseline: CanaryObservation

    static let baseline = CanaryObservation(requests: 1_000, errors: 5, latencyP99: .ms(100))
    /// 0.5 % errors, p99 100 ms: the same as the baseline.
    static let good = CanaryWindow(canary: CanaryObservation(requests: 1_000, errors: 5, latencyP99: .ms(100)), baseline: baseline)
    /// 5 % errors against 0.5 %: 4.5 points over.
    static let errors = CanaryWindow(canary: CanaryObservation(requests: 1_000, errors: 50, latencyP99: .ms(100)), baseline: baseline)
    /// p99 150 ms against 100 ms: ratio 1.5.
    static let slow = CanaryWindow(canary: CanaryObservation(requests: 1_000, errors: 5, latencyP99: .ms(150)), baseline: baseline)
    /// 50 canary requests: under the minimum of 100 (errors would breach if judged).
    static let tiny = CanaryWindow(canary: CanaryObservation(requests: 50, errors: 25, latencyP99: .ms(500)), baseline: baseline)
}

/// One analysis of a scripted rollout and what it must decide.
struct CanaryRow {
    var atSeconds: Int64
    var window: CanaryWindow
    /// `CanaryDecision.kind` (below): `advance`, `hold.stepHolding`, ...
    var kind: String
    /// The canary's weight after the decision.
    var weight: Double
    var line: Int

    init(minute: Double, _ window: CanaryWindow, _ kind: String, weight: Double, line: Int = #line) {
        atSeconds = Int64(minute * 60)
        self.window = window
        self.kind = kind
        self.weight = weight
        self.line = line
    }
}

extension CanaryDecision {
    /// The decision's name, with the hold or pause reason: `hold.breachPending`.
    var kind: String {
        switch self {
        case let .hold(reason):
            switch reason {
            case .notDue: "hold.notDue"
            case .insufficientSample: "hold.insufficientSample"
            case .stepHolding: "hold.stepHolding"
            case .breachPending: "hold.breachPending"
            case .paused: "hold.paused"
            case .finished: "hold.finished"
            }
        default: name
        }
    }
}

extension CanaryController {
    /// Runs `rows`, checking each decision and weight at the row's line; returns the decisions.
    @discardableResult
    mutating func run(_ rows: [CanaryRow], file: String = #filePath) -> [CanaryDecision] {
        rows.map { row in
            let location = SourceLocation(fileID: #fileID, filePath: file, line: row.line, column: 1)
            let decision = evaluate(now: .seconds(row.atSeconds), canary: row.window.canary, baseline: row.window.baseline)
            #expect(decision.kind == row.kind, "\(decision)", sourceLocation: location)
            #expect(weightPercent == row.weight, "\(decision)", sourceLocation: location)
            return decision
        }
    }
}

/// Scripted rollouts. The rules pinned: the seed guides' "if canary error rate >
/// baseline by delta for 5 minutes then rollback" (REFERENCE.md, SEEDS-DIGEST
/// section 3: minimum sample thresholds against false rollbacks; [003]
/// "No worse than baseline *1.2"). Two steps (10 %, 50 %) of 5 minutes,
/// analysis every minute, at least 100 requests a side, 1 point, 1.2x, 5 minutes.
@Suite struct CanaryControllerTests {
    static func config(_ change: (inout CanaryConfig) -> Void = { _ in }) -> CanaryConfig {
        var config = CanaryConfig(steps: [CanaryStep(weightPercent: 10, hold: .minutes(5)), CanaryStep(weightPercent: 50, hold: .minutes(5))])
        change(&config)
        return config
    }

    @Test func healthyCanaryAdvancesAfterEachHoldAndPromotesAfterTheLast() {
        var canary = CanaryController(config: Self.config(), startedAt: .zero)
        #expect(canary.weightPercent == 10 && canary.stepIndex == 0 && canary.phase == .progressing)
        var rows = (0...4).map { CanaryRow(minute: Double($0), .good, "hold.stepHolding", weight: 10) }
        rows.append(CanaryRow(minute: 5, .good, "advance", weight: 50))
        rows += (6...9).map { CanaryRow(minute: Double($0), .good, "hold.stepHolding", weight: 50) }
        rows.append(CanaryRow(minute: 10, .good, "promote", weight: 100))
        rows.append(CanaryRow(minute: 11, .errors, "hold.finished", weight: 100))
        let decisions = canary.run(rows)
        #expect(decisions[0] == .hold(.stepHolding(remaining: .minutes(5), analysis: CanaryAnalysis(
            canary: CanaryWindow.good.canary, baseline: CanaryWindow.baseline, config: Self.config()))))
        #expect(decisions[5].kind == "advance")
        if case let .advance(weight, analysis) = decisions[5] {
            #expect(weight == 50 && analysis.errorRateDeltaPercent == 0 && analysis.latencyRatio == 1)
        }
        #expect(canary.isFinished && canary.phase == .promoted && canary.stepIndex == 1)
        #expect(canary.stepStartedAt == .minutes(5))
    }

    @Test func rollbackOnlyAfterTheBreachHasStoodForFailureHold() {
        // Breach first seen at 1 min; 6 min - 1 min = 5 min >= failureHold.
        // At 5 min the step's hold has passed, but a standing breach blocks the advance.
        var canary = CanaryController(config: Self.config(), startedAt: .zero)
        let decisions = canary.run([
            CanaryRow(minute: 0, .good, "hold.stepHolding", weight: 10),
            CanaryRow(minute: 1, .errors, "hold.breachPending", weight: 10),
            CanaryRow(minute: 2, .errors, "hold.breachPending", weight: 10),
            CanaryRow(minute: 3, .slow, "hold.breachPending", weight: 10),
            CanaryRow(minute: 4, .errors, "hold.breachPending", weight: 10),
            CanaryRow(minute: 5, .errors, "hold.breachPending", weight: 10),
            CanaryRow(minute: 6, .errors, "rollback", weight: 0),
            CanaryRow(minute: 7, .good, "hold.finished", weight: 0),
        ])
        if case let .hold(.breachPending(since, remaining, analysis)) = decisions[2] {
            #expect(since == .minutes(1) && remaining == .minutes(4))
            #expect(analysis.canaryErrorRatePercent == 5 && analysis.baselineErrorRatePercent == 0.5)
            #expect(analysis.errorRateDeltaPercent == 4.5 && analysis.errorRateBreached && !analysis.latencyBreached)
        }
        #expect(decisions[6] == .rollback(.sustainedBreach(since: .minutes(1), analysis: CanaryAnalysis(
            canary: CanaryWindow.errors.canary, baseline: CanaryWindow.baseline, config: Self.config()))))
        #expect(canary.phase == .rolledBack && canary.isFinished && canary.breachStartedAt == .minutes(1))
    }

    @Test func oneGoodWindowResetsTheBreachClockAndRestartsTheHold() {
        // Breach from 0 min would roll back at 5 min; the good window at 5 min
        // clears it (and the step's hold counts again from 5 min). The new breach
        // from 6 min rolls back at 11 min.
        var canary = CanaryController(config: Self.config(), startedAt: .zero)
        var rows = (0...4).map { CanaryRow(minute: Double($0), .errors, "hold.breachPending", weight: 10) }
        rows.append(CanaryRow(minute: 5, .good, "hold.stepHolding", weight: 10))
        rows += (6...10).map { CanaryRow(minute: Double($0), .errors, "hold.breachPending", weight: 10) }
        rows.append(CanaryRow(minute: 11, .errors, "rollback", weight: 0))
        let decisions = canary.run(rows)
        #expect(decisions[5] == .hold(.stepHolding(remaining: .minutes(5), analysis: decisions[5].analysis!)))
        #expect(decisions[11] == .rollback(.sustainedBreach(since: .minutes(6), analysis: decisions[11].analysis!)))
    }

    @Test func aStepAdvancesOnlyAfterAFullHoldOfHealthyTimeFollowingABreach() {
        var canary = CanaryController(config: Self.config(), startedAt: .zero)
        canary.run([
            CanaryRow(minute: 0, .good, "hold.stepHolding", weight: 10),
            CanaryRow(minute: 3, .errors, "hold.breachPending", weight: 10),
            CanaryRow(minute: 4, .good, "hold.stepHolding", weight: 10),  // hold from 4 min
            CanaryRow(minute: 8, .good, "hold.stepHolding", weight: 10),
            CanaryRow(minute: 9, .good, "advance", weight: 50),
        ])
        #expect(canary.holdStartedAt == .minutes(9) && canary.stepStartedAt == .minutes(9))
    }

    @Test func noJudgementBelowTheMinimumSample() {
        // Tiny windows (which would breach) neither breach, clear, nor advance.
        var canary = CanaryController(config: Self.config(), startedAt: .zero)
        var rows = (0...9).map { CanaryRow(minute: Double($0), .tiny, "hold.insufficientSample", weight: 10) }
        rows.append(CanaryRow(minute: 10, .good, "advance", weight: 50))
        let decisions = canary.run(rows)
        #expect(decisions[0] == .hold(.insufficientSample(CanarySample(canaryRequests: 50, baselineRequests: 1_000, minimumRequests: 100))))
        #expect(canary.breachStartedAt == nil)

        // A breach seen at 0 min keeps its clock through unjudged windows.
        var breaching = CanaryController(config: Self.config(), startedAt: .zero)
        breaching.run([
            CanaryRow(minute: 0, .errors, "hold.breachPending", weight: 10),
            CanaryRow(minute: 1, .tiny, "hold.insufficientSample", weight: 10),
            CanaryRow(minute: 4, .tiny, "hold.insufficientSample", weight: 10),
            CanaryRow(minute: 5, .errors, "rollback", weight: 0),
        ])
    }

    @Test func exactlyTheMinimumSampleIsJudged() {
        let config = Self.config { $0.minimumSampleRequests = 1_000 }
        var canary = CanaryController(config: config, startedAt: .zero)
        canary.run([CanaryRow(minute: 0, .errors, "hold.breachPending", weight: 10)])
        let small = CanaryObservation(requests: 999, errors: 0, latencyP99: .ms(1))
        let decision = canary.evaluate(now: .minutes(1), canary: small, baseline: CanaryWindow.baseline)
        #expect(decision == .hold(.insufficientSample(CanarySample(canaryRequests: 999, baselineRequests: 1_000, minimumRequests: 1_000))))
    }

    @Test func pauseOnInsufficientSampleWaitsForResumeAndStillRollsBack() {
        let config = Self.config { $0.onInsufficientSample = .pause }
        var canary = CanaryController(config: config, startedAt: .zero)
        let decisions = canary.run([
            CanaryRow(minute: 0, .good, "hold.stepHolding", weight: 10),
            CanaryRow(minute: 1, .tiny, "pause", weight: 10),
            CanaryRow(minute: 2, .tiny, "hold.paused", weight: 10),
            CanaryRow(minute: 6, .good, "hold.paused", weight: 10),  // hold passed, but paused
        ])
        #expect(decisions[1] == .pause(.insufficientSample(CanarySample(canaryRequests: 50, baselineRequests: 1_000, minimumRequests: 100))))
        #expect(decisions[2] == .hold(.paused(analysis: nil)) && decisions[3].analysis != nil)
        #expect(canary.phase == .paused && !canary.isFinished)
        let resumed = canary.resume(now: .seconds(390))  // 6.5 min: the hold starts again
        let again = canary.resume(now: .seconds(391))
        #expect(resumed && !again && canary.holdStartedAt == .seconds(390))
        canary.run([
            CanaryRow(minute: 7, .good, "hold.stepHolding", weight: 10),
            CanaryRow(minute: 11, .good, "hold.stepHolding", weight: 10),
            CanaryRow(minute: 12, .good, "advance", weight: 50),
        ])

        var paused = CanaryController(config: config, startedAt: .zero)
        paused.run([
            CanaryRow(minute: 0, .tiny, "pause", weight: 10),
            CanaryRow(minute: 1, .errors, "hold.breachPending", weight: 10),
            CanaryRow(minute: 6, .errors, "rollback", weight: 0),
        ])
        #expect(paused.phase == .rolledBack)
    }

    @Test func thresholdsAreStrict() {
        // Error rates 2 % vs 1 %: exactly 1 point is not a breach, 2.1 % is.
        // p99 120 ms vs 100 ms: exactly 1.2x is not a breach, 121 ms is.
        let config = Self.config { $0.failureHold = .zero }
        let baseline = CanaryObservation(requests: 1_000, errors: 10, latencyP99: .ms(100))
        let rows: [(CanaryObservation, String)] = [
            (CanaryObservation(requests: 1_000, errors: 20, latencyP99: .ms(100)), "hold.stepHolding"),
            (CanaryObservation(requests: 1_000, errors: 21, latencyP99: .ms(100)), "rollback"),
            (CanaryObservation(requests: 1_000, errors: 10, latencyP99: .ms(120)), "hold.stepHolding"),
            (CanaryObservation(requests: 1_000, errors: 10, latencyP99: .ms(121)), "rollback"),
        ]
        for (observation, kind) in rows {
            var canary = CanaryController(config: config, startedAt: .zero)
            let decision = canary.evaluate(now: .zero, canary: observation, baseline: baseline)
            #expect(decision.kind == kind, "\(decision)")
        }
    }

    @Test func zeroFailureHoldRollsBackOnTheFirstBreachAndOffSwitchesNeverBreach() {
        var immediate = CanaryController(config: Self.config { $0.failureHold = .zero }, startedAt: .zero)
        immediate.run([CanaryRow(minute: 0, .slow, "rollback", weight: 0)])

        // maxLatencyRatio 0 ignores latency; maxErrorRateDeltaPercent 100 ignores errors.
        var lenient = CanaryController(config: Self.config { $0.maxLatencyRatio = 0; $0.maxErrorRateDeltaPercent = 100 }, startedAt: .zero)
        let worst = CanaryWindow(canary: CanaryObservation(requests: 100, errors: 100, latencyP99: .seconds(9)), baseline: CanaryWindow.baseline)
        lenient.run([
            CanaryRow(minute: 0, worst, "hold.stepHolding", weight: 10),
            CanaryRow(minute: 5, worst, "advance", weight: 50),
        ])
    }

    @Test func latencyRatioAgainstAZeroBaseline() {
        let config = Self.config()
        let zero = CanaryObservation(requests: 500, errors: 0, latencyP99: .zero)
        let some = CanaryObservation(requests: 500, errors: 0, latencyP99: .ms(1))
        #expect(CanaryAnalysis(canary: zero, baseline: zero, config: config).latencyRatio == 1)
        #expect(CanaryAnalysis(canary: some, baseline: zero, config: config).latencyRatio == .infinity)
        #expect(CanaryAnalysis(canary: some, baseline: zero, config: config).latencyBreached)
        // Errors beyond requests are clamped; no requests is a 0 % rate.
        #expect(CanaryObservation(requests: 10, errors: 30, latencyP99: .zero).errorRatePercent == 100)
        #expect(CanaryObservation(requests: 0, errors: 3, latencyP99: .zero).errorRatePercent == 0)
    }

    @Test func analysesCloserThanTheIntervalAreNotDue() {
        var canary = CanaryController(config: Self.config(), startedAt: .seconds(10))
        #expect(canary.nextEvaluationAt == .seconds(10))
        let first = canary.evaluate(now: .seconds(10), canary: CanaryWindow.errors.canary, baseline: CanaryWindow.baseline)
        #expect(first.kind == "hold.breachPending")
        let early = canary.evaluate(now: .seconds(69), canary: CanaryWindow.good.canary, baseline: CanaryWindow.baseline)
        #expect(early == .hold(.notDue(nextAt: .seconds(70))))
        #expect(canary.breachStartedAt == .seconds(10))  // the early good window changed nothing
    }

    @Test func decisionsDescribeThemselvesForTheEventLog() {
        var canary = CanaryController(config: Self.config(), startedAt: .zero)
        let hold = canary.evaluate(now: .zero, canary: CanaryWindow.errors.canary, baseline: CanaryWindow.baseline)
        #expect(hold.name == "hold" && !hold.isTransition)
        #expect(hold.description == "hold: breach since 0.000s, rollback in 300.000s: canary 5.0% vs baseline 0.5% (+4.5 pts), p99 ratio 1.0, n=1000/1000")
        let rollback = CanaryDecision.rollback(.sustainedBreach(since: .zero, analysis: hold.analysis!))
        #expect(rollback.isTransition && rollback.name == "rollback")
        #expect(CanaryDecision.hold(.insufficientSample(CanarySample(canaryRequests: 12, baselineRequests: 300, minimumRequests: 100))).description
            == "hold: insufficient sample: canary 12, baseline 300 requests (minimum 100)")
    }
}
