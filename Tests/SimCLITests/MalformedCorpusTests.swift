import Foundation
import Testing
@testable import SimCLI

/// Every malformed scenario in `Malformed/` (see `MalformedCase.all`) is
/// refused the way issue 5 asks: exit status 2, every problem as
/// `FILE:LINE:COLUMN: json.path: message` in source order, no report written,
/// and never a crash or a stack trace.
@Suite struct MalformedCorpusTests {
    @Test(arguments: MalformedCase.all)
    func validateExitsTwoAndReportsEveryExpectedProblem(_ entry: MalformedCase) {
        Corpus.expectingKnownBug(entry) {
            let path = Corpus.path(entry.file)
            let result = Corpus.faultsim(entry, ["validate", path])
            #expect(result.status == 2)
            #expect(result.out.isEmpty)
            Corpus.expectNoCrashText(result.err)
            Corpus.expectIssues(entry, in: result.err, path: path)
        }
    }

    @Test(arguments: MalformedCase.all)
    func runExitsTwoWithTheSameMessagesAndWritesNoReport(_ entry: MalformedCase) {
        Corpus.expectingKnownBug(entry) {
            let path = Corpus.path(entry.file)
            let out = FileManager.default.temporaryDirectory
                .appendingPathComponent("faultsim-malformed-\(ProcessInfo.processInfo.processIdentifier)-\(entry.file)").path
            defer { try? FileManager.default.removeItem(atPath: out) }
            let result = Corpus.faultsim(entry, ["run", path, "--out", out, "--quiet"])
            #expect(result.status == 2)
            #expect(result.out.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: out), "a report directory was written for \(entry.file)")
            Corpus.expectNoCrashText(result.err)
            Corpus.expectIssues(entry, in: result.err, path: path)
        }
    }

    @Test func everyCorpusFileHasExactlyOneTableEntry() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Corpus.directory.path).filter { $0.hasSuffix(".json5") }.sorted()
        let inTable = MalformedCase.all.map(\.file)
        #expect(Set(inTable).count == inTable.count, "a file is listed twice")
        #expect(onDisk == inTable.sorted())
        #expect(onDisk.count == 144)
    }

    @Test func everyFileBelongsToANamedCategory() {
        let prefixes = ["syntax-", "type-", "unknown-", "unit-", "enum-", "ref-", "cycle-", "split-", "size-", "policy-", "fault-",
                        "schema-", "many-", "calls-", "distribution-", "rate-", "network-", "client-", "kind-"]
        let counts = prefixes.map { prefix in MalformedCase.all.filter { $0.file.hasPrefix(prefix) }.count }
        #expect(counts == [15, 11, 19, 11, 8, 23, 3, 4, 11, 10, 12, 2, 2, 4, 4, 2, 1, 1, 1])
        #expect(counts.reduce(0, +) == MalformedCase.all.count)
    }

    /// A few files pinned line for line, positions included.
    @Test func exactLinesForRepresentativeFiles() {
        let expected: [(String, [String])] = [
            ("syntax-missing-comma.json5", ["4:3: expected ',' or '}' after object member, found 'services'"]),
            ("syntax-duplicate-key.json5", ["8:7: duplicate key \"instances\" in object: it is already defined at line 6, column 7"]),
            ("unknown-top-level.json5", ["3:3: durration: unknown field \"durration\" (did you mean \"duration\"?)"]),
            ("ref-call-target.json5", ["4:41: services[0].calls[0].target: unknown service \"paymnet\" (did you mean \"payment\"?)"]),
            ("cycle-three-services.json5", ["5:29: services[1].calls: dependency cycle: orders -> billing -> ledger -> orders"]),
            ("unit-bare-number.json5", ["3:76: services[0].policy.retry.perTryTimeout: expected a duration with a unit such as \"250ms\" or \"2s\" "
                                        + "(or a number in `perTryTimeoutMs`), got 700"]),
            ("enum-fault-kind.json5", ["5:19: faults[0].kind: expected one of latency, errors, failFirst, blackHole, crash, capacityLoss, "
                                       + "partition, regionOutage, surge, spotPreemption, coldStart, badRelease, cacheFlush, telemetryLag, controlPlaneOutage, got \"crsh\" (did you mean \"crash\"?)"]),
            ("size-no-services.json5", ["3:13: services: a scenario needs at least one service", "4:12: clients: a scenario needs at least one client"]),
        ]
        for (file, lines) in expected {
            let path = Corpus.path(file)
            #expect(faultsim("validate", path).err == lines.map { "\(path):\($0)\n" }.joined(), "\(file)")
        }
    }

    /// A file full of mistakes: all eight are reported, by line and column.
    @Test func fileFullOfErrorsReportsThemAllInSourceOrder() throws {
        let path = Corpus.path("many-decode-errors.json5")
        let lines = faultsim("validate", path).err.split(separator: "\n").map(String.init)
        let positions = lines.map { line -> [Int] in
            line.dropFirst(path.count + 1).split(separator: ":").prefix(2).compactMap { Int($0) }
        }
        #expect(positions == [[4, 3], [8, 18], [9, 24], [10, 20], [11, 24], [11, 54], [14, 76], [15, 19]])
    }

    /// One bad file does not hide the next: `validate` checks every file it is given.
    @Test func validateOfManyFilesReportsEachFile() {
        let entries = MalformedCase.all.filter { !$0.crashes && $0.bug == nil }
        let result = faultsim(["validate"] + entries.map { Corpus.path($0.file) })
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        let files = Set(result.err.split(separator: "\n").map { line in
            String(line.prefix { $0 != ":" }.split(separator: "/").last ?? "")
        })
        #expect(files == Set(entries.map(\.file)))
    }
}

/// Locating corpus files, running the CLI on them, and matching its lines.
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Malformed")

    static func path(_ file: String) -> String { directory.appendingPathComponent(file).path }

    /// Runs `body`; for a case with a known product bug its failures are
    /// recorded as a known issue, and the fix is flagged (no issue recorded
    /// any more) so the table entry's `bug:` can be removed.
    static func expectingKnownBug(_ entry: MalformedCase, _ body: () -> Void) {
        if let bug = entry.bug {
            withKnownIssue(Comment(rawValue: "product bug: \(bug)"), body)
        } else {
            body()
        }
    }

    /// In-process, except for files known to trap: those run the built
    /// `faultsim` in a child process so a trap fails one case, not the runner.
    static func faultsim(_ entry: MalformedCase, _ arguments: [String]) -> CLIResult {
        entry.crashes ? child(arguments) : SimCLITests.faultsim(arguments)
    }

    /// Runs the `faultsim` executable built next to the test bundle.
    static func child(_ arguments: [String]) -> CLIResult {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let executable = runner.appendingPathComponent("faultsim")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            Issue.record("no faultsim executable at \(executable.path); build with `swift build --build-tests`")
            return CLIResult(status: -1, out: "", err: "")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("faultsim-child-\(UUID().uuidString)")
        let outFile = scratch.appendingPathExtension("out"), errFile = scratch.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // A trap's backtrace takes seconds to symbolicate; the exit status is what matters.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        do {
            process.standardOutput = try FileHandle(forWritingTo: outFile)
            process.standardError = try FileHandle(forWritingTo: errFile)
            try process.run()
        } catch {
            Issue.record("cannot start \(executable.path): \(error)")
            return CLIResult(status: -1, out: "", err: "")
        }
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        return CLIResult(status: status, out: read(outFile), err: read(errFile))
    }

    /// What a trap or an uncaught error would print.
    static func expectNoCrashText(_ err: String) {
        for marker in ["Fatal error", "Swift runtime failure", "Backtrac", "Stack dump", "Thread 0", "crashed", "SIGILL", "SIGTRAP"] {
            #expect(!err.contains(marker), "stderr shows a crash (\(marker)):\n\(err)")
        }
    }

    /// Each expected problem appears as `PATH:LINE:COLUMN: json.path: message`,
    /// in the table's order; with no tolerance, nothing else is printed.
    static func expectIssues(_ entry: MalformedCase, in err: String, path: String) {
        let lines = err.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if entry.tolerating == nil {
            #expect(lines.count == entry.issues.count, "\(entry.file): expected \(entry.issues.count) lines, got:\n\(err)")
        }
        var next = 0
        for issue in entry.issues {
            guard let found = lines[min(next, lines.count)...].firstIndex(where: { matches($0, issue, path: path) }) else {
                Issue.record("\(entry.file): no line \(issue.at ?? "?"): \(issue.path): …\(issue.message)… (in order) in:\n\(err)")
                return
            }
            next = found + 1
        }
    }

    static func matches(_ line: String, _ issue: ExpectedIssue, path: String) -> Bool {
        guard line.hasPrefix(path + ":") else { return false }
        // LINE:COLUMN: then the rest.
        let rest = line.dropFirst(path.count + 1)
        let fields = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, Int(fields[0]) != nil, Int(fields[1]) != nil, fields[2].hasPrefix(" ") else { return false }
        if let at = issue.at, "\(fields[0]):\(fields[1])" != at { return false }
        let body = fields[2].dropFirst()
        if issue.path.isEmpty { return body.contains(issue.message) }
        return body.hasPrefix(issue.path + ": ") && body.dropFirst(issue.path.count + 2).contains(issue.message)
    }
}
