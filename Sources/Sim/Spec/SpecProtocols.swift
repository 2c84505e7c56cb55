/// A part of the scenario format with a default for every field.
///
/// The scenario decoder builds a value by encoding `defaultValue`, overlaying
/// what the user wrote, and decoding the result, so a file only states what
/// differs from the defaults, and `faultsim show --resolved` prints the rest.
public protocol SpecDefaults: Codable, Sendable {
    static var defaultValue: Self { get }
}

/// A spec whose user-written object replaces the default as a whole instead of
/// being merged field by field (kind-tagged values such as distributions, where
/// fields of another kind would make no sense).
public protocol AtomicSpec: Codable, Sendable {}

/// A spec object that may name a `preset` (a library's published defaults)
/// to start from instead of `defaultValue`.
public protocol PresetSpec: SpecDefaults {
    static func preset(named name: String) -> Self?
    /// Every preset name this spec accepts, for error messages and the schema.
    static var presetNames: [String] { get }
}
