/// The canary controller: a progressive rollout through a service's splitter,
/// judged by `Policy.CanaryController` on telemetry of both versions.
extension World {
    mutating func buildCanaryLoop(_ context: ControlBuildContext) throws(WorldBuildError) -> BuiltLoop {
        let block = context.spec.canary ?? .defaultValue
        try context.validated("canary.policy") { () throws(PolicyConfigError) in try block.policy.validate() }
        guard let s = context.service, let splitter = services[Int(s)].splitter else {
            throw context.error("target", "a canary needs a service with versions (a splitter), got \"\(context.spec.target)\"")
        }
        let names = splitter.config.targets.map(\.name)
        guard let canary = names.firstIndex(of: block.version) else {
            throw context.error("canary.version", "service \"\(context.spec.target)\" splits over \(names.joined(separator: ", ")), not \"\(block.version)\"")
        }
        let baselineName = block.baseline.isEmpty && names.count == 2 ? names[1 - canary] : block.baseline
        guard let baseline = names.firstIndex(of: baselineName), baseline != canary else {
            throw context.error("canary.baseline", "needs another version of \"\(context.spec.target)\" (\(names.joined(separator: ", "))), got \"\(block.baseline)\"")
        }
        let canaryVersion = version(named: block.version, of: s), baselineVersion = version(named: baselineName, of: s)
        let loop = CanaryLoop(rollout: CanaryController(config: block.policy, startedAt: context.spec.start), service: s,
                              canaryPosition: canary, baselinePosition: baseline, canaryVersion: canaryVersion,
                              canaryName: block.version, baselineName: baselineName)
        let taps = [canaryVersion, baselineVersion].map { TelemetryTap(entity: versions[Int($0)].entity, service: -1, wantsLatency: true) }
        return BuiltLoop(loop: .canary(loop), target: .split(service: s), taps: taps)
    }

    /// The version index of `name` in service `s` (the name is known to exist).
    func version(named name: String, of s: Int32) -> Int32 {
        services[Int(s)].versions.first { versions[Int($0)].name == name }!
    }

    /// One analysis: begin the rollout on the first, then judge canary against
    /// baseline; once finished, re-ask for the final weight if it was lost
    /// (level-triggered, as a Kubernetes controller reconciles).
    mutating func canaryTick(_ k: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        guard case .canary(var loop) = control.controllers[k].loop else { return }
        let seenCanary = observe(k, tap: 0, now: now), seenBaseline = observe(k, tap: 1, now: now)
        let seen = "seen \(loop.canaryName) \(seenCanary?.trafficText ?? "no data"), \(loop.baselineName) \(seenBaseline?.trafficText ?? "no data")"
            + (seenCanary.map { "; \($0.freshnessText)" } ?? "")
        var wanted: Double? = nil
        if !loop.begun {
            loop.begun = true
            wanted = loop.rollout.weightPercent
            logControl(k, now: now, from: "idle", to: "progressing \(percentText(wanted!))",
                       cause: "rollout of \(loop.canaryName) begins at \(percentText(wanted!))")
        }
        let before = "\(loop.rollout.phase.rawValue) \(percentText(loop.rollout.weightPercent))"
        if loop.rollout.isFinished {
            let actual = Double(services[Int(loop.service)].splitter!.basisPoints[loop.canaryPosition]) / 100
            if abs(actual - loop.rollout.weightPercent) >= 0.01 {
                wanted = loop.rollout.weightPercent
                logControl(k, now: now, from: before, to: before, cause: "reconcile: \(loop.canaryName) has \(percentText(actual)), asking again for \(percentText(wanted!))")
            }
        } else {
            let decision = loop.rollout.evaluate(now: now, canary: CanaryObservation(seenCanary), baseline: CanaryObservation(seenBaseline))
            if decision.analysis?.breached == true && loop.firstBreachSeenAt == nil { loop.firstBreachSeenAt = now }
            logControl(k, now: now, from: before, to: "\(loop.rollout.phase.rawValue) \(percentText(loop.rollout.weightPercent))",
                       cause: "\(World.canaryReason(decision)) | \(seen)")
            switch decision {
            case .advance, .promote, .rollback: wanted = loop.rollout.weightPercent
            case .hold, .pause: break
            }
        }
        control.controllers[k].loop = .canary(loop)
        if let wanted {
            issue(.setWeights(.split(service: loop.service), basisPoints: canaryPoints(loop, percent: wanted)), controller: k,
                  cause: "\(loop.canaryName) to \(percentText(wanted))", scheduler: &scheduler)
        }
    }

    /// The splitter's basis points with the canary at `percent` and the
    /// baseline taking up the difference (other versions keep theirs).
    func canaryPoints(_ loop: CanaryLoop, percent: Double) -> [Int] {
        var points = services[Int(loop.service)].splitter!.basisPoints
        let others = points.indices.filter { $0 != loop.canaryPosition && $0 != loop.baselinePosition }.reduce(0) { $0 + points[$1] }
        let canary = min(Int((percent * 100).rounded()), TrafficSplitConfig.totalBasisPoints - others)
        points[loop.canaryPosition] = canary
        points[loop.baselinePosition] = TrafficSplitConfig.totalBasisPoints - others - canary
        return points
    }

    /// At a window close: counts what the canary version served (truth) while the rollout runs.
    mutating func countCanaryExposure(_ k: Int) {
        guard case .canary(var loop) = control.controllers[k].loop, loop.begun, loop.finishedAt == nil else { return }
        let (requests, failures) = windowRequests(entity: versions[Int(loop.canaryVersion)].entity)
        loop.exposedRequests += requests
        loop.exposedFailures += failures
        control.controllers[k].loop = .canary(loop)
    }

    /// After an applied change: a finished rollout reports its end once, with its exposure.
    mutating func canaryApplied(_ k: Int, now: SimTime) {
        guard case .canary(var loop) = control.controllers[k].loop, loop.rollout.isFinished, loop.finishedAt == nil else { return }
        // The window in progress has not been counted yet: add what it has so far.
        let (requests, failures) = windowRequests(entity: versions[Int(loop.canaryVersion)].entity)
        loop.exposedRequests += requests
        loop.exposedFailures += failures
        loop.finishedAt = now
        control.controllers[k].loop = .canary(loop)
        let started = control.controllers[k].spec.start
        let breach = loop.firstBreachSeenAt.map { " (first breach seen at t=\(DurationFormat.human($0)))" } ?? ""
        logControl(k, now: now, from: "rolling out", to: loop.rollout.phase == .promoted ? "promoted" : "rolled back",
                   cause: "took effect \(DurationFormat.human(now - started)) after the rollout began\(breach); exposure: "
                       + "\(Int(loop.exposedRequests)) requests served by \(loop.canaryName), \(Int(loop.exposedFailures)) failed")
    }

    /// Requests an entity finished (and failed) in the window in progress.
    func windowRequests(entity: Int32) -> (requests: Double, failures: Double) {
        let base = recorder.dataEntity(Int(entity)) * Recorder.counterCount
        let failures = recorder.counts[base + Counter.failures.rawValue]
        return (recorder.counts[base + Counter.successes.rawValue] + failures, failures)
    }

    func percentText(_ percent: Double) -> String { NumberFormat.trimmed(percent, maxDecimals: 2) + "%" }

    /// Why a canary decided what it did, in a few words with the numbers.
    static func canaryReason(_ decision: CanaryDecision) -> String {
        func breach(_ a: CanaryAnalysis) -> String {
            var parts: [String] = []
            let errors = "error rate \(NumberFormat.trimmed(a.canaryErrorRatePercent, maxDecimals: 2))% vs \(NumberFormat.trimmed(a.baselineErrorRatePercent, maxDecimals: 2))%"
            let latency = "p99 ratio \(NumberFormat.trimmed(a.latencyRatio, maxDecimals: 2))"
            if a.errorRateBreached { parts.append(errors + " (breach)") }
            if a.latencyBreached { parts.append(latency + " (breach)") }
            return parts.isEmpty ? "\(errors), \(latency)" : parts.joined(separator: ", ")
        }
        switch decision {
        case .hold(.notDue): return "hold: not due"
        case .hold(.insufficientSample(let s)):
            return "hold: too few requests to judge (canary \(s.canaryRequests), baseline \(s.baselineRequests), minimum \(s.minimumRequests))"
        case .hold(.stepHolding(let remaining, let a)): return "hold: healthy (\(breach(a))), step holds \(DurationFormat.human(remaining)) more"
        case .hold(.breachPending(let since, let remaining, let a)):
            return "hold: \(breach(a)) since t=\(DurationFormat.human(since)), rollback in \(DurationFormat.human(remaining)) if it stands"
        case .hold(.paused): return "hold: paused"
        case .hold(.finished): return "hold: finished"
        case .advance(let weight, let a): return "advance to \(NumberFormat.trimmed(weight, maxDecimals: 2))%: healthy (\(breach(a)))"
        case .promote(let a): return "promote: healthy through the last step (\(breach(a)))"
        case .pause(.insufficientSample(let s)):
            return "pause: too few requests to judge (canary \(s.canaryRequests), baseline \(s.baselineRequests), minimum \(s.minimumRequests))"
        case .rollback(.sustainedBreach(let since, let a)): return "rollback: \(breach(a)), standing since t=\(DurationFormat.human(since))"
        }
    }
}

extension CanaryObservation {
    /// A telemetry observation as the canary analysis takes it (no data: an empty window).
    init(_ observation: TelemetryObservation?) {
        self.init(requests: Int(observation?.requests ?? 0), errors: Int(observation?.errors ?? 0),
                  latencyP99: observation?.latencyP99 ?? .zero)
    }
}
