/// What one run produced.
public struct RunResult: Sendable {
    public var recording: Recording
    /// Why the run stopped: the end time, or a limit (partial results).
    public var stopReason: StopReason
    public var eventsProcessed: UInt64
    public var simulatedTime: SimTime
    /// The trace digest when tracing was on.
    public var trace: TraceDigest?
    public var peakInFlight: Int
}

/// Runs worlds.
public enum Simulation {
    /// Builds the world for `spec` and `seed`, runs it to `spec.duration` (or
    /// a limit) and returns its recording.
    public static func run(_ spec: WorldSpec, seed: UInt64, tracing: Bool = false) throws(WorldBuildError) -> RunResult {
        var engine = try World.engine(spec: spec, seed: seed, tracing: tracing)
        let stop = engine.run(until: spec.duration)
        let reason: StopReason = stop == .queueEmpty ? .reachedEndTime : stop
        let now = engine.now
        let recording = engine.model.finishRecording(at: min(now, spec.duration))
        return RunResult(recording: recording, stopReason: reason, eventsProcessed: engine.eventsProcessed,
                         simulatedTime: now, trace: engine.trace,
                         peakInFlight: max(engine.model.calls.peakLiveCount, engine.model.attempts.peakLiveCount))
    }
}
