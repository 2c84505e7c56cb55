/// What a controller asks the control plane to do. Applied `applyLatency`
/// after the decision, unless the control plane is down then or a
/// higher-priority controller holds the target.
enum ControlAction: Equatable {
    /// Set a splitter's (or a client route's) weights, in basis points (sum 10,000).
    case setWeights(ControlTargetKey, basisPoints: [Int])
    /// Set a service's provisioned replicas.
    case setReplicas(service: Int32, replicas: Int)

    /// The target the action changes.
    var target: ControlTargetKey {
        switch self {
        case .setWeights(let key, _): key
        case .setReplicas(let service, _): .replicas(service: service)
        }
    }
}

/// An action on its way through the control plane.
struct PendingAction {
    let controller: Int32
    let decidedAt: SimTime
    let action: ControlAction
    /// The decision, for the log line of the change.
    let cause: String
}
