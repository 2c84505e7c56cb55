/// Where a canary rollout stands.
public enum CanaryPhase: String, Codable, CaseIterable, Sendable {
    /// Stepping through the weights.
    case progressing
    /// Stopped (insufficient sample with `onInsufficientSample: pause`) until `resume(now:)`.
    case paused
    /// Finished: the canary has 100 %.
    case promoted
    /// Finished: the canary has 0 %.
    case rolledBack
}

/// A canary rollout as a sans-I/O state machine: the caller measures canary
/// and baseline over the same window and calls `evaluate` with the time; the
/// controller answers hold, advance, promote, pause or rollback, and the caller
/// applies the weight (`weightPercent`).
///
/// One analysis, in order:
/// 1. Finished: `hold(.finished)`. Closer than `analysisInterval` to the last
///    analysis: `hold(.notDue)`, nothing changes.
/// 2. Either side below `minimumSampleRequests`: no judgement. The breach clock
///    neither resets nor restarts, the step does not advance; `hold` or `pause`
///    per `onInsufficientSample`.
/// 3. Breach (error-rate delta or latency ratio over its threshold): the breach
///    clock starts at the first breaching analysis; once `now - since >=
///    failureHold` the canary rolls back (weight 0, final), otherwise
///    `hold(.breachPending)`. A healthy analysis clears the clock.
/// 4. Healthy and not paused: once the step's `hold` has passed since
///    `holdStartedAt`, advance one step, or promote after the last (weight 100,
///    final). At most one step per analysis. The hold counts healthy time: it
///    starts when the step's weight is set and starts again when a breach
///    clears (and on `resume`), so a step never advances on the strength of a
///    single good analysis after a breach.
///
/// A paused rollout still judges, and rolls back on a sustained breach; it
/// advances only after `resume(now:)`. No call allocates.
public struct CanaryController: Sendable {
    /// The configuration this rollout runs (validate it before use).
    public let config: CanaryConfig
    /// When the rollout started (step 0's weight was set).
    public let startedAt: Nanoseconds
    /// Index of the current step in `config.steps`.
    public private(set) var stepIndex: Int
    /// The canary's current traffic share, in percent: the step's weight, 100
    /// once promoted, 0 once rolled back.
    public private(set) var weightPercent: Double
    /// When the current step's weight was set.
    public private(set) var stepStartedAt: Nanoseconds
    /// When the current step's hold started counting: the step's start, the
    /// first healthy analysis after a breach, or the last `resume`.
    public private(set) var holdStartedAt: Nanoseconds
    /// When the standing breach was first seen, nil when none stands.
    public private(set) var breachStartedAt: Nanoseconds?
    /// Progressing, paused, promoted or rolled back.
    public private(set) var phase: CanaryPhase
    /// When the last due analysis ran, if any.
    public private(set) var lastEvaluatedAt: Nanoseconds?

    /// A rollout at step 0, started at `startedAt`.
    /// - Precondition: `config.validate()` succeeds.
    public init(config: CanaryConfig, startedAt: Nanoseconds) {
        self.config = config
        self.startedAt = startedAt
        stepIndex = 0
        weightPercent = config.steps[0].weightPercent
        stepStartedAt = startedAt
        holdStartedAt = startedAt
        breachStartedAt = nil
        phase = .progressing
        lastEvaluatedAt = nil
    }

    /// Promoted or rolled back: no further decision changes anything.
    public var isFinished: Bool { phase == .promoted || phase == .rolledBack }

    /// The earliest time the next analysis is due (`startedAt` before the first).
    public var nextEvaluationAt: Nanoseconds {
        lastEvaluatedAt.map { $0.saturatingAdd(config.analysisInterval) } ?? startedAt
    }

    /// Judges one analysis window at `now`: `canary` and `baseline` measured over the same window.
    public mutating func evaluate(now: Nanoseconds, canary: CanaryObservation, baseline: CanaryObservation) -> CanaryDecision {
        if isFinished { return .hold(.finished) }
        if let last = lastEvaluatedAt, now - last < config.analysisInterval { return .hold(.notDue(nextAt: nextEvaluationAt)) }
        lastEvaluatedAt = now

        let sample = CanarySample(canaryRequests: canary.requests, baselineRequests: baseline.requests,
                                  minimumRequests: config.minimumSampleRequests)
        guard sample.isSufficient else {
            if phase == .paused { return .hold(.paused(analysis: nil)) }
            switch config.onInsufficientSample {
            case .hold:
                return .hold(.insufficientSample(sample))
            case .pause:
                phase = .paused
                return .pause(.insufficientSample(sample))
            }
        }

        let analysis = CanaryAnalysis(canary: canary, baseline: baseline, config: config)
        if analysis.breached {
            let since = breachStartedAt ?? now
            breachStartedAt = since
            let deadline = since.saturatingAdd(config.failureHold)
            if now >= deadline {
                phase = .rolledBack
                weightPercent = 0
                return .rollback(.sustainedBreach(since: since, analysis: analysis))
            }
            return .hold(.breachPending(since: since, remaining: deadline - now, analysis: analysis))
        }
        if breachStartedAt != nil {
            breachStartedAt = nil
            holdStartedAt = now
        }

        if phase == .paused { return .hold(.paused(analysis: analysis)) }
        let due = holdStartedAt.saturatingAdd(config.steps[stepIndex].hold)
        if now < due { return .hold(.stepHolding(remaining: due - now, analysis: analysis)) }
        if stepIndex + 1 < config.steps.count {
            stepIndex += 1
            weightPercent = config.steps[stepIndex].weightPercent
            stepStartedAt = now
            holdStartedAt = now
            return .advance(toWeightPercent: weightPercent, analysis: analysis)
        }
        phase = .promoted
        weightPercent = 100
        return .promote(analysis: analysis)
    }

    /// Resumes a paused rollout; the current step's hold starts again at `now`
    /// (a pause usually means the step ran without enough traffic to judge).
    /// Returns whether the rollout was paused.
    @discardableResult
    public mutating func resume(now: Nanoseconds) -> Bool {
        guard phase == .paused else { return false }
        phase = .progressing
        holdStartedAt = now
        return true
    }
}
