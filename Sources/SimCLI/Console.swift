import Foundation

/// Where the CLI writes. Tests capture both streams; the binary uses stdout/stderr.
/// Only SimCLI touches the process's streams.
final class Console {
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    /// Whether stderr is an interactive terminal (progress lines only then).
    let stderrIsTerminal: Bool

    init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, stderrIsTerminal: Bool = false) {
        writeOut = out
        writeErr = err
        self.stderrIsTerminal = stderrIsTerminal
    }

    func out(_ text: String) { writeOut(text + "\n") }
    func err(_ text: String) { writeErr(text + "\n") }
    /// Writes without a newline (progress lines that rewrite themselves).
    func errRaw(_ text: String) { writeErr(text) }

    static var standard: Console {
        Console(
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) },
            stderrIsTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// A console that records everything, for tests.
    static func capturing() -> (Console, Captured) {
        let captured = Captured()
        let console = Console(out: { captured.out += $0 }, err: { captured.err += $0 })
        return (console, captured)
    }

    final class Captured {
        var out = ""
        var err = ""
    }
}
