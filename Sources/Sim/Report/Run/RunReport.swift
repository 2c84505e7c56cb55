/// Every file of one run's report, built in memory: pure, so the same input
/// gives the same bytes (the CLI writes them into a temporary folder and
/// renames it into place; golden tests compare them byte for byte).
///
/// Files, in this order: `summary.md`, `summary.csv`, `timeseries.csv`,
/// `events.csv`, then the SVG charts of `SummaryCharts` that have data.
/// See docs/report.md for what each contains.
public enum RunReport {
    /// The report files for `input`. Pass `analysis` when the caller already
    /// has it (the `check` command bounds its figures), and `expectations`
    /// to fill the verdict section of `summary.md` (nil: none were checked).
    public static func files(_ input: ReportInput, analysis: RunAnalysis? = nil,
                             expectations: [ExpectationLine]? = nil) -> [ReportFile] {
        let analysis = analysis ?? RunAnalysis(input)
        let planned = SummaryCharts.all(input, analysis)
        let charts = planned.compactMap(\.chart)
        let skipped = planned.filter { $0.chart == nil }.map(\.title)
        let summary = SummaryMarkdown.text(input, analysis, charts: charts, skippedCharts: skipped, expectations: expectations)
        return [ReportFile(name: "summary.md", text: summary),
                ReportFile(name: "summary.csv", text: SummaryCSV.text(analysis)),
                ReportFile(name: "timeseries.csv", text: RecordingCSV.timeseries(input.recording)),
                ReportFile(name: "events.csv", text: RecordingCSV.events(input.recording))]
            + charts.map { ReportFile(name: $0.fileName, text: $0.chart.svg()) }
    }
}
