import Foundation
import Testing
@testable import SimCLI

/// `faultsim check`: exit 0 when every expectation holds, 1 with a JUnit
/// failure carrying the measured value and the bound when one does not.
@Suite struct CheckCommandTests {
    @Test func aTightenedExpectationFailsWithExitOneAndAJUnitFailure() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("faultsim-junit-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The measured goodput ratio is 0.1285 (seed 1): a bound of 0.1 cannot hold.
        let result = faultsim("check", "retry-storm", "--set", "expect.goodputRatio.max=0.1", "--junit", path)
        #expect(result.status == 1)
        #expect(result.out.contains("FAIL  retry-storm  1     goodputRatio            <= 0.1   0.1285\n"))
        #expect(result.out.hasSuffix("2 of 3 expectations held\n"))
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(xml.contains(#"<testsuites name="faultsim check" tests="3" failures="1">"#))
        #expect(xml.contains(#"<failure message="measured 0.1285, expected &lt;= 0.1" type="ExpectationFailed">"#))
        #expect(xml.contains(#"<testcase classname="retry-storm" name="metastable == true"/>"#))
    }

    @Test func everyExpectationHoldingIsExitZeroOverSeveralSeeds() {
        let result = faultsim("check", "retry-storm", "--seeds", "2", "--quiet")
        #expect(result.status == 0)
        #expect(result.out == "6 of 6 expectations held\n")
    }

    @Test func aRunLimitIsExitThree() {
        let result = faultsim("check", "retry-storm", "--set", "limits.maxEvents=1000", "--quiet")
        #expect(result.status == 3)
        #expect(result.err.contains("retry-storm seed 1: stopped early by limit"))
    }

    @Test func anAttemptPastMaxAttemptsPerCallIsExitThreeNamingTheLimit() {
        // retry-storm's clients retry; with one attempt per call allowed, the first retry stops the run.
        let result = faultsim("check", "retry-storm", "--set", "limits.maxAttemptsPerCall=1", "--quiet")
        #expect(result.status == 3)
        #expect(result.err.contains("retry-storm seed 1: stopped early by limit maxAttemptsPerCall (bound 1)"), "\(result.err)")
    }
}
