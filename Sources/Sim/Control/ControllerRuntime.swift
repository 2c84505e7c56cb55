/// A controller as the World runs it: its spec, its telemetry taps, the
/// faults that reach it, its decision state and its counters.
struct ControllerRuntime {
    let spec: ControllerSpec
    /// The target its actions change (nil for an alert, which only watches).
    let target: ControlTargetKey?
    var taps: [TelemetryTap]
    /// Draws scrape loss (stream `telemetry.NAME`).
    var random: Xoshiro256StarStar
    /// `telemetryLag` and `controlPlaneOutage` faults that reach this controller.
    var lagFaults: [Int32] = []
    var outageFaults: [Int32] = []
    var nextScrapeAt: SimTime
    var loop: ControlLoop
    var stats = ControllerStats()

    /// Time between evaluations: the kind's own interval.
    var interval: SimTime {
        switch loop {
        case .canary(let loop): loop.rollout.config.analysisInterval
        case .autoscaler(let loop): loop.autoscaler.config.evaluationInterval
        case .routing(let loop): loop.spec.interval
        case .alert: spec.alert?.interval ?? BurnRateAlertSpec.defaultValue.interval
        case .failover(let loop): loop.spec.interval
        }
    }
}

/// What a controller did over a run.
struct ControllerStats: Equatable {
    /// Evaluations that produced a decision (made while the control plane was up).
    var decisions = 0
    /// Evaluations skipped because the control plane was down.
    var skipped = 0
    var actionsApplied = 0
    /// Actions that reached the control plane while it was down.
    var actionsLost = 0
    /// Actions not applied because a higher-priority controller held the target.
    var actionsYielded = 0
    /// Applied changes that reversed another controller's recent change.
    var conflicts = 0
    var scrapesLost = 0
}
