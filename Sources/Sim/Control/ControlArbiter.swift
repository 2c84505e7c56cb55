/// Priorities and conflicts between controllers acting on one target.
///
/// The arbiter remembers the last change applied to each target: who, when,
/// at what priority, and the change itself (a vector: weights in basis
/// points, or a replica delta). For a new change by controller `c`:
/// - **Priority**: if another controller with a higher priority changed the
///   target less than `window` ago, `c` yields (not applied). The seed
///   guides' fix for "conflicting policies causing flip-flop routing": "add
///   priority and guardrails".
/// - **Conflict**: otherwise the change applies; if another controller
///   changed the target less than `window` ago and the two changes point in
///   opposite directions (negative dot product), `c` is undoing it: a conflict.
struct ControlArbiter {
    /// The last applied change to a target.
    struct LastChange: Equatable {
        var controller: Int32
        var priority: Int
        var at: SimTime
        var delta: [Double]
    }

    /// What happens to a proposed change.
    enum Verdict: Equatable {
        /// Apply it; `undoing` names the controller whose recent change it reverses.
        case apply(undoing: LastChange?)
        /// Do not apply it: a higher-priority controller changed the target recently.
        case yield(to: LastChange)
    }

    private(set) var targets: [ControlTargetKey] = []
    private(set) var last: [LastChange] = []
    /// Conflicts seen, per target (parallel to `targets`).
    private(set) var conflicts: [Int] = []

    func lastChange(of key: ControlTargetKey) -> LastChange? {
        targets.firstIndex(of: key).map { last[$0] }
    }

    /// Judges a change of `key` by `controller` at `now`.
    func judge(_ key: ControlTargetKey, controller: Int32, priority: Int, now: SimTime, window: SimTime, delta: [Double]) -> Verdict {
        guard let previous = lastChange(of: key), previous.controller != controller, now - previous.at < window else {
            return .apply(undoing: nil)
        }
        if previous.priority > priority { return .yield(to: previous) }
        let dot = zip(previous.delta, delta).reduce(0) { $0 + $1.0 * $1.1 }
        return .apply(undoing: dot < 0 ? previous : nil)
    }

    /// Records an applied change (and a conflict when it undid another's).
    mutating func record(_ key: ControlTargetKey, _ change: LastChange, conflict: Bool) {
        if let index = targets.firstIndex(of: key) {
            last[index] = change
            if conflict { conflicts[index] += 1 }
        } else {
            targets.append(key)
            last.append(change)
            conflicts.append(conflict ? 1 : 0)
        }
    }

    /// Conflicts on every target together.
    var totalConflicts: Int { conflicts.reduce(0, +) }
}
