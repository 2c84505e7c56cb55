extension SummaryMarkdown {
    /// One row per controller: what it did, and a canary's outcome below.
    static func controllers(_ analysis: RunAnalysis) -> String {
        var table = MarkdownTable(columns: [.init("Controller"), .init("Kind"), .init("Target"), .init("Decisions", .right),
                                            .init("Applied", .right), .init("Lost", .right), .init("Yielded", .right),
                                            .init("Conflicts", .right), .init("Skipped (plane down)", .right),
                                            .init("Scrapes lost", .right), .init("Scale events/h", .right)])
        for controller in analysis.controllers {
            let s = controller.summary
            table.appendRow([s.entity, s.kind.rawValue, s.target, "\(s.decisions)", "\(s.actionsApplied)", "\(s.actionsLost)",
                             "\(s.actionsYielded)", "\(s.conflicts)", "\(s.skipped)", "\(s.scrapesLost)",
                             controller.scaleEventsPerHour.map { NumberFormat.fixed($0, decimals: 1) } ?? "–"])
        }
        var out = table.render()
        let canaries = analysis.controllers.filter { $0.summary.canary != nil }
        guard !canaries.isEmpty else { return out }
        var rollouts = MarkdownTable(columns: [.init("Canary"), .init("Version"), .init("Outcome"), .init("Started", .right),
                                               .init("Bad from", .right), .init("First breach seen", .right), .init("Ended", .right),
                                               .init("Rollback time", .right), .init("Served in rollout", .right),
                                               .init("Exposure", .right), .init("Failed", .right)])
        for controller in canaries {
            let c = controller.summary.canary!
            rollouts.appendRow([controller.summary.entity, c.version, c.phase.rawValue, DurationFormat.human(c.startedAt),
                                controller.badSince.map(DurationFormat.human) ?? "–", c.firstBreachSeenAt.map(DurationFormat.human) ?? "–",
                                c.finishedAt.map(DurationFormat.human) ?? "–", controller.rollbackTime.map(DurationFormat.human) ?? "–",
                                FigureText.count(c.exposedRequests), FigureText.count(controller.exposure ?? .nan),
                                FigureText.count(controller.exposureFailures ?? .nan)])
        }
        out += "\n" + rollouts.render()
        out += "\nBad from: the first fault on the canary version during the rollout. Exposure: requests the canary version "
            + "served from then (else from the rollout's start) until the promotion or rollback took effect (else the end "
            + "of the run); rollback time spans the same interval.\n"
        return out
    }
}
