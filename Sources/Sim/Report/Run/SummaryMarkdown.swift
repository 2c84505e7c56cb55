/// `summary.md`: the page a person reads first, GitHub-flavoured Markdown that
/// renders on GitHub and reads well in a terminal.
///
/// Sections, in order: title, description and run facts (seed, version,
/// simulated time, windows, events, stop reason, with a warning when a limit
/// cut the run short); `Topology` (a Mermaid flowchart); `Faults` (the fault
/// timeline with MTTD, MTTR, recovery after removal and metastability per
/// fault); `Headline figures`; `Expectations` (the verdicts, or a line saying
/// none were checked); `Charts` (SVG images next to this file); `Retry storms`;
/// `Oscillation` (key series with a period, and state flips); `Edges`;
/// `Services`; `Versions`; `Controllers` (only when the scenario has control loops).
public enum SummaryMarkdown {
    /// The text of `summary.md`. `charts` are the charts written with it (their
    /// file names are linked); `expectations` nil means none were checked.
    public static func text(_ input: ReportInput, _ analysis: RunAnalysis, charts: [SummaryChart],
                            skippedCharts: [String] = [], expectations: [ExpectationLine]?) -> String {
        var out = header(input)
        out += "\n## Topology\n\n" + topology(input.topology)
        out += "\n## Faults\n\n" + faultTimeline(analysis)
        out += "\n## Headline figures\n\n" + headline(analysis)
        out += "\n## Expectations\n\n" + expectationVerdicts(expectations)
        out += "\n## Charts\n\n" + chartLinks(charts, skipped: skippedCharts)
        out += "\n## Retry storms\n\n" + storms(analysis)
        out += "\n## Oscillation\n\n" + oscillation(analysis)
        out += "\n## Edges\n\n" + edges(analysis)
        out += "\n## Services\n\n" + services(analysis)
        out += "\n## Versions\n\n" + versions(analysis)
        if !analysis.controllers.isEmpty { out += "\n## Controllers\n\n" + controllers(analysis) }
        return out
    }

    static func header(_ input: ReportInput) -> String {
        var out = "# " + input.scenarioName + "\n\n"
        if !input.description.isEmpty { out += input.description + "\n\n" }
        let recording = input.recording
        var facts = MarkdownTable(columns: [.init("Run"), .init("")])
        facts.appendRow(["Seed", "\(input.seed)"])
        facts.appendRow(["FaultSim version", input.version])
        let simulated = DurationFormat.human(recording.duration)
        facts.appendRow(["Simulated time", recording.duration == input.duration
                            ? simulated : simulated + " of " + DurationFormat.human(input.duration) + " planned"])
        facts.appendRow(["Metrics windows", "\(recording.windowCount) × " + DurationFormat.human(recording.windowWidth)])
        facts.appendRow(["Events processed", "\(input.eventsProcessed)"])
        facts.appendRow(["Stop reason", input.stopReason.description])
        out += facts.render()
        if input.stopReason.isLimit {
            out += "\n> **Partial results:** the run was \(input.stopReason.description); every figure covers only the simulated time above.\n"
        }
        return out
    }

    static func topology(_ topology: Topology) -> String {
        var chart = MermaidFlowchart()
        for node in topology.nodes {
            let shape: MermaidFlowchart.Shape
            switch node.kind {
            case .client: shape = .stadium
            case .service: shape = .box
            case .database, .cache: shape = .cylinder
            case .queue: shape = .rounded
            }
            chart.addNode(node.name, label: node.detail.isEmpty ? node.name : node.name + ": " + node.detail, shape: shape)
        }
        for edge in topology.edges { chart.addEdge(from: edge.from, to: edge.to, label: edge.label.isEmpty ? nil : edge.label) }
        return chart.fenced()
    }

    static func faultTimeline(_ analysis: RunAnalysis) -> String {
        guard !analysis.faults.isEmpty else { return "No faults were injected.\n" }
        var table = MarkdownTable(columns: [.init("Fault"), .init("Target"), .init("Start", .right), .init("End", .right),
                                            .init("MTTD", .right), .init("MTTR", .right), .init("After removal", .right),
                                            .init("Metastable")])
        for fault in analysis.faults {
            let span = fault.fault
            table.appendRow([span.name, span.target, DurationFormat.human(span.start),
                             span.end < analysis.duration ? DurationFormat.human(span.end) : "not removed",
                             FigureText.markdown(fault.value(.mttd)), FigureText.markdown(fault.value(.mttr)),
                             FigureText.markdown(fault.value(.recoveryAfterRemoval)), FigureText.markdown(fault.value(.metastable))])
        }
        let k = analysis.criteria.recovery.sustainedHealthyWindows
        return table.render() + "\nMTTR counts from the fault's start to the first of \(k) healthy windows in a row; "
            + "metastable means still unhealthy " + DurationFormat.human(analysis.criteria.recovery.metastabilityThreshold)
            + " after the fault was removed.\n"
    }

    static func expectationVerdicts(_ lines: [ExpectationLine]?) -> String {
        guard let lines else { return "No expectations were checked in this run.\n" }
        guard !lines.isEmpty else { return "The scenario sets no expectations.\n" }
        var table = MarkdownTable(columns: [.init("Result"), .init("Figure"), .init("Entity"), .init("Bound"), .init("Measured")])
        for line in lines {
            table.appendRow([line.passed ? "pass" : "**FAIL**", "`" + line.name + "`", line.entity ?? "run", line.bound, line.measured])
        }
        let held = lines.filter(\.passed).count
        return table.render() + "\n\(held) of \(lines.count) expectations held.\n"
    }

    static func chartLinks(_ charts: [SummaryChart], skipped: [String]) -> String {
        var out = charts.map { "![" + $0.chart.title + "](" + $0.fileName + ")\n" }.joined(separator: "\n")
        if charts.isEmpty { out = "No chart has data.\n" }
        if !skipped.isEmpty { out += "\nNot drawn (nothing to show): " + skipped.joined(separator: ", ") + ".\n" }
        return out
    }
}
