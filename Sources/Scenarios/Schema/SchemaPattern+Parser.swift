extension SchemaPattern {
    /// Recursive descent over the pattern's scalars: alternation > sequence > quantified atom.
    struct Parser {
        let scalars: [Unicode.Scalar]
        let source: String
        var index = 0

        init(scalars: [Unicode.Scalar], source: String) {
            self.scalars = scalars
            self.source = source
        }

        func error(_ message: String) -> SyntaxError {
            SyntaxError(pattern: source, offset: index, message: message)
        }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        /// The next scalar, consumed; `nil` (and no move) at the end.
        mutating func take() -> Unicode.Scalar? {
            guard index < scalars.count else { return nil }
            defer { index += 1 }
            return scalars[index]
        }

        mutating func parseAlternation() throws(SyntaxError) -> Node {
            var branches = [try parseSequence()]
            while peek == "|" {
                index += 1
                branches.append(try parseSequence())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseSequence() throws(SyntaxError) -> Node {
            var nodes: [Node] = []
            while let scalar = peek, scalar != "|", scalar != ")" {
                nodes.append(try parseQuantifier(on: try parseAtom()))
            }
            return nodes.count == 1 ? nodes[0] : .sequence(nodes)
        }

        mutating func parseAtom() throws(SyntaxError) -> Node {
            guard let scalar = take() else { throw error("pattern ended early") }
            switch scalar {
            case "(":
                if peek == "?" { throw error("group modifiers (?...) are not supported") }
                let inner = try parseAlternation()
                guard take() == ")" else { throw error("missing )") }
                return inner
            case "[": return try parseSet()
            case "\\": return try parseEscape()
            case "^": return .start
            case "$": return .end
            case ".": return .anyScalar
            case "*", "+", "?", "{": throw error("nothing to repeat")
            default: return .scalar(scalar)
            }
        }

        mutating func parseEscape() throws(SyntaxError) -> Node {
            guard let scalar = take() else { throw error("pattern ends with \\") }
            if scalar == "d" { return .set(["0"..."9"], negated: false) }
            guard scalar.properties.isPatternSyntax else { throw error("unsupported escape \\\(scalar)") }
            return .scalar(scalar)
        }

        mutating func parseSet() throws(SyntaxError) -> Node {
            var negated = false
            if peek == "^" {
                negated = true
                index += 1
            }
            var ranges: [ClosedRange<Unicode.Scalar>] = []
            while let scalar = take() {
                if scalar == "]" { return .set(ranges, negated: negated) }
                var low = scalar
                if scalar == "\\" {
                    guard let escaped = take(), escaped.properties.isPatternSyntax else { throw error("unsupported escape in [ ]") }
                    low = escaped
                }
                if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    index += 1
                    guard let high = take(), high != "\\", low <= high else { throw error("bad range in [ ]") }
                    ranges.append(low...high)
                } else {
                    ranges.append(low...low)
                }
            }
            throw error("missing ]")
        }

        mutating func parseQuantifier(on node: Node) throws(SyntaxError) -> Node {
            let quantified: Node
            switch peek {
            case "?": quantified = .repetition(node, min: 0, max: 1)
            case "*": quantified = .repetition(node, min: 0, max: nil)
            case "+": quantified = .repetition(node, min: 1, max: nil)
            case "{":
                index += 1
                let min = try parseCount()
                var max: Int? = min
                if peek == "," {
                    index += 1
                    max = peek == "}" ? nil : try parseCount()
                }
                guard peek == "}", max.map({ $0 >= min }) ?? true else { throw error("bad {n,m} quantifier") }
                quantified = .repetition(node, min: min, max: max)
            default: return node
            }
            index += 1
            if peek == "?" { throw error("lazy quantifiers are not supported") }
            return quantified
        }

        mutating func parseCount() throws(SyntaxError) -> Int {
            var digits = ""
            while let scalar = peek, ("0"..."9").contains(scalar), digits.count < 6 {
                digits.unicodeScalars.append(scalar)
                index += 1
            }
            guard let count = Int(digits) else { throw error("expected a count in { }") }
            return count
        }
    }
}
