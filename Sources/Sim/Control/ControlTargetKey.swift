/// Something controllers change: the unit of priorities and conflicts.
enum ControlTargetKey: Equatable {
    /// A service's splitter across its versions.
    case split(service: Int32)
    /// The route of a client's requests across services.
    case clientRoute(client: Int32)
    /// A service's replica count.
    case replicas(service: Int32)
}
