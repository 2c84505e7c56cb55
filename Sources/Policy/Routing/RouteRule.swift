/// Requests whose attribute `attribute` has one of `values` go to `target`,
/// whatever the weights say (header, cookie, cohort, region or device routing).
///
/// Rules are checked in order and the first match wins; only unmatched
/// requests are split by weight. A rule may point at a target with weight 0,
/// which is how a beta cohort reaches a version before any public traffic.
public struct RouteRule: ValidatedConfig {
    /// The request attribute to look at (`"cohort"`, `"x-canary"`, `"region"`).
    public var attribute: String
    /// Values that select this rule (any one of them matches).
    public var values: [String]
    /// The split target's name that matching requests go to.
    public var target: String

    /// Requests with `attribute` equal to one of `values` go to `target`.
    public init(attribute: String, values: [String], target: String) {
        self.attribute = attribute
        self.values = values
        self.target = target
    }

    /// A non-empty attribute, at least one value, a non-empty target name.
    /// (Whether `target` exists is checked by `TrafficSplitConfig`.)
    public func validate() throws(PolicyConfigError) {
        try Check.that(!attribute.isEmpty, "attribute", expected: "a non-empty attribute name", got: "\"\"")
        try Check.that(!values.isEmpty, "values", expected: "at least one value", got: "[]")
        try Check.that(!target.isEmpty, "target", expected: "a target name", got: "\"\"")
    }
}
