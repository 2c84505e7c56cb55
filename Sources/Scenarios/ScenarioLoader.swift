import Foundation
import Sim

/// Problems that stop a scenario from loading, all of them, with their file.
public struct ScenarioLoadError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var issues: [SpecIssue]

    /// One line per issue: `file:line:column: path: message`.
    public var description: String { issues.map { $0.located(in: file) }.joined(separator: "\n") }
}

/// Turns a scenario file into a validated `Scenario`:
/// read -> parse (JSON5, positions kept) -> `--set` overrides -> edge policies
/// laid over their callee's -> decode (defaults, presets, units, unknown keys)
/// -> semantic checks (references, cycles, weights, fault targets, limits).
/// Every problem found is reported at once; nothing is run on a bad file.
public enum ScenarioLoader {
    /// Largest scenario file read (a limit like every other).
    public static let maxFileBytes = 16 * 1024 * 1024

    public static func load(file path: String, overrides: [Override] = []) throws(ScenarioLoadError) -> Scenario {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maxFileBytes {
                throw ScenarioLoadError(file: path, issues: [SpecIssue(path: JSONPath(), position: .unknown,
                                                                       message: "file is \(size) bytes; the limit is \(maxFileBytes)")])
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ScenarioLoadError {
            throw error
        } catch {
            throw ScenarioLoadError(file: path, issues: [SpecIssue(path: JSONPath(), position: .unknown, message: "cannot read the file (\(describe(error)))")])
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try load(bytes: Array(data), file: path, defaultName: stem, overrides: overrides)
    }

    public static func load(text: String, file: String, defaultName: String, overrides: [Override] = []) throws(ScenarioLoadError) -> Scenario {
        try load(bytes: Array(text.utf8), file: file, defaultName: defaultName, overrides: overrides)
    }

    static func load(bytes: [UInt8], file: String, defaultName: String, overrides: [Override]) throws(ScenarioLoadError) -> Scenario {
        var document: JSONValue
        do {
            document = try JSON5Parser().parse(utf8: bytes)
        } catch {
            throw ScenarioLoadError(file: file, issues: [SpecIssue(path: JSONPath(), position: error.position, message: error.message)])
        }
        guard document.objectMembers != nil else {
            throw ScenarioLoadError(file: file, issues: [SpecIssue(path: JSONPath(), position: document.position,
                                                                   message: "expected the scenario to be an object, got \(document.kind.withArticle)")])
        }
        var issues: [SpecIssue] = []
        for override in overrides {
            do { document = try override.apply(to: document) } catch {
                issues.append(SpecIssue(path: JSONPath(), position: .unknown, message: error.description))
            }
        }
        guard issues.isEmpty else { throw ScenarioLoadError(file: file, issues: issues) }
        document = layerEdgePolicies(document)
        let (decoded, decodeIssues) = SpecDecoder.decode(Scenario.self, from: document)
        issues += decodeIssues
        if var scenario = decoded {
            if scenario.name.isEmpty { scenario.name = defaultName }
            if issues.isEmpty {
                issues += ScenarioValidator.check(scenario).filter { !waived($0, in: document) }.map { issue in
                    var located = issue
                    located.position = position(of: issue.path, in: document)
                    return located
                }
            }
            if issues.isEmpty { return scenario }
        }
        throw ScenarioLoadError(file: file, issues: issues.sorted(by: SpecIssue.reportOrder))
    }

    /// Each edge's `policy` laid over its callee's `policy` (field by field),
    /// so an edge states only what differs from how everyone calls the service.
    static func layerEdgePolicies(_ document: JSONValue) -> JSONValue {
        guard case .object(var members, let at) = document,
              let edgesIndex = members.firstIndex(where: { $0.key == "edges" }),
              case .array(var edges, let edgesAt) = members[edgesIndex].value else { return document }
        let services = document.member(named: "services")?.value.arrayValue ?? []
        for index in edges.indices {
            guard let to = edges[index].member(named: "to")?.value.stringValue,
                  let calleePolicy = services.first(where: { $0.member(named: "name")?.value.stringValue == to })?.member(named: "policy")?.value,
                  case .object(var edgeMembers, let edgeAt) = edges[index] else { continue }
            if let policyIndex = edgeMembers.firstIndex(where: { $0.key == "policy" }) {
                edgeMembers[policyIndex].value = calleePolicy.merging(edgeMembers[policyIndex].value)
            } else {
                edgeMembers.append(JSONMember(key: "policy", value: calleePolicy))
            }
            edges[index] = .object(edgeMembers, at: edgeAt)
        }
        members[edgesIndex].value = .array(edges, at: edgesAt)
        return .object(members, at: at)
    }

    /// Whether the kind that makes `issue` a mistake was given by `--set`
    /// (override values have no position) rather than written in the file.
    static func waived(_ issue: SpecIssue, in document: JSONValue) -> Bool {
        guard let kind = issue.waivedWhenSet, let value = document.value(at: kind) else { return false }
        return !value.position.isKnown
    }

    /// The position of `path` in the document, or of its nearest written ancestor.
    static func position(of path: JSONPath, in document: JSONValue) -> SourcePosition {
        var current = path
        while true {
            if let value = document.value(at: current), value.position.isKnown { return value.position }
            if current.isRoot { return .unknown }
            current = current.parent
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}

extension JSONPath {
    /// Parses a dotted field path as configs report it (`retry.backoff.base`, `targets[2].name`).
    public init(dotted text: String) {
        var components: [Component] = []
        for part in text.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { components.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { components.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        self.init(components)
    }

    /// This path followed by `other`.
    public func appending(_ other: JSONPath) -> JSONPath { JSONPath(components + other.components) }
}
