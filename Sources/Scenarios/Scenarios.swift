import Sim

/// Scenario files, validation and the built-in catalog (see the README).
public enum ScenarioFormat {
    /// The schema version this build reads and writes.
    public static let schemaVersion = 1
}
