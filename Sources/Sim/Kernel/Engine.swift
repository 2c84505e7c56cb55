/// Drives a `SimulationModel` through time: pop the earliest event, advance the
/// clock to it, let the model handle it. That is the whole kernel.
///
/// `run` stops at the requested end time, when no events are left, or at the
/// first `RunLimits` bound (or model-requested stop) it meets, and says which.
/// It can be called again to continue.
public struct Engine<Model: SimulationModel> {
    public var model: Model
    public var scheduler: Scheduler<Model.Event>
    public var limits: RunLimits
    public private(set) var eventsProcessed: UInt64 = 0
    /// When set, every handled event is folded into it.
    public var trace: TraceDigest?

    public init(model: Model, limits: RunLimits = .default, tracing: Bool = false, reservingCapacity: Int = 1024) {
        self.model = model
        self.limits = limits
        scheduler = Scheduler(reservingCapacity: reservingCapacity)
        trace = tracing ? TraceDigest() : nil
    }

    /// The current simulated time.
    public var now: SimTime { scheduler.now }

    /// Schedules an initial (or external) event.
    public mutating func schedule(_ event: Model.Event, at time: SimTime) {
        scheduler.schedule(event, at: time)
    }

    /// Runs events with time <= `end` (all events when `end` is nil) and
    /// leaves the clock at `end` when it is reached.
    public mutating func run(until end: SimTime? = nil) -> StopReason {
        let endNs = end?.ns ?? Int64.max
        // One comparison per event against the earlier of the end and maxSimTime;
        // which of the two was passed is sorted out only when one is.
        let lastNs = min(endNs, limits.maxSimTime.ns)
        // Read once: testing the optional in the loop copies the digest (retain and
        // release of its arrays) on every event. Nothing in the loop sets or clears it.
        let tracing = trace != nil
        while true {
            guard let (nextTime, source) = scheduler.queue.peek() else {
                if let end { scheduler.now = max(scheduler.now, end) }
                return .queueEmpty
            }
            if nextTime.ns > lastNs {
                if nextTime.ns > endNs {
                    scheduler.now = end!
                    return .reachedEndTime
                }
                return .limit(.maxSimTime(limits.maxSimTime))
            }
            if eventsProcessed >= limits.maxEvents { return .limit(.maxEvents(limits.maxEvents)) }

            let next = scheduler.queue.pop(from: source)
            scheduler.now = next.time
            eventsProcessed &+= 1
            if tracing { fold(next) }
            model.handle(next.event, scheduler: &scheduler)

            if scheduler.queue.count > limits.maxPendingEvents {
                return .limit(.maxPendingEvents(limits.maxPendingEvents))
            }
            if let stop = scheduler.stopRequest { return .limit(stop) }
        }
    }

    /// Folds a handled event into the trace (which must be set).
    private mutating func fold(_ next: ScheduledEvent<Model.Event>) {
        let detail = trace!.capturesNext ? String(describing: next.event) : nil
        trace!.fold(time: next.time, sequence: next.sequence, code: model.traceCode(of: next.event), detail: detail)
    }
}
