import Sim

/// The built-in scenarios: the files in `scenarios/`, embedded in the binary
/// so `faultsim run NAME` works from any directory.
public enum Catalog {
    public struct Entry: Sendable, Equatable {
        /// The file's name without `.json5`.
        public var name: String
        /// The file's text (without its final newline).
        public var text: String
    }

    /// Every built-in, sorted by name.
    public static var entries: [Entry] { embedded.sorted { $0.name < $1.name } }

    public static func entry(named name: String) -> Entry? { embedded.first { $0.name == name } }

    /// Loads a built-in by name.
    public static func load(named name: String, overrides: [Override] = []) throws(ScenarioLoadError) -> Scenario? {
        guard let entry = entry(named: name) else { return nil }
        return try ScenarioLoader.load(text: entry.text, file: "\(name).json5 (built-in)", defaultName: name, overrides: overrides)
    }

    /// A built-in's description, read without a full load (for `faultsim list`).
    public static func description(of entry: Entry) -> String {
        (try? JSON5Parser.parse(entry.text))?.member(named: "description")?.value.stringValue ?? ""
    }
}
