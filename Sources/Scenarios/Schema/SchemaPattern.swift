/// A tiny regular-expression matcher for the `pattern` keyword of our JSON Schema.
///
/// Why our own: the schema validator must not depend on Foundation's
/// `NSRegularExpression` (different engines on Linux and macOS) and the
/// patterns the generator emits are small. Supported syntax, with ECMA-262
/// meaning: literals, `.`, `\d`, escaped punctuation (`\.`), classes
/// (`[0-9eE+-]`, `[^...]`), groups `( )` with alternation `|`, the quantifiers
/// `? * + {n} {n,} {n,m}` (greedy, backtracking) and the anchors `^ $`.
/// Anything else is rejected when the schema is loaded, so an unsupported
/// pattern can never be silently ignored. As in JSON Schema, a pattern matches
/// anywhere in the string unless anchored.
struct SchemaPattern: Sendable {
    indirect enum Node: Sendable {
        case scalar(Unicode.Scalar)
        case anyScalar
        case set([ClosedRange<Unicode.Scalar>], negated: Bool)
        case start
        case end
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?)
    }

    /// Why a pattern could not be compiled: its text and the offending offset.
    struct SyntaxError: Error, Equatable {
        var pattern: String
        var offset: Int
        var message: String
    }

    let source: String
    let root: Node

    init(_ source: String) throws(SyntaxError) {
        self.source = source
        var parser = Parser(scalars: Array(source.unicodeScalars), source: source)
        root = try parser.parseAlternation()
        guard parser.index == parser.scalars.count else { throw parser.error("unbalanced )") }
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for start in 0...scalars.count where Self.match(root, scalars, start, { _ in true }) { return true }
        return false
    }

    /// Continuation-passing backtracking: `next` is tried with every end offset `node` can reach.
    static func match(_ node: Node, _ text: [Unicode.Scalar], _ at: Int, _ next: (Int) -> Bool) -> Bool {
        switch node {
        case .scalar(let scalar):
            return at < text.count && text[at] == scalar && next(at + 1)
        case .anyScalar:
            return at < text.count && text[at] != "\n" && next(at + 1)
        case .set(let ranges, let negated):
            guard at < text.count else { return false }
            return ranges.contains { $0.contains(text[at]) } != negated && next(at + 1)
        case .start:
            return at == 0 && next(at)
        case .end:
            return at == text.count && next(at)
        case .sequence(let nodes):
            return matchSequence(nodes[...], text, at, next)
        case .alternation(let branches):
            return branches.contains { match($0, text, at, next) }
        case .repetition(let inner, let min, let max):
            return matchRepetition(inner, min: min, max: max, count: 0, text, at, next)
        }
    }

    static func matchSequence(_ nodes: ArraySlice<Node>, _ text: [Unicode.Scalar], _ at: Int, _ next: (Int) -> Bool) -> Bool {
        guard let first = nodes.first else { return next(at) }
        return match(first, text, at) { matchSequence(nodes.dropFirst(), text, $0, next) }
    }

    /// Greedy: one more repetition first, then stop. An empty repetition past
    /// the minimum is not retried (it would loop forever).
    static func matchRepetition(_ node: Node, min: Int, max: Int?, count: Int, _ text: [Unicode.Scalar], _ at: Int,
                                _ next: (Int) -> Bool) -> Bool {
        if max.map({ count < $0 }) ?? true {
            let more = match(node, text, at) { end in
                (end != at || count < min) && matchRepetition(node, min: min, max: max, count: count + 1, text, end, next)
            }
            if more { return true }
        }
        return count >= min && next(at)
    }
}
