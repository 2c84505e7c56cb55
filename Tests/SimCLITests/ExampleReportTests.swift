import Foundation
import Testing
@testable import SimCLI

/// `reports/examples/` holds the reports of `faultsim run retry-storm` and of
/// `faultsim compare retry-storm --set ...`, committed so users can read a
/// report without running anything. A fresh run must reproduce them byte for
/// byte (determinism across machines and builds). Regenerate after a change
/// that is meant to alter reports:
/// `FAULTSIM_UPDATE_EXAMPLES=1 swift test -c release -Xswiftc -enable-testing -Xswiftc -DFAULTSIM_CHECKED --filter ExampleReport`.
@Suite struct ExampleReportTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("reports/examples")

    static func check(_ name: String, _ arguments: [String]) throws {
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("faultsim-example-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: fresh) }
        let result = faultsim(arguments + ["--out", fresh, "--quiet"])
        #expect(result.status == 0 || result.status == 1, "\(result.err)")
        let committed = examples.appendingPathComponent(name).path
        if ProcessInfo.processInfo.environment["FAULTSIM_UPDATE_EXAMPLES"] == "1" {
            try? FileManager.default.removeItem(atPath: committed)
            try FileManager.default.createDirectory(atPath: examples.path, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: fresh, toPath: committed)
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: fresh).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: committed).sorted() == files)
        for file in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: committed + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: fresh + "/" + file))
            #expect(a == b, "reports/examples/\(name)/\(file) differs from a fresh run")
        }
    }

    @Test func theRetryStormExampleReportIsReproducedByteForByte() throws {
        try Self.check("retry-storm", ["run", "retry-storm"])
    }

    @Test func theCompareExampleReportIsReproducedByteForByte() throws {
        try Self.check("retry-storm-compare", ["compare", "retry-storm", "--set", "services.api.policy.retryBudget.kind=ratio"])
    }
}
