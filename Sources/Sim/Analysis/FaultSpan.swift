/// A fault as analysis sees it: what was injected, where, and when.
///
/// The fault model (Sim/Faults) turns its schedule into this list; analysis
/// measures detection and recovery against `start` and `end`, and charts shade
/// the span. An instantaneous fault (a cache flush) has `end == start`; a fault
/// never removed has `end == .max` (or any time at or past the end of the run).
public struct FaultSpan: Sendable, Equatable {
    /// What the fault is, as a report shows it: "latency +2s", "db crash".
    public var name: String
    /// The entity it hits (`EntityName.text`: `service:db`, `edge:api->db`).
    public var target: String
    /// When the fault begins.
    public var start: SimTime
    /// When the fault is removed (the trigger is gone).
    public var end: SimTime

    /// A fault; `end` must not be before `start` (`.max` for never removed).
    public init(name: String, target: String, start: SimTime, end: SimTime) {
        precondition(end >= start, "a fault cannot end before it starts")
        self.name = name
        self.target = target
        self.start = start
        self.end = end
    }
}
