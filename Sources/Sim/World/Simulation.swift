/// What one run produced.
public struct RunResult: Sendable {
    public var recording: Recording
    /// Why the run stopped: the end time, or a limit (partial results).
    public var stopReason: StopReason
    public var eventsProcessed: UInt64
    public var simulatedTime: SimTime
    /// The trace digest, when the run was given one.
    public var trace: TraceDigest?
    public var peakInFlight: Int
    /// The faults as scheduled (for reports).
    public var faults: [FaultSpan]
    /// What each controller did, in spec order (empty without controllers).
    public var controllers: [ControllerSummary]
}

/// Runs worlds.
public enum Simulation {
    /// Builds the world for `spec` and `seed`, runs it to `spec.duration` (or
    /// a limit) and returns its recording.
    /// `trace` (if given) folds in every event: `TraceDigest()` for a plain
    /// digest, or one with checkpoints or a capture range (`--check-determinism`).
    /// `progress` (if given) is called after every `progressEvery` of simulated
    /// time with the simulated time and events so far; it may return `false` to stop.
    public static func run(_ spec: WorldSpec, seed: UInt64, trace: TraceDigest? = nil,
                           progressEvery: SimTime = .seconds(10),
                           progress: ((SimTime, UInt64) -> Void)? = nil) throws(WorldBuildError) -> RunResult {
        var engine = try World.engine(spec: spec, seed: seed, trace: trace)
        var stop = StopReason.reachedEndTime
        if let progress {
            var until = SimTime.zero
            repeat {
                until = min(spec.duration, until.saturatingAdd(progressEvery))
                stop = engine.run(until: until)
                progress(engine.now, engine.eventsProcessed)
            } while until < spec.duration && !stop.isLimit
        } else {
            stop = engine.run(until: spec.duration)
        }
        let reason: StopReason = stop == .queueEmpty ? .reachedEndTime : stop
        let now = engine.now
        let recording = engine.model.finishRecording(at: min(now, spec.duration))
        return RunResult(recording: recording, stopReason: reason, eventsProcessed: engine.eventsProcessed,
                         simulatedTime: now, trace: engine.trace,
                         peakInFlight: max(engine.model.calls.peakLiveCount, engine.model.attempts.peakLiveCount),
                         faults: spec.faults.map(\.span), controllers: engine.model.controllerSummaries)
    }
}
