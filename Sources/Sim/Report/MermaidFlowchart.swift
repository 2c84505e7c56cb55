/// Builds a Mermaid flowchart (nodes and labelled edges) that GitHub renders
/// inside a ```` ```mermaid ```` fence: the topology diagram of `summary.md`.
///
/// Node ids are generated (`n1`, `n2`, ... in the order nodes are added), so
/// service names with dots, dashes, `@` or spaces, and words Mermaid reserves
/// (`end`), can never break the diagram. Labels are always quoted, with `#`, `"`,
/// `<` and `>` written as Mermaid entity codes. Output is in insertion order.
public struct MermaidFlowchart: Sendable {
    /// Layout direction.
    public enum Direction: String, Sendable {
        case leftToRight = "LR"
        case topToBottom = "TD"
    }

    /// Node shapes used for the kinds of things in a topology.
    public enum Shape: Sendable {
        /// Rectangle: a service.
        case box
        /// Rounded rectangle: a version or instance group.
        case rounded
        /// Stadium: a client (where traffic comes from).
        case stadium
        /// Cylinder: a database or cache.
        case cylinder

        func wrap(_ quotedLabel: String) -> String {
            switch self {
            case .box: return "[\(quotedLabel)]"
            case .rounded: return "(\(quotedLabel))"
            case .stadium: return "([\(quotedLabel)])"
            case .cylinder: return "[(\(quotedLabel))]"
            }
        }
    }

    /// Which way the diagram flows.
    public let direction: Direction
    private var nodeKeys: [String] = []
    private var lines: [String] = []

    /// An empty flowchart.
    public init(direction: Direction = .leftToRight) {
        self.direction = direction
    }

    /// Adds a node known by `key` (any text), shown as `label`. Adding a key
    /// twice keeps the first.
    public mutating func addNode(_ key: String, label: String? = nil, shape: Shape = .box) {
        guard !nodeKeys.contains(key) else { return }
        nodeKeys.append(key)
        lines.append("\(id(of: key))\(shape.wrap(MermaidFlowchart.quoted(label ?? key)))")
    }

    /// Adds an arrow from `from` to `to` (adding either node as a box if new),
    /// with an optional label; `dashed` draws a dotted arrow (e.g. a fallback).
    public mutating func addEdge(from: String, to: String, label: String? = nil, dashed: Bool = false) {
        addNode(from)
        addNode(to)
        let arrow = dashed ? "-.->" : "-->"
        let text = label.map { "|\(MermaidFlowchart.quoted($0))|" } ?? ""
        lines.append("\(id(of: from)) \(arrow)\(text) \(id(of: to))")
    }

    /// The diagram source, without the fence.
    public func render() -> String {
        "flowchart \(direction.rawValue)\n" + lines.map { "    " + $0 + "\n" }.joined()
    }

    /// The diagram inside a ```` ```mermaid ```` fence, ready for Markdown.
    public func fenced() -> String {
        "```mermaid\n" + render() + "```\n"
    }

    private func id(of key: String) -> String {
        "n\(nodeKeys.firstIndex(of: key)! + 1)"
    }

    /// `text` in double quotes with the characters Mermaid would misread as entity codes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "#": out += "#35;"
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
