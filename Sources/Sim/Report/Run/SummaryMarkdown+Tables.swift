extension SummaryMarkdown {
    /// The run-wide figures with their stable names (what `expect` bounds).
    static func headline(_ analysis: RunAnalysis) -> String {
        var table = MarkdownTable(columns: [.init("Figure"), .init("Value", .right), .init("Name")])
        for figure in analysis.runFigures {
            var value = FigureText.markdown(figure.value)
            if figure.name == .oscillating, let dominant = analysis.dominantOscillation {
                let o = dominant.oscillation
                value += " (" + dominant.entity + " " + dominant.metric.rawValue + ": period " + DurationFormat.human(o.period!)
                    + ", amplitude " + NumberFormat.trimmed(o.amplitude, maxDecimals: 3)
                    + ", r " + NumberFormat.fixed(o.autocorrelationAtPeriod, decimals: 2) + ")"
            }
            table.appendRow([figure.name.label, value, "`" + figure.name.rawValue + "`"])
        }
        return table.render()
    }

    static func storms(_ analysis: RunAnalysis) -> String {
        let episodes = analysis.edges.flatMap(\.storms)
        let criteria = analysis.criteria.storms
        let rule = "A storm is \(criteria.hysteresisWindows) or more windows in a row with attempts / offered ≥ "
            + NumberFormat.trimmed(criteria.amplificationThreshold, maxDecimals: 2) + "x and at least "
            + NumberFormat.trimmed(criteria.minimumOfferedRps, maxDecimals: 2) + " offered call/s.\n"
        guard !episodes.isEmpty else { return "No retry storms. " + rule }
        var table = MarkdownTable(columns: [.init("Edge"), .init("Start", .right), .init("End", .right), .init("Peak", .right),
                                            .init("Peak at", .right), .init("Extra attempts", .right), .init("Wasted work", .right),
                                            .init("Ongoing at end")])
        for storm in episodes {
            table.appendRow([storm.entity, DurationFormat.human(storm.start), DurationFormat.human(storm.end),
                             NumberFormat.fixed(storm.peakAmplification, decimals: 2) + "x", DurationFormat.human(storm.peakAt),
                             FigureText.count(storm.extraAttempts), FigureText.count(storm.wastedWork), storm.ongoingAtEnd ? "yes" : "no"])
        }
        return table.render() + "\n" + rule
    }

    static func oscillation(_ analysis: RunAnalysis) -> String {
        let periodic = analysis.oscillations.filter { $0.oscillation.period != nil }
        var out = ""
        if periodic.isEmpty {
            out += "No key series has a dominant period.\n"
        } else {
            var table = MarkdownTable(columns: [.init("Series"), .init("Period", .right), .init("r(period)", .right),
                                                .init("Amplitude", .right), .init("Cycles", .right), .init("Oscillating")])
            for item in periodic {
                let o = item.oscillation
                table.appendRow([item.entity + " " + item.metric.rawValue, DurationFormat.human(o.period!),
                                 NumberFormat.fixed(o.autocorrelationAtPeriod, decimals: 2), NumberFormat.fixed(o.amplitude, decimals: 3),
                                 NumberFormat.fixed(o.cycles, decimals: 1), o.isOscillating ? "yes" : "no"])
            }
            out += table.render()
            let others = analysis.oscillations.count - periodic.count
            if others > 0 { out += "\n\(others) other key series \(others == 1 ? "has" : "have") no dominant period.\n" }
        }
        let rates = analysis.flipRates
        guard !rates.isEmpty else { return out + "\nNo state flips.\n" }
        var flips = MarkdownTable(columns: [.init("Entity"), .init("Kind"), .init("Flips", .right), .init("Per minute", .right)])
        for rate in rates {
            flips.appendRow([rate.entity, rate.category.rawValue, "\(rate.flips)", NumberFormat.fixed(rate.perMinute, decimals: 2)])
        }
        return out + "\n" + flips.render()
    }

    static func edges(_ analysis: RunAnalysis) -> String {
        guard !analysis.edges.isEmpty else { return "No edges.\n" }
        var table = MarkdownTable(columns: [.init("Edge"), .init("Offered", .right), .init("Attempts", .right), .init("Retries", .right),
                                            .init("Peak ampl.", .right), .init("Rej. breaker", .right), .init("Rej. budget", .right),
                                            .init("Rej. throttle", .right), .init("Rej. limiter", .right), .init("Failures"),
                                            .init("Worst p99 (ms)", .right), .init("Breaker opens", .right)])
        for edge in analysis.edges {
            let peak = edge.amplificationPeak.isNaN ? "–" : NumberFormat.fixed(edge.amplificationPeak, decimals: 2) + "x"
            table.appendRow([edge.totals.entity, FigureText.count(edge.totals.offered), FigureText.count(edge.attempts),
                             FigureText.count(edge.retries), peak] + edge.rejected.map { FigureText.count($0.total) }
                            + [failures(edge.totals), FigureText.milliseconds(edge.totals.latencyP99MsWorst), "\(edge.breakerOpens)"])
        }
        return table.render()
    }

    static func services(_ analysis: RunAnalysis) -> String {
        guard !analysis.services.isEmpty else { return "No services.\n" }
        var table = MarkdownTable(columns: [.init("Service"), .init("Offered", .right), .init("Success", .right),
                                            .init("Worst p99 (ms)", .right), .init("Goodput", .right), .init("Shed", .right),
                                            .init("Fallbacks", .right), .init("Rejected", .right), .init("Instances up", .right),
                                            .init("Peak in flight", .right), .init("Peak queue", .right)])
        for service in analysis.services {
            let totals = service.totals, shares = service.shares
            table.appendRow([totals.entity, FigureText.count(totals.offered), FigureText.percent(totals.successRatio),
                             FigureText.milliseconds(totals.latencyP99MsWorst), FigureText.percent(shares.goodputRatio),
                             FigureText.percent(shares.shedShare), FigureText.percent(shares.fallbackHitRatio),
                             FigureText.percent(shares.rejectedShare), FigureText.range(service.instancesUp),
                             gaugeMaximum(service.inFlight), gaugeMaximum(service.queueLength)])
        }
        return table.render()
    }

    static func versions(_ analysis: RunAnalysis) -> String {
        guard !analysis.versions.isEmpty else { return "No versions.\n" }
        var table = MarkdownTable(columns: [.init("Version"), .init("Offered", .right), .init("Success", .right),
                                            .init("Worst p99 (ms)", .right), .init("Failures"), .init("Weight % (first → last)", .right),
                                            .init("Instances up", .right)])
        for version in analysis.versions {
            let totals = version.totals, weight = version.weightPercent
            let weights = weight.first.isNaN ? "–"
                : NumberFormat.trimmed(weight.first, maxDecimals: 2) + " → " + NumberFormat.trimmed(weight.last, maxDecimals: 2)
            table.appendRow([totals.entity, FigureText.count(totals.offered), FigureText.percent(totals.successRatio),
                             FigureText.milliseconds(totals.latencyP99MsWorst), failures(totals), weights,
                             FigureText.range(version.instancesUp)])
        }
        return table.render()
    }

    /// Non-zero failure classes as `timeout 12, connectionError 3`, or `none`.
    static func failures(_ totals: EntityTotals) -> String {
        let parts = totals.failuresByClass.filter { $0.total > 0 }.map {
            String($0.metric.rawValue.dropFirst("fail.".count)) + " " + FigureText.count($0.total)
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    static func gaugeMaximum(_ gauge: GaugeSummary) -> String {
        gauge.maximum.isNaN ? "–" : NumberFormat.trimmed(gauge.maximum, maxDecimals: 2)
    }
}
