/// A usage problem: reported in one line plus the command's usage, exit 2.
struct UsageError: Error {
    let message: String
}

/// A tiny, strict argument reader: declared flags and options only.
///
/// `--name value` and `--name=value` are accepted; an unknown `--flag`, a
/// missing value or a stray positional argument is a `UsageError`.
struct Arguments {
    private var remaining: [String]
    private(set) var positionals: [String] = []

    init(_ arguments: [String]) {
        remaining = arguments
    }

    /// Removes and reports a boolean flag.
    mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Removes and returns the value of an option given once, or nil.
    mutating func option(_ name: String) throws(UsageError) -> String? {
        let values = try options(name)
        guard values.count <= 1 else { throw UsageError(message: "\(name) given more than once") }
        return values.first
    }

    /// Removes and returns every value of a repeatable option (`--set a=1 --set b=2`).
    mutating func options(_ name: String) throws(UsageError) -> [String] {
        var values: [String] = []
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == name {
                guard index + 1 < remaining.count, !remaining[index + 1].hasPrefix("--") else {
                    throw UsageError(message: "\(name) needs a value")
                }
                values.append(remaining[index + 1])
                remaining.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(name + "=") {
                values.append(String(argument.dropFirst(name.count + 1)))
                remaining.remove(at: index)
            } else {
                index += 1
            }
        }
        return values
    }

    /// An integer option with a range check.
    mutating func intOption(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError(message: "\(name) expects an integer in \(range.lowerBound)...\(range.upperBound), got \"\(text)\"")
        }
        return value
    }

    /// Call after reading every declared flag and option: what is left must be
    /// positional (no leading `--`), and at most `maxPositionals` of them.
    mutating func finish(maxPositionals: Int) throws(UsageError) -> [String] {
        if let unknown = remaining.first(where: { $0.hasPrefix("-") && $0 != "-" }) {
            throw UsageError(message: "unknown option \(unknown)")
        }
        guard remaining.count <= maxPositionals else {
            throw UsageError(message: "unexpected argument \"\(remaining[maxPositionals])\"")
        }
        positionals = remaining
        remaining = []
        return positionals
    }
}
