/// What the engine drives: a world that reacts to its own events.
///
/// Events are a small enum chosen by the model and dispatched in exactly one
/// place (`handle`), not closures: the kernel stays tiny and allocation-free.
public protocol SimulationModel {
    associatedtype Event

    /// Handles one event at `scheduler.now`; may schedule more.
    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>)

    /// A stable 64-bit code for `event` (kind and payload) folded into the
    /// trace digest; two runs that handle the same events give the same digest.
    func traceCode(of event: Event) -> UInt64
}

extension SimulationModel {
    public func traceCode(of event: Event) -> UInt64 { 0 }
}
