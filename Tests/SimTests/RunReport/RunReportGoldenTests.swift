import Testing
@testable import Sim

/// The full report of one small simulated scenario, every file byte for byte.
/// The golden files were written once from this implementation and checked by
/// eye (rendered SVGs, Markdown on GitHub); they change whenever the model or
/// a report writer changes, on purpose: regenerate them with
/// `FAULTSIM_UPDATE_GOLDEN=1 swift test --filter RunReportGolden` and review the diff.
@Suite struct RunReportGoldenTests {
    @Test func crashDemoReportMatchesGoldenFilesByteForByte() throws {
        let files = RunReport.files(try RunReportFixtures.input(RunReportFixtures.crashSpec(), seed: 1))
        if RunReportGoldenSource.updateRequested {
            try RunReportGoldenSource.write(files)
            print("Rewrote \(files.count) golden files in \(RunReportGoldenSource.folder.path); run the tests again to compare.")
            return
        }
        let golden = RunReportGolden.files
        #expect(files.map(\.name) == golden.map(\.name), "the report's file list changed. \(RunReportGoldenSource.regenerateHint)")
        for (file, expected) in zip(files, golden) where file.name == expected.name {
            let difference = RunReportGoldenSource.firstDifference(expected: expected.text, actual: file.bytes)
            #expect(difference == nil, "\(file.name) differs from its golden file: \(difference ?? "")\n\(RunReportGoldenSource.regenerateHint)")
        }
    }
}
