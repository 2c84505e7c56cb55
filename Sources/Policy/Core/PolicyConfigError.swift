/// A configuration value that makes no sense, with the field that holds it.
///
/// `field` is a dotted path relative to the configuration being validated
/// (`backoff.base`, `steps[2].weightPercent`); callers that embed a config in a
/// larger document prefix their own path with `prefixed(by:)`.
public struct PolicyConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    /// What a valid value looks like: "a duration > 0", "a percentage in 0...100".
    public var expected: String
    /// The offending value as written.
    public var got: String

    public init(field: String, expected: String, got: String) {
        self.field = field
        self.expected = expected
        self.got = got
    }

    public var description: String { "\(field): expected \(expected), got \(got)" }

    /// The same error with `path` in front of the field (`"retry"` + `"backoff.base"`).
    public func prefixed(by path: String) -> PolicyConfigError {
        var copy = self
        copy.field = path.isEmpty ? field : field.isEmpty ? path : "\(path).\(field)"
        return copy
    }
}

/// A configuration that can check itself.
public protocol ValidatedConfig: Codable, Sendable, Equatable {
    /// Throws the first nonsensical field found.
    func validate() throws(PolicyConfigError)
}

/// Small checks shared by every configuration's `validate()`.
/// Each throws a `PolicyConfigError` naming `field` when the value is out of range.
public enum Check {
    public static func that(_ condition: Bool, _ field: String, expected: String, got: @autoclosure () -> String) throws(PolicyConfigError) {
        if !condition { throw PolicyConfigError(field: field, expected: expected, got: got()) }
    }

    public static func positive(_ value: Nanoseconds, _ field: String) throws(PolicyConfigError) {
        try that(value.ns > 0, field, expected: "a duration > 0", got: value.unitString)
    }

    public static func nonNegative(_ value: Nanoseconds, _ field: String) throws(PolicyConfigError) {
        try that(value.ns >= 0, field, expected: "a duration >= 0", got: value.unitString)
    }

    public static func positive(_ value: Int, _ field: String) throws(PolicyConfigError) {
        try that(value > 0, field, expected: "an integer > 0", got: "\(value)")
    }

    public static func nonNegative(_ value: Int, _ field: String) throws(PolicyConfigError) {
        try that(value >= 0, field, expected: "an integer >= 0", got: "\(value)")
    }

    public static func inRange(_ value: Int, _ range: ClosedRange<Int>, _ field: String) throws(PolicyConfigError) {
        try that(range.contains(value), field, expected: "an integer in \(range.lowerBound)...\(range.upperBound)", got: "\(value)")
    }

    public static func positive(_ value: Double, _ field: String) throws(PolicyConfigError) {
        try that(value.isFinite && value > 0, field, expected: "a number > 0", got: "\(value)")
    }

    public static func nonNegative(_ value: Double, _ field: String) throws(PolicyConfigError) {
        try that(value.isFinite && value >= 0, field, expected: "a number >= 0", got: "\(value)")
    }

    public static func inRange(_ value: Double, _ range: ClosedRange<Double>, _ field: String) throws(PolicyConfigError) {
        try that(value.isFinite && range.contains(value), field, expected: "a number in \(range.lowerBound)...\(range.upperBound)", got: "\(value)")
    }

    /// A percentage in 0...100 (Resilience4j-style thresholds).
    public static func percent(_ value: Double, _ field: String) throws(PolicyConfigError) {
        try that(value.isFinite && (0...100).contains(value), field, expected: "a percentage in 0...100", got: "\(value)")
    }

    /// Validates a nested configuration, prefixing its errors with `field`.
    public static func nested(_ config: some ValidatedConfig, _ field: String) throws(PolicyConfigError) {
        do { try config.validate() } catch { throw error.prefixed(by: field) }
    }
}
