/// Everything about control loops the World keeps: the controllers, actions
/// on their way, the arbiter's memory, scaled-in instances and client routes.
struct ControlPlane {
    var controllers: [ControllerRuntime] = []
    /// Actions between decision and effect, by slot (the apply event carries the slot).
    var pending: [PendingAction?] = []
    var freeSlots: [Int32] = []
    var arbiter = ControlArbiter()
    /// Per instance: scaled in by an autoscaler (it must not restart by itself).
    var retired: [Bool] = []
    /// Per client, its route across services when a controller routes it;
    /// empty when no controller does (the hot path checks that first).
    var clientRoutes: [ClientRoute?] = []

    /// Keeps `action` until its apply event; returns its slot.
    mutating func store(_ action: PendingAction) -> Int32 {
        if let slot = freeSlots.popLast() {
            pending[Int(slot)] = action
            return slot
        }
        pending.append(action)
        return Int32(pending.count - 1)
    }

    /// Takes the action in `slot` out.
    mutating func take(_ slot: Int32) -> PendingAction? {
        guard pending.indices.contains(Int(slot)), let action = pending[Int(slot)] else { return nil }
        pending[Int(slot)] = nil
        freeSlots.append(slot)
        return action
    }

    /// Whether instance `i` was scaled in.
    func isRetired(_ i: Int) -> Bool { i < retired.count && retired[i] }
}
