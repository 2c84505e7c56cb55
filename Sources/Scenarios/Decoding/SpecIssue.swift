/// One problem in a scenario document: where (JSON path and source position)
/// and what was expected.
public struct SpecIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: JSONPath
    /// Where in the file (`.unknown` for problems not tied to one spot).
    public var position: SourcePosition
    public var message: String
    /// A spec's `kind` (or `mode`) whose change on the command line waives the
    /// issue: a field the file wrote for its own kind lies unused, not wrong,
    /// once `--set` switches the kind (the baseline-vs-candidate experiment).
    public var waivedWhenSet: JSONPath?

    public init(path: JSONPath, position: SourcePosition, message: String, waivedWhenSet: JSONPath? = nil) {
        self.path = path
        self.position = position
        self.message = message
        self.waivedWhenSet = waivedWhenSet
    }

    /// `services[2].calls[0].target: unknown service "paymnet" (did you mean "payment"?)`
    public var description: String {
        path.isRoot ? message : "\(path): \(message)"
    }

    /// The issue as printed for a file: `checkout.json5:12:5: services[2]...: message`.
    public func located(in file: String) -> String {
        position.isKnown ? "\(file):\(position.line):\(position.column): \(description)" : "\(file): \(description)"
    }

    /// Source order, then path: the order problems are reported in.
    static func reportOrder(_ a: SpecIssue, _ b: SpecIssue) -> Bool {
        let ka = a.position.isKnown ? a.position.offset : Int.max
        let kb = b.position.isKnown ? b.position.offset : Int.max
        if ka != kb { return ka < kb }
        return a.path.description < b.path.description
    }
}

/// Where decoding problems are collected while a document is decoded.
final class DecodeSession {
    var issues: [SpecIssue] = []
    /// Set while decoding values that come from defaults: their problems are
    /// ours, not the user's, and are not reported.
    var silent = false

    func report(_ path: JSONPath, _ position: SourcePosition, _ message: String) {
        guard !silent else { return }
        issues.append(SpecIssue(path: path, position: position, message: message))
    }
}

/// A problem thrown by the decoder's containers: converted into an issue by
/// the nearest `decodeValue` (types that speculate with `try?` swallow it unreported).
struct SpecDecodeError: Error {
    var path: JSONPath
    var position: SourcePosition
    var message: String
}

/// An issue was already recorded; unwind to the nearest value with a fallback.
struct RecordedFailure: Error {}

/// Suggestions for misspelt names.
enum Suggest {
    /// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= max(2, candidate.count / 3), best == nil || distance < best!.1 {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// ` (did you mean "x"?)` or the empty string.
    static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
