@_exported import Policy

/// Simulated time: integer nanoseconds since the start of a run.
///
/// The simulator and the policy library share one time type, so a policy gets
/// exactly the value the kernel holds, with no conversion and no drift.
/// `.ms(250)`, `.seconds(2)`; prints as `2.250s`.
public typealias SimTime = Nanoseconds
