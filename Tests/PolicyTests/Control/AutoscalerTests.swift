import Testing
@testable import Policy

/// One evaluation of a scripted autoscaler timeline and what it must decide.
struct ScaleStep {
    var atSeconds: Int64
    var current: Int
    var metric: Double
    var desired: Int
    var cause: ScaleCause
    var line: Int

    init(_ atSeconds: Int64, _ current: Int, _ metric: Double, _ desired: Int, _ cause: ScaleCause, line: Int = #line) {
        self.atSeconds = atSeconds
        self.current = current
        self.metric = metric
        self.desired = desired
        self.cause = cause
        self.line = line
    }
}

extension Autoscaler {
    /// Runs `steps`, checking each row's desired count and cause at its own line.
    mutating func run(_ steps: [ScaleStep], file: String = #filePath) {
        for step in steps {
            let location = SourceLocation(fileID: #fileID, filePath: file, line: step.line, column: 1)
            let decision = recommend(now: .seconds(step.atSeconds), currentReplicas: step.current, metricValue: step.metric)
            #expect(decision.desiredReplicas == step.desired, "\(decision)", sourceLocation: location)
            #expect(decision.cause == step.cause, "\(decision)", sourceLocation: location)
        }
    }
}

/// HPA numbers from the Kubernetes docs ("Horizontal Pod Autoscaling":
/// algorithm details, stabilization window, scaling policies, default
/// behavior; the v1.33 blog post on configurable tolerance) and the
/// controller's rules (horizontal.go: stabilizeRecommendationWithBehaviors,
/// calculateScaleUpLimitWithScalingRules rounds the percentage up,
/// calculateScaleDownLimitWithBehaviors truncates the count kept, changes
/// count while strictly younger than the period).
@Suite struct AutoscalerTests {
    static func config(target: Double = 100, min: Int = 1, max: Int = 100, _ change: (inout AutoscalerConfig) -> Void = { _ in }) -> AutoscalerConfig {
        var config = AutoscalerConfig(targetValue: target, minReplicas: min, maxReplicas: max)
        change(&config)
        return config
    }

    @Test func metricTwiceTheTargetDoublesAndHalfTheTargetHalves() {
        // Docs: "current metric value is 200m, and the desired value is 100m, the
        // number of replicas will be doubled ... 50m, you'll halve".
        var up = Autoscaler(config: Self.config())
        up.run([ScaleStep(0, 4, 200, 8, .desiredWithinRange)])
        var down = Autoscaler(config: Self.config())
        down.run([ScaleStep(0, 4, 50, 2, .desiredWithinRange)])
    }

    @Test func fiftyReplicasAtNinetyPercentOfASeventyFiveTargetBecomeSixty() {
        // Kubernetes blog, "HPA configurable tolerance": 50 * (90 / 75) = 60.
        var autoscaler = Autoscaler(config: Self.config(target: 75))
        let decision = autoscaler.recommend(now: .zero, currentReplicas: 50, metricValue: 90)
        #expect(decision.desiredReplicas == 60)
        #expect(decision.metricRatio == 1.2)
        #expect(decision.recommendedReplicas == 60 && decision.stabilizedReplicas == 60)
    }

    @Test func ratiosWithinTenPercentChangeNothing() {
        // Tolerance 0.1 is inclusive: 1.1 and 0.9 hold, 1.11 and 0.89 scale (ceil).
        let rows: [(metric: Double, desired: Int, cause: ScaleCause)] = [
            (110, 10, .withinTolerance), (90, 10, .withinTolerance), (100, 10, .withinTolerance),
            (111, 12, .desiredWithinRange),  // ceil(11.1)
            (89, 9, .desiredWithinRange),    // ceil(8.9)
        ]
        for row in rows {
            var autoscaler = Autoscaler(config: Self.config())
            let decision = autoscaler.recommend(now: .zero, currentReplicas: 10, metricValue: row.metric)
            #expect(decision.desiredReplicas == row.desired && decision.cause == row.cause, "metric \(row.metric): \(decision)")
        }
    }

    @Test func scaleDownWaitsForTheHighestRecommendationToLeaveTheThreeHundredSecondWindow() {
        // Proposal 10 at 0 s, then 5 every 15 s. A proposal counts while strictly
        // younger than 300 s, so the 0 s one holds the count at 10 through 285 s
        // and the count drops to 5 at exactly 300 s.
        var autoscaler = Autoscaler(config: Self.config())
        var steps = [ScaleStep(0, 10, 100, 10, .withinTolerance)]
        for second in stride(from: Int64(15), through: 285, by: 15) {
            steps.append(ScaleStep(second, 10, 50, 10, .scaleDownStabilized))
        }
        steps.append(ScaleStep(300, 10, 50, 5, .desiredWithinRange))
        autoscaler.run(steps)
    }

    @Test func scaleDownGoesToTheHighestRecentRecommendationNotTheLatest() {
        // Proposals 10, 8, 6, 4: the window's maximum falls as the old ones age out.
        var autoscaler = Autoscaler(config: Self.config { $0.scaleDownStabilization = .seconds(30) })
        autoscaler.run([
            ScaleStep(0, 10, 100, 10, .withinTolerance),
            ScaleStep(15, 10, 80, 10, .scaleDownStabilized),  // max(10, 8)
            ScaleStep(30, 10, 60, 8, .scaleDownStabilized),   // 0 s left: max(8, 6)
            ScaleStep(45, 8, 50, 6, .scaleDownStabilized),    // max(6, ceil(8 * 0.5) = 4)
            ScaleStep(60, 6, 50, 4, .scaleDownStabilized),    // max(4, 3): 45 s proposal is 4
            ScaleStep(75, 4, 50, 3, .scaleDownStabilized),    // max(3, 2)
        ])
    }

    @Test func scaleUpStabilizationUsesTheLowestRecommendationOfItsWindow() {
        var autoscaler = Autoscaler(config: Self.config { $0.scaleUpStabilization = .seconds(60) })
        autoscaler.run([
            ScaleStep(0, 4, 100, 4, .withinTolerance),
            ScaleStep(15, 4, 200, 4, .scaleUpStabilized),     // min(4, 8)
            ScaleStep(30, 4, 200, 4, .scaleUpStabilized),
            ScaleStep(45, 4, 200, 4, .scaleUpStabilized),
            ScaleStep(60, 4, 200, 8, .desiredWithinRange),    // the 0 s proposal has aged out
        ])
    }

    @Test func defaultScaleUpIsTheLargerOfDoublingAndFourPodsPerFifteenSeconds() {
        // Target 10, metric 100: every proposal is 10x. 1 -> max(2, 5) = 5,
        // 5 -> max(10, 9), 10 -> 20, 20 -> 40, 40 -> 80, then maxReplicas.
        var autoscaler = Autoscaler(config: Self.config(target: 10))
        autoscaler.run([
            ScaleStep(0, 1, 100, 5, .scaleUpLimit),
            ScaleStep(15, 5, 100, 10, .scaleUpLimit),
            ScaleStep(30, 10, 100, 20, .scaleUpLimit),
            ScaleStep(45, 20, 100, 40, .scaleUpLimit),
            ScaleStep(60, 40, 100, 80, .scaleUpLimit),
            ScaleStep(75, 80, 100, 100, .tooManyReplicas),
        ])
    }

    @Test func changesCountAgainstTheLimitUntilTheyAreAPeriodOld() {
        var autoscaler = Autoscaler(config: Self.config(target: 10) {
            $0.scaleUpLimitPercent = 0
            $0.scaleUpLimitPods = 4
            $0.scaleUpPeriod = .seconds(60)
        })
        autoscaler.run([
            ScaleStep(0, 1, 100, 5, .scaleUpLimit),
            ScaleStep(15, 5, 100, 5, .scaleUpLimit),   // period started at 1: 1 + 4
            ScaleStep(45, 5, 100, 5, .scaleUpLimit),
            ScaleStep(60, 5, 100, 9, .scaleUpLimit),   // the 0 s change is exactly 60 s old: gone
        ])
    }

    @Test func docsScaleDownPoliciesRemoveTenPercentAboveFortyAndFourPodsBelow() {
        // Docs "Scaling policies": Pods 4 and Percent 10 per 60 s, the policy
        // allowing the larger change wins. "if there are 80 replicas and the
        // target has to be scaled down to 10 replicas then during the first step
        // 8 replicas will be reduced. In the next iteration when the number of
        // replicas is 72, 10% of the pods is 7.2 but the number is rounded up
        // to 8." Percent wins above 40, pods at 40 or less. Metric 0 proposes 0;
        // minReplicas 10 stops it.
        var autoscaler = Autoscaler(config: Self.config(min: 10) {
            $0.scaleDownStabilization = .zero
            $0.scaleDownLimitPercent = 10
            $0.scaleDownLimitPods = 4
            $0.scaleDownPeriod = .seconds(60)
        })
        let expected = [80, 72, 64, 57, 51, 45, 40, 36, 32, 28, 24, 20, 16, 12, 10]
        for index in 1..<expected.count {
            let cause: ScaleCause = index == expected.count - 1 ? .tooFewReplicas : .scaleDownLimit
            autoscaler.run([ScaleStep(Int64(index - 1) * 60, expected[index - 1], 0, expected[index], cause)])
        }
        // Within a period the removals made count: 15 s after 80 -> 72 nothing more goes.
        var early = Autoscaler(config: autoscaler.config)
        early.run([
            ScaleStep(0, 80, 0, 72, .scaleDownLimit),
            ScaleStep(15, 72, 0, 72, .scaleDownLimit),
        ])
    }

    @Test func defaultScaleDownMayRemoveEveryPodDownToMinReplicas() {
        var autoscaler = Autoscaler(config: Self.config(min: 2) { $0.scaleDownStabilization = .zero })
        autoscaler.run([ScaleStep(0, 40, 0, 2, .tooFewReplicas)])
    }

    @Test func unlimitedDirectionsFollowTheProposal() {
        var autoscaler = Autoscaler(config: Self.config(target: 10) {
            $0.scaleUpLimitPercent = 0
            $0.scaleUpLimitPods = 0
        })
        autoscaler.run([ScaleStep(0, 1, 500, 50, .desiredWithinRange)])
    }

    @Test func boundsDisabledAndInvalidInputs() {
        var autoscaler = Autoscaler(config: Self.config(min: 2, max: 20))
        autoscaler.run([
            ScaleStep(0, 30, 100, 20, .aboveMaxReplicas),
            ScaleStep(15, 1, 100, 2, .belowMinReplicas),
            ScaleStep(30, 0, 500, 0, .scalingDisabled),
            ScaleStep(45, 4, .nan, 4, .invalidMetric),
            ScaleStep(60, 4, -1, 4, .invalidMetric),
            ScaleStep(75, 4, .infinity, 4, .invalidMetric),
            ScaleStep(90, 4, 1e300, 8, .scaleUpLimit),   // huge but finite: saturates, then limited
        ])
    }

    @Test func evaluationsCloserThanTheIntervalAreNotDue() {
        var autoscaler = Autoscaler(config: Self.config())
        #expect(autoscaler.nextEvaluationAt == .zero)
        autoscaler.run([
            ScaleStep(10, 4, 200, 8, .desiredWithinRange),
            ScaleStep(24, 8, 400, 8, .notDue),
            ScaleStep(25, 8, 50, 8, .scaleDownStabilized),  // 11 s later: the 10 s proposal of 8 holds
        ])
        #expect(autoscaler.nextEvaluationAt == .seconds(40))
        autoscaler.reset()
        #expect(autoscaler.nextEvaluationAt == .zero)
        autoscaler.run([ScaleStep(26, 4, 400, 8, .scaleUpLimit)])  // 4 -> max(8, 8)
    }

    @Test func decisionCarriesTheNumbersBehindIt() {
        var autoscaler = Autoscaler(config: Self.config())
        _ = autoscaler.recommend(now: .zero, currentReplicas: 10, metricValue: 100)
        let decision = autoscaler.recommend(now: .seconds(15), currentReplicas: 10, metricValue: 50)
        #expect(decision == ScaleDecision(at: .seconds(15), currentReplicas: 10, desiredReplicas: 10, cause: .scaleDownStabilized,
                                          metricRatio: 0.5, recommendedReplicas: 5, stabilizedReplicas: 10))
        #expect(!decision.changesReplicas)
        #expect(decision.description == "10 -> 10 at 15.000s: scaleDownStabilized (ratio 0.5, proposed 5, stabilized 10)")
    }

    @Test func historyRingsHoldOneEntryPerEvaluationOfTheLongestWindow() {
        // 300 s / 15 s + 2 = 22 entries with the HPA defaults.
        #expect(AutoscalerConfig().historyCapacity == 22)
        let autoscaler = Autoscaler(config: AutoscalerConfig())
        #expect(autoscaler.recommendations.capacity == 22 && autoscaler.scaleEvents.capacity == 22)
        var ring = TimedRing(capacity: 3)
        for index in 0..<5 { ring.append(index, at: .seconds(Int64(index))) }
        #expect(ring.count == 3)
        #expect(ring.maximum(after: .seconds(-1), atLeast: 0) == 4)
        #expect(ring.minimum(after: .seconds(-1), atMost: 10) == 2)  // 0 and 1 were overwritten
        #expect(ring.minimum(after: .seconds(3), atMost: 10) == 4)   // strictly after 3 s
    }
}
