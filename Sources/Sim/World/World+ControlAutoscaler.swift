/// The autoscaler controller: `Policy.Autoscaler` (the Kubernetes HPA
/// algorithm) on a service's telemetry, acting on its replica count.
extension World {
    mutating func buildAutoscalerLoop(_ context: ControlBuildContext) throws(WorldBuildError) -> BuiltLoop {
        let block = context.spec.autoscaler ?? .defaultValue
        try context.validated("autoscaler.policy") { () throws(PolicyConfigError) in try block.policy.validate() }
        guard let s = context.service else { throw context.error("target", "an autoscaler needs a service, got \"\(context.spec.target)\"") }
        let chosen = block.version.isEmpty ? services[Int(s)].versions.first
            : services[Int(s)].versions.first { versions[Int($0)].name == block.version }
        guard let v = chosen else { throw context.error("autoscaler.version", "service \"\(context.spec.target)\" has no version \"\(block.version)\"") }
        guard block.provisioningDelay >= .zero, block.drainTime >= .zero else {
            throw context.error("autoscaler", "provisioningDelay and drainTime must be >= 0")
        }
        let loop = AutoscalerLoop(autoscaler: Autoscaler(config: block.policy), service: s, version: v, metric: block.metric,
                                  provisioningDelay: block.provisioningDelay, drainTime: block.drainTime)
        return BuiltLoop(loop: .autoscaler(loop), target: .replicas(service: s),
                         taps: [TelemetryTap(entity: services[Int(s)].entity, service: s, wantsLatency: block.metric == .latencyP99)])
    }

    /// One HPA evaluation on the observed metric; a change of count becomes an action.
    mutating func autoscalerTick(_ k: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        guard case .autoscaler(var loop) = control.controllers[k].loop else { return }
        let seen = observe(k, tap: 0, now: now)
        let current = provisionedInstances(service: Int(loop.service)).count
        let value = seen.map { World.metricValue(loop.metric, $0) } ?? .nan
        let config = loop.autoscaler.config
        let passed = World.readyAdjusted(value, target: config.targetValue, tolerance: config.tolerance,
                                         ready: seen?.instancesUp ?? 0, provisioned: current)
        let decision = loop.autoscaler.recommend(now: now, currentReplicas: current, metricValue: passed)
        control.controllers[k].loop = .autoscaler(loop)
        guard decision.cause != .notDue else { return }
        let adjustedText = passed == value || passed.isNaN ? "" : " (\(NumberFormat.trimmed(passed, maxDecimals: 2)) over all \(current) replicas)"
        let metricText = value.isNaN ? "no data" : "\(loop.metric.rawValue) \(NumberFormat.trimmed(value, maxDecimals: 2))\(adjustedText) vs target "
            + NumberFormat.trimmed(config.targetValue, maxDecimals: 2)
        let inputs = seen.map { "\($0.instancesUp) of \(current) up; \($0.freshnessText)" } ?? "no telemetry yet"
        logControl(k, now: now, from: "\(current) replicas", to: "\(decision.desiredReplicas) replicas",
                   cause: "\(decision.cause.rawValue): \(metricText) (ratio \(NumberFormat.trimmed(decision.metricRatio, maxDecimals: 3)), "
                       + "proposed \(decision.recommendedReplicas), stabilized \(decision.stabilizedReplicas)) | seen \(inputs)")
        if decision.changesReplicas {
            issue(.setReplicas(service: loop.service, replicas: decision.desiredReplicas), controller: k,
                  cause: "\(decision.cause.rawValue) at \(metricText)", scheduler: &scheduler)
        }
    }

    /// The metric as the HPA's replica calculator hands it on when some
    /// replicas are not ready (starting, warming up in discovery, crashed).
    ///
    /// Kubernetes computes the desired count from the pods that report
    /// (`ceil(ratio x readyPods)`) and holds within the tolerance of the ready
    /// pods' ratio; for a scale-up it counts not-yet-ready pods at 0 % and
    /// holds if that reverses the direction (docs: "Algorithm details";
    /// OpenShift's docs: "unready pods have 0 CPU usage when scaling up and
    /// the autoscaler ignores the pods when scaling down"). `Policy.Autoscaler`
    /// multiplies by the replica count it is given, so the value passed is
    /// `value x ready / provisioned`, or the target itself (a ratio of 1: hold)
    /// where Kubernetes would hold. Without this, every replica still starting
    /// would be counted as carrying the ready ones' load, and each evaluation
    /// during a cold start would add replicas for load already provided for.
    static func readyAdjusted(_ value: Double, target: Double, tolerance: Double, ready: Int, provisioned: Int) -> Double {
        guard !value.isNaN, provisioned > 0, ready < provisioned, target > 0 else { return value }
        let ratio = value / target
        if abs(1 - ratio) <= tolerance { return target }
        let adjusted = value * Double(ready) / Double(provisioned)
        if ratio > 1 && adjusted < target { return target }
        return adjusted
    }

    /// The per-replica value the HPA formula needs, from one observation.
    static func metricValue(_ metric: AutoscalerControllerSpec.Metric, _ seen: TelemetryObservation) -> Double {
        switch metric {
        case .utilisation: seen.utilisationPercent
        case .requestRate: seen.instancesUp > 0 ? seen.requestRatePerSecond / Double(seen.instancesUp) : .nan
        case .latencyP99: seen.latencyP99.map(\.milliseconds) ?? .nan
        }
    }
}
