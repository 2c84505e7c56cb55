/// Faults on the control loops: `telemetryLag` (scrapes arrive later) and
/// `controlPlaneOutage` (no decisions, actions lost). Target `controllers`
/// reaches every controller, `controller:NAME` one.
extension World {
    /// A control fault as the World keeps it: nothing in the data plane to resolve.
    func resolveControlFault(_ faultSpec: FaultSpec, index: Int32) throws(WorldBuildError) -> FaultRuntime {
        let target = faultSpec.target
        guard target == "controllers" || spec.controllers.contains(where: { $0.entityText == target }) else {
            throw WorldBuildError(path: "faults[\(index)].target",
                                  message: "a \(faultSpec.kind.rawValue) fault targets \"controllers\" or controller:NAME of a controller, got \"\(target)\"")
        }
        return FaultRuntime(specBox: SpecBox(faultSpec), index: index)
    }

    /// Whether control fault `f` reaches the controller called `name`.
    func controlFault(_ f: Int, reaches name: String) -> Bool {
        let target = faults[f].spec.target
        return target == "controllers" || target == "controller:\(name)"
    }

    /// Whether controller `k`'s control plane is down now.
    func controlPlaneDown(_ k: Int) -> Bool {
        control.controllers[k].outageFaults.contains { faults[Int($0)].active }
    }

    /// Controller `k`'s telemetry lag now: its own plus every active lag fault's.
    func telemetryLag(_ k: Int) -> SimTime {
        var lag = control.controllers[k].spec.telemetry.lag
        for f in control.controllers[k].lagFaults where faults[Int(f)].active {
            if case .constant(let added) = faults[Int(f)].spec.addedLatency { lag = lag.saturatingAdd(added) }
        }
        return lag
    }

    /// A control fault started or ended: each controller it reaches logs the change.
    mutating func controlFaultChanged(_ f: Int, now: SimTime) {
        let active = faults[f].active
        for k in control.controllers.indices {
            if faults[f].spec.kind == .controlPlaneOutage, control.controllers[k].outageFaults.contains(Int32(f)) {
                logControl(k, now: now, from: active ? "control plane up" : "control plane down", to: active ? "control plane down" : "control plane up",
                           cause: "fault \(faultName(f)): " + (active ? "no decisions, actions lost" : "decisions resume"))
            }
            if faults[f].spec.kind == .telemetryLag, control.controllers[k].lagFaults.contains(Int32(f)) {
                let lag = telemetryLag(k)
                var before = lag
                if case .constant(let added) = faults[f].spec.addedLatency { before = active ? lag - added : lag + added }
                logControl(k, now: now, from: "lag \(DurationFormat.human(before))", to: "lag \(DurationFormat.human(lag))",
                           cause: "fault \(faultName(f)): scrapes from now on arrive \(DurationFormat.human(lag)) late")
            }
        }
    }
}
