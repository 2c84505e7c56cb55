/// One burn-rate rule starting or stopping to fire, with the burn rates that decided it.
public struct AlertTransition: Equatable, Sendable, CustomStringConvertible {
    /// The rule's index in `BurnRateAlertConfig.rules`.
    public var ruleIndex: Int
    /// The rule's name.
    public var name: String
    /// The rule's severity.
    public var severity: BurnRateRule.Severity
    /// True when the rule started firing, false when it resolved.
    public var firing: Bool
    /// When the evaluation saw the change.
    public var at: Nanoseconds
    /// The burn rate over the long window.
    public var burnLong: Double
    /// The burn rate over the short window.
    public var burnShort: Double
    /// The rule's threshold.
    public var threshold: Double

    /// A transition value.
    public init(ruleIndex: Int, name: String, severity: BurnRateRule.Severity, firing: Bool, at: Nanoseconds,
                burnLong: Double, burnShort: Double, threshold: Double) {
        self.ruleIndex = ruleIndex
        self.name = name
        self.severity = severity
        self.firing = firing
        self.at = at
        self.burnLong = burnLong
        self.burnShort = burnShort
        self.threshold = threshold
    }

    /// The state entered, as the simulator's report code reads alert events:
    /// exactly `"firing"` or `"resolved"`.
    public var stateName: String { firing ? "firing" : "resolved" }

    /// The state left: `"resolved"` (also the initial state) or `"firing"`.
    public var previousStateName: String { firing ? "resolved" : "firing" }

    /// `page-fast firing at 3600.000s: burn 20.0x long, 20.0x short vs 14.4x`.
    public var description: String {
        "\(name) \(stateName) at \(at): burn \(burnLong)x long, \(burnShort)x short vs \(threshold)x"
    }
}
