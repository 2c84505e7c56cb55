import Foundation
import Testing

/// The README's reference part is the docs/ pages, spliced in this order, so
/// the README documents every part field by field while each page stays a
/// small file to edit. Relative links are rewritten to repository paths so
/// they still resolve from the README. Regenerate after editing a page:
/// `FAULTSIM_UPDATE_README=1 swift test -c release -Xswiftc -enable-testing -Xswiftc -DFAULTSIM_CHECKED --filter ReadmeReference`.
@Suite struct ReadmeReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pages = [
        "docs/scenario-format.md", "docs/model.md", "docs/faults.md",
        "docs/policies/retry.md", "docs/policies/breaker.md", "docs/policies/admission.md", "docs/policies/routing.md",
        "docs/policies/load-balancing.md", "docs/policies/control.md", "docs/policies/pipeline.md",
        "docs/control-loops.md", "docs/analysis.md", "docs/report.md",
    ]
    static let begin = "<!-- reference:begin (generated from docs/ by Tests/SimCLITests/ReadmeReferenceTests.swift; edit the pages) -->\n"
    static let end = "<!-- reference:end -->\n"

    /// `](target)` links relative to `page` become relative to the repository root.
    static func rebase(_ text: String, page: String) -> String {
        let directory = (page as NSString).deletingLastPathComponent
        var out = "", rest = Substring(text)
        while let open = rest.range(of: "](") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            let isRelative = !(rest.hasPrefix("http") || rest.hasPrefix("#") || rest.hasPrefix("/"))
                && (rest.firstIndex(of: ")").map { rest[..<$0].contains(".md") } ?? false)
            if isRelative {
                var target = String(rest[..<rest.firstIndex(of: ")")!])
                rest = rest[rest.firstIndex(of: ")")!...]
                var base = directory
                while target.hasPrefix("../") { target.removeFirst(3); base = (base as NSString).deletingLastPathComponent }
                if target.hasPrefix("docs/") { base = "" }
                out += base.isEmpty ? target : base + "/" + target
            }
        }
        return out + rest
    }

    static func reference() throws -> String {
        var text = "# Reference\n\nEach section below is a page of `docs/`, included here so this README documents everything in one place.\n"
        for page in pages {
            let body = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            text += "\n" + rebase(body.hasSuffix("\n") ? body : body + "\n", page: page)
        }
        return text
    }

    @Test func theReadmeReferenceIsTheDocsPages() throws {
        let readmeURL = Self.root.appendingPathComponent("README.md")
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)
        let expected = try Self.reference()
        guard let start = readme.range(of: Self.begin), let stop = readme.range(of: Self.end, range: start.upperBound..<readme.endIndex) else {
            Issue.record("README.md has no reference markers")
            return
        }
        let current = String(readme[start.upperBound..<stop.lowerBound])
        if current != expected, ProcessInfo.processInfo.environment["FAULTSIM_UPDATE_README"] == "1" {
            try (String(readme[..<start.upperBound]) + expected + String(readme[stop.lowerBound...])).write(to: readmeURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == expected, "README.md's reference differs from docs/: regenerate with FAULTSIM_UPDATE_README=1")
    }

    @Test func linksAreRebasedToTheRepositoryRoot() {
        #expect(Self.rebase("see [x](analysis.md#mttd) and [y](https://a.b/c.md)", page: "docs/report.md")
                == "see [x](docs/analysis.md#mttd) and [y](https://a.b/c.md)")
        #expect(Self.rebase("[c](policies/control.md) [r](../faults.md) [i](#here) ![t](file.svg)", page: "docs/policies/pipeline.md")
                == "[c](docs/policies/policies/control.md) [r](docs/faults.md) [i](#here) ![t](file.svg)")
    }
}
