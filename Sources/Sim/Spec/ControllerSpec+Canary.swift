/// The `canary` block: which version rolls out against which, and how it is judged.
///
/// The rollout starts at the controller's `start` by setting the first step's
/// weight; each analysis compares the two versions' telemetry (requests,
/// errors and p99 over the telemetry window) with `Policy.CanaryController`,
/// and advances, promotes or rolls back through the service's splitter, the
/// baseline taking whatever the canary does not.
public struct CanaryControllerSpec: SpecDefaults, Equatable {
    /// The version being rolled out.
    public var version: String
    /// The version it is compared against; "" = the service's other version
    /// (the service then needs exactly two).
    public var baseline: String
    /// Steps, analysis interval, minimum sample and thresholds (`CanaryConfig`).
    public var policy: CanaryConfig

    /// A canary block; `version` must name one of the target service's versions.
    public init(version: String = "", baseline: String = "", policy: CanaryConfig = CanaryConfig()) {
        self.version = version
        self.baseline = baseline
        self.policy = policy
    }

    public static let defaultValue = CanaryControllerSpec()
}
