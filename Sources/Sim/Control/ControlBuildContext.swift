/// What building one controller needs to know and report: its spec, where it
/// is in the file, and its target resolved (if it names a service or client).
struct ControlBuildContext {
    let spec: ControllerSpec
    /// `controllers[2]`.
    let path: String
    let service: Int32?
    let client: Int32?

    /// An error at `field` below the controller (the controller itself when empty).
    func error(_ field: String, _ message: String) -> WorldBuildError {
        WorldBuildError(path: field.isEmpty ? path : "\(path).\(field)", message: message)
    }

    /// Runs a Policy config's validation, reporting its field under `field`.
    func validated(_ field: String, _ body: () throws(PolicyConfigError) -> Void) throws(WorldBuildError) {
        do { try body() } catch { throw self.error("\(field).\(error.field)", "expected \(error.expected), got \(error.got)") }
    }
}

/// A controller's decision state, what its actions change (nil: it only
/// watches), and the sources it watches, in the order its kind reads them.
struct BuiltLoop {
    var loop: ControlLoop
    var target: ControlTargetKey?
    var taps: [TelemetryTap]
}
