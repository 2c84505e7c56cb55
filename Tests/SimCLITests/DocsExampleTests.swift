import Foundation
import Testing
@testable import SimCLI

/// The complete example in `docs/scenario-format.md` (its first ```json5
/// block) is a valid scenario whose expectations hold: the reference page
/// cannot drift from the format without this failing.
@Suite struct DocsExampleTests {
    /// `docs/scenario-format.md` at the repository root (this file is Tests/SimCLITests/DocsExampleTests.swift).
    static let page = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs").appendingPathComponent("scenario-format.md")

    /// The text between the first "```json5" line and the next "```" line, or nil.
    static func firstJSON5Block(in markdown: String) -> String? {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard let open = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "```json5" }) else { return nil }
        guard let close = lines[(open + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "```" }) else { return nil }
        return lines[(open + 1)..<close].joined(separator: "\n") + "\n"
    }

    /// The example written to a fresh temporary `checkout.json5` (the name the page gives it).
    static func writeExample() throws -> String {
        let markdown = try String(contentsOf: page, encoding: .utf8)
        let block = try #require(firstJSON5Block(in: markdown), "docs/scenario-format.md has no ```json5 block")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faultsim-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("checkout.json5")
        try block.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func theBlockExtractorTakesTheFirstJSON5FenceOnly() {
        let markdown = "intro\n```json\n{a: 0}\n```\n```json5\n{a: 1}\n```\n```json5\n{a: 2}\n```\n"
        #expect(Self.firstJSON5Block(in: markdown) == "{a: 1}\n")
        #expect(Self.firstJSON5Block(in: "no fences here") == nil)
    }

    @Test func theScenarioFormatExampleValidates() throws {
        let file = try Self.writeExample()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path) }
        let validated = faultsim("validate", file)
        #expect(validated.status == 0, "\(validated.out)\(validated.err)")
        #expect(validated.out.contains("ok: \(file) (checkout)"))
    }

    @Test func theScenarioFormatExampleMeetsEveryExpectation() throws {
        let file = try Self.writeExample()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path) }
        let checked = faultsim("check", file)
        #expect(checked.status == 0, "\(checked.out)\(checked.err)")
        // "N of N expectations held" with N > 0: an example without expectations would pass vacuously.
        let line = try #require(checked.out.split(separator: "\n").first { $0.hasSuffix(" expectations held") },
                                "no summary line in:\n\(checked.out)")
        let words = line.split(separator: " ")
        #expect(words.count == 5 && words[1] == "of", "unexpected summary line \"\(line)\"")
        let held = Int(words[0]) ?? -1
        let total = Int(words.count > 2 ? words[2] : "") ?? -2
        #expect(held == total, "\(line)")
        #expect(total > 0, "\(line)")
    }
}
