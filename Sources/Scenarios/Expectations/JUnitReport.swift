import Sim

/// JUnit XML (the format GitHub Actions, GitLab and Jenkins read): one test
/// suite per scenario, one test case per expectation (and seed); a failure
/// carries the measured value and the bound.
public enum JUnitReport {
    public struct Case: Sendable {
        public var scenario: String
        public var seed: UInt64
        public var verdict: ExpectationVerdict
        public init(scenario: String, seed: UInt64, verdict: ExpectationVerdict) {
            self.scenario = scenario
            self.seed = seed
            self.verdict = verdict
        }
    }

    public static func xml(_ cases: [Case], seedsPerScenario: Int) -> String {
        var scenarios: [String] = []
        for item in cases where !scenarios.contains(item.scenario) { scenarios.append(item.scenario) }
        let failures = cases.filter { !$0.verdict.passed }.count
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"faultsim check\" tests=\"\(cases.count)\" failures=\"\(failures)\">"]
        for scenario in scenarios {
            let suite = cases.filter { $0.scenario == scenario }
            let suiteFailures = suite.filter { !$0.verdict.passed }.count
            lines.append("  <testsuite name=\"\(XMLText.escape(scenario))\" tests=\"\(suite.count)\" failures=\"\(suiteFailures)\">")
            for item in suite {
                let expectation = item.verdict.expectation
                var name = "\(expectation.label) \(expectation.boundText)"
                if seedsPerScenario > 1 { name += " (seed \(item.seed))" }
                let open = "    <testcase classname=\"\(XMLText.escape(scenario))\" name=\"\(XMLText.escape(name))\""
                if item.verdict.passed {
                    lines.append(open + "/>")
                } else {
                    let message = "measured \(item.verdict.measuredText), expected \(expectation.boundText)"
                    lines.append(open + ">")
                    lines.append("      <failure message=\"\(XMLText.escape(message))\" type=\"ExpectationFailed\">"
                                 + XMLText.escape("\(expectation.label): \(message) (seed \(item.seed))") + "</failure>")
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }
}
