import Sim

/// The files of `faultsim compare`: `compare.md` (headline figures side by
/// side with paired deltas and 95% intervals, expectations on both sides and
/// which flip, overlaid charts), `compare.csv` (one row per figure),
/// `compare-seeds.csv` (every seed's value on both sides) and the charts.
/// Every number goes through `NumberFormat`/`DurationFormat`: same inputs,
/// same bytes.
public enum ComparisonReport {
    /// `candidateLabel` says what the candidate is (a file, or the `--set` overrides).
    public static func files(_ comparison: PolicyComparison, candidateLabel: String, version: String) -> [ReportFile] {
        let charts = self.charts(comparison)
        var files = [ReportFile(name: "compare.md", bytes: Array(markdown(comparison, candidateLabel: candidateLabel, version: version, charts: charts).utf8)),
                     ReportFile(name: "compare.csv", bytes: Array(summaryCSV(comparison).utf8)),
                     ReportFile(name: "compare-seeds.csv", bytes: Array(seedsCSV(comparison).utf8))]
        files += charts.map { ReportFile(name: $0.fileName, bytes: Array($0.chart.svg().utf8)) }
        return files
    }

    // MARK: Text of one value

    /// A mean in the figure's own kind: `97.31%`, `1m 12s`, `3 of 5 seeds`, `1.52x`.
    static func mean(_ value: Double, like sample: FigureValue?, seeds: Int) -> String {
        guard !value.isNaN else { return "–" }
        switch sample {
        case .flag?: return "yes in \(NumberFormat.trimmed(value * Double(seeds), maxDecimals: 0)) of \(seeds)"
        case .duration?: return DurationFormat.human(SimTime(seconds: value))
        case .number(_, let unit)?: return FigureText.markdown(.number(value, unit))
        default: return NumberFormat.trimmed(value, maxDecimals: 4)
        }
    }

    /// A signed difference in the figure's kind: `+12.5 pts`, `-40s`, `+0.75x`.
    static func delta(_ value: Double, like sample: FigureValue?) -> String {
        guard !value.isNaN else { return "–" }
        guard value != 0 else { return "0" }
        let sign = value > 0 ? "+" : "-"
        let size = abs(value)
        switch sample {
        case .duration?: return sign + DurationFormat.human(SimTime(seconds: size))
        case .flag?: return sign + NumberFormat.fixed(size * 100, decimals: 0) + " pts"
        case .number(_, .ratio)?: return sign + NumberFormat.fixed(size * 100, decimals: 2) + " pts"
        case .number(_, let unit)?: return sign + FigureText.markdown(.number(size, unit))
        default: return sign + NumberFormat.trimmed(size, maxDecimals: 4)
        }
    }

    static func interval(_ paired: PairedComparison, like sample: FigureValue?) -> String {
        guard paired.pairs >= 2, paired.difference.halfWidth.isFinite else { return "–" }
        return "[" + delta(paired.difference.lower, like: sample) + ", " + delta(paired.difference.upper, like: sample) + "]"
    }

    /// A figure's baseline mean, candidate mean, delta and delta interval, as
    /// `compare.md` and the console print them.
    public static func cells(_ figure: FigureComparison) -> [String] {
        let sample = figure.sample
        return [mean(figure.baselineMean.mean, like: sample, seeds: figure.baselineMean.samples),
                mean(figure.candidateMean.mean, like: sample, seeds: figure.candidateMean.samples),
                delta(figure.paired.difference.mean, like: sample), interval(figure.paired, like: sample)]
    }

    // MARK: compare.md

    static func markdown(_ c: PolicyComparison, candidateLabel: String, version: String, charts: [SummaryChart]) -> String {
        let seeds = c.seeds.map(String.init).joined(separator: ", ")
        var text = "# Policy comparison: \(c.baseline.name)\n\n"
        text += "- Baseline: `\(c.baseline.name)` as written\n- Candidate: \(candidateLabel)\n"
        text += "- Seeds: \(seeds) (each side runs every seed: same arrivals, service times and faults, so a difference is the policy's)\n"
        text += "- faultsim \(version)\n\n"
        text += "## Headline figures\n\n"
        text += "Each side's mean over its seeds with a value; delta = candidate - baseline seed by seed, over the seeds where both have one, "
        text += "with its 95% Student-t interval. The last column counts the seeds without a value (for example *not recovered*) and why.\n\n"
        var table = MarkdownTable(columns: [.init("Figure"), .init("Baseline", .right), .init("Candidate", .right), .init("Delta", .right),
                                            .init("95% interval", .right), .init("Significant"), .init("Seeds without a value")])
        for figure in c.figures {
            let missing = [("baseline", FigureComparison.absences(figure.baseline)), ("candidate", FigureComparison.absences(figure.candidate))]
                .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            table.appendRow([figure.name.label] + cells(figure) + [figure.paired.isSignificant ? "yes" : "no", missing])
        }
        text += table.render() + "\n"
        text += "## Expectations\n\n"
        if c.expectations.isEmpty {
            text += "Neither scenario has an `expect` block.\n\n"
        } else {
            text += "Every expectation of either scenario, on both sides: seeds where it held. *Flips* marks one that holds on every seed on one side only.\n\n"
            var expectations = MarkdownTable(columns: [.init("Expectation"), .init("Bound"), .init("Baseline held", .right),
                                                       .init("Candidate held", .right), .init("Flips")])
            for e in c.expectations {
                expectations.appendRow([e.expectation.label, e.expectation.boundText, "\(e.baselineHeld) of \(e.baseline.count)",
                                        "\(e.candidateHeld) of \(e.candidate.count)", e.flipText])
            }
            text += expectations.render() + "\n"
        }
        if !c.limitStops.isEmpty {
            text += "## Runs stopped by a limit\n\n" + c.limitStops.map { "- \($0)\n" }.joined() + "\n"
        }
        text += "## Charts (seed \(c.seeds[0]))\n\n"
        text += charts.map { "![\($0.chart.title)](\($0.fileName))\n" }.joined(separator: "\n")
        return text
    }

    // MARK: CSV

    static func summaryCSV(_ c: PolicyComparison) -> String {
        var csv = CSVWriter(header: ["name", "unit", "baseline_mean", "candidate_mean", "pairs", "delta_mean", "delta_low", "delta_high",
                                     "significant", "baseline_missing", "candidate_missing"])
        for figure in c.figures {
            let p = figure.paired
            let unit = figure.sample.map { FigureText.csvFields($0).unit } ?? ""
            let number = { (value: Double) in value.isFinite ? NumberFormat.trimmed(value, maxDecimals: 6) : "" }
            let ci = p.pairs >= 2 && p.difference.halfWidth.isFinite
            csv.appendRow([figure.name.rawValue, unit, number(figure.baselineMean.mean), number(figure.candidateMean.mean), "\(p.pairs)",
                           number(p.difference.mean),
                           ci ? number(p.difference.lower) : "", ci ? number(p.difference.upper) : "", p.isSignificant ? "true" : "false",
                           "\(figure.baseline.filter { $0.absence != nil }.count)", "\(figure.candidate.filter { $0.absence != nil }.count)"])
        }
        return csv.text
    }

    static func seedsCSV(_ c: PolicyComparison) -> String {
        var csv = CSVWriter(header: ["seed", "name", "unit", "baseline", "candidate", "baseline_note", "candidate_note"])
        for (index, seed) in c.seeds.enumerated() {
            for figure in c.figures {
                let b = FigureText.csvFields(figure.baseline[index]), k = FigureText.csvFields(figure.candidate[index])
                csv.appendRow(["\(seed)", figure.name.rawValue, b.unit.isEmpty ? k.unit : b.unit, b.value, k.value, b.note, k.note])
            }
        }
        return csv.text
    }

    // MARK: Charts

    /// Success ratio, p99 latency (all clients) and the amplification of the
    /// edge whose peak is highest on either side, baseline and candidate overlaid.
    static func charts(_ c: PolicyComparison) -> [SummaryChart] {
        let b = c.firstBaseline.result.recording, k = c.firstCandidate.result.recording
        let run = EntityName.run.text
        let spans = c.firstBaseline.result.faults.map { TimeChart.Span($0.name, start: $0.start, end: min($0.end, b.duration)) }
        func overlay(_ title: String, _ axis: String, _ baseline: [Double], _ candidate: [Double]) -> TimeChart {
            var chart = TimeChart(title: title, yAxisTitle: axis, windowWidth: b.windowWidth,
                                  series: [.init("baseline", baseline), .init("candidate", candidate)])
            chart.spans = spans
            return chart
        }
        var success = overlay("Client success ratio: baseline vs candidate", "success ratio", b.values(run, .successRatio), k.values(run, .successRatio))
        success.yDomain = 0...1
        success.thresholds = [.init(c.baseline.slo.target.successRatio, "SLO")]
        let latency = overlay("Client p99 latency: baseline vs candidate", "p99 latency (ms)", b.values(run, .latencyMsP99), k.values(run, .latencyMsP99))
        var charts = [SummaryChart(fileName: "compare-success-ratio.svg", chart: success),
                      SummaryChart(fileName: "compare-latency-p99.svg", chart: latency)]
        let peak = { (values: [Double]) in values.filter { !$0.isNaN }.max() ?? 0 }
        let edges = b.entities(ofKind: .edge).filter { k.entities(ofKind: .edge).contains($0) }
        if let edge = edges.max(by: { max(peak(b.amplification($0)), peak(k.amplification($0))) < max(peak(b.amplification($1)), peak(k.amplification($1))) }) {
            charts.append(SummaryChart(fileName: "compare-amplification.svg",
                                       chart: overlay("Retry amplification on \(edge): baseline vs candidate", "attempts / offered",
                                                      b.amplification(edge), k.amplification(edge))))
        }
        return charts
    }
}
