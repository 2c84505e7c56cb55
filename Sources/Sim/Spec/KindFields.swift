/// A flat spec whose kind (or mode) decides which of its fields are read: a
/// rate schedule, a fault, a cache, a load-latency curve.
///
/// A field the kind does not read would be silently ignored (`rateRps` on a
/// ramp, `percent` on a latency fault, `capacity` on a hit-ratio cache), so
/// validation refuses any such field set to other than its default.
public protocol KindFields {
    associatedtype Field: RawRepresentable & CaseIterable & Equatable where Field.RawValue == String
    /// The kind as written (`ramp`, `latency`, `hitRatio`).
    var kindName: String { get }
    /// The fields the current kind reads.
    var readFields: [Field] { get }
    /// The value of `field` as written, or nil when it has its default.
    func setValue(_ field: Field) -> String?
}

extension KindFields {
    /// Every field set to other than its default that the current kind does not read, with its value.
    public var unreadFields: [(field: Field, value: String)] {
        Field.allCases.compactMap { field in
            guard !readFields.contains(field), let value = setValue(field) else { return nil }
            return (field, value)
        }
    }

    /// "a ramp rate does not read rateRps (it reads fromRps, toRps, start, end)", with `noun` = "rate".
    public func unreadMessage(_ field: Field, noun: String) -> String {
        let read = readFields.map(\.rawValue).joined(separator: ", ")
        return "\(KindName.withArticle(kindName)) \(noun) does not read \(field.rawValue) (it reads " + (read.isEmpty ? "none of the optional fields" : read) + ")"
    }

    /// `text` when `value` differs from `defaultValue`: the building block of `setValue`.
    public static func text<Value: Equatable>(_ value: Value, unless defaultValue: Value, _ text: @autoclosure () -> String) -> String? {
        value == defaultValue ? nil : text()
    }
}

/// Kind names in messages.
public enum KindName {
    /// "a ramp", "an errors", "an open-loop": the article a kind name takes in a message.
    public static func withArticle(_ name: String) -> String {
        (name.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + name
    }
}
