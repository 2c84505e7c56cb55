import Sim

/// `--set path=value` overrides, applied to a scenario document before it is decoded.
///
/// A path is dot-separated. In an array, a segment selects the element whose
/// `name` is that segment (`services.api`), whose `from->to` matches (`edges.web->api`),
/// or the element at that index (`faults.0`). Missing objects along the path
/// are created. The value is read as JSON5 (`2`, `true`, `[1,2]`, `{a: 1}`,
/// `'quoted'`); anything that is not JSON5 is taken as a string (`10m`, `fifo`).
public struct Override: Equatable, Sendable, CustomStringConvertible {
    public var path: [String]
    public var value: JSONValue
    /// As the user wrote it, for messages.
    public var text: String

    public var description: String { text }

    /// Parses `path=value`.
    public init(parsing text: String) throws(OverrideError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw OverrideError(override: text, message: "expected path=value")
        }
        let pathText = String(text[..<equals])
        let valueText = String(text[text.index(after: equals)...])
        let segments = pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !pathText.isEmpty, !segments.contains(where: \.isEmpty) else {
            throw OverrideError(override: text, message: "the path \"\(pathText)\" has an empty segment")
        }
        self.text = text
        path = segments
        // No positions: the value was not written in the file, and the loader
        // tells a kind given by `--set` from one in the file by this.
        value = ((try? JSON5Parser.parse(valueText)) ?? .string(valueText)).withoutPositions
    }

    /// The document with this override applied.
    public func apply(to document: JSONValue) throws(OverrideError) -> JSONValue {
        try set(value, at: path[...], in: document, walked: [])
    }

    func set(_ newValue: JSONValue, at remaining: ArraySlice<String>, in node: JSONValue, walked: [String]) throws(OverrideError) -> JSONValue {
        guard let segment = remaining.first else { return newValue }
        let rest = remaining.dropFirst()
        let here = walked + [segment]
        switch node {
        case .object(var members, let at):
            if let index = members.firstIndex(where: { $0.key == segment }) {
                members[index].value = try set(newValue, at: rest, in: members[index].value, walked: here)
            } else {
                members.append(JSONMember(key: segment, value: try set(newValue, at: rest, in: .object([]), walked: here)))
            }
            return .object(members, at: at)
        case .array(var elements, let at):
            let index = elements.firstIndex { Override.element($0, isNamed: segment) } ?? Int(segment).flatMap { elements.indices.contains($0) ? $0 : nil }
            guard let index else {
                let names = elements.compactMap { $0.member(named: "name")?.value.stringValue }
                throw OverrideError(override: text, message: "\(walked.joined(separator: ".")) has no element named \"\(segment)\""
                                    + (names.isEmpty ? "" : " (elements: \(names.joined(separator: ", ")))") + Suggest.hint(for: segment, in: names))
            }
            elements[index] = try set(newValue, at: rest, in: elements[index], walked: here)
            return .array(elements, at: at)
        default:
            throw OverrideError(override: text, message: "\(walked.joined(separator: ".")) is \(node.kind.withArticle), not an object or array, so it has no \"\(segment)\"")
        }
    }

    /// Whether an array element is the one called `name` (by `name`, or `from->to`).
    static func element(_ element: JSONValue, isNamed name: String) -> Bool {
        if element.member(named: "name")?.value.stringValue == name { return true }
        if let from = element.member(named: "from")?.value.stringValue, let to = element.member(named: "to")?.value.stringValue {
            return "\(from)->\(to)" == name
        }
        return false
    }
}

/// An override that cannot be applied.
public struct OverrideError: Error, Equatable, Sendable, CustomStringConvertible {
    public var override: String
    public var message: String
    public var description: String { "--set \(override): \(message)" }
}

extension JSONValue {
    /// A deep merge: objects merge key by key (recursively), anything else in
    /// `overlay` replaces what is in `self`. Used to lay an edge's policy over
    /// its callee's.
    public func merging(_ overlay: JSONValue) -> JSONValue {
        guard case .object(var members, let at) = self, case .object(let overlayMembers, _) = overlay else { return overlay }
        for member in overlayMembers {
            if let index = members.firstIndex(where: { $0.key == member.key }) {
                members[index] = JSONMember(key: member.key, value: members[index].value.merging(member.value), keyPosition: member.keyPosition)
            } else {
                members.append(member)
            }
        }
        return .object(members, at: at)
    }
}
