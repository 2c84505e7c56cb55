import Foundation
import Scenarios
import Sim

/// Finds a scenario given on the command line: a file path, or a built-in name.
enum ScenarioSource {
    /// Loads FILE or NAME with overrides. Throws `UsageError` for a name that
    /// is neither, `ScenarioLoadError` for an invalid scenario.
    static func load(_ argument: String, overrides: [Override]) throws -> (scenario: Scenario, file: String) {
        if FileManager.default.fileExists(atPath: argument) {
            return (try ScenarioLoader.load(file: argument, overrides: overrides), argument)
        }
        if let scenario = try Catalog.load(named: argument, overrides: overrides) {
            return (scenario, "\(argument) (built-in)")
        }
        let names = Catalog.entries.map(\.name)
        let hint = names.isEmpty ? "" : " (built-ins: \(names.joined(separator: ", ")))"
        throw UsageError(message: "no file or built-in scenario named \"\(argument)\"\(hint)")
    }

    /// `--set` values, plus `--seed` and `--duration` as overrides.
    static func overrides(_ arguments: inout Arguments) throws -> [Override] {
        var texts = try arguments.options("--set")
        if let seed = try arguments.option("--seed") {
            guard let value = UInt64(seed) else { throw UsageError(message: "--seed expects a non-negative integer, got \"\(seed)\"") }
            texts.append("seed=\(value)")
        }
        if let duration = try arguments.option("--duration") {
            guard SimTime(parsing: duration) != nil else {
                throw UsageError(message: "--duration expects a duration with a unit such as 5m, got \"\(duration)\"")
            }
            texts.append("duration=\(duration)")
        }
        var overrides: [Override] = []
        for text in texts {
            do { overrides.append(try Override(parsing: text)) } catch { throw UsageError(message: error.description) }
        }
        return overrides
    }
}
