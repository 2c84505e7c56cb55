import Foundation
import Sim

/// `faultsim bench`: simulation speed and memory, measured the same way every time.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "measure simulation speed (events/s, requests/s) and peak memory"
    static var usage: String {
        """
        Usage: faultsim bench [--workload NAME] [--scale N] [--seed N] [--json]

        Runs each benchmark workload once on one core and prints requests/s
        (customers or client requests), events/s, wall time and peak RSS.

        Options:
          --workload NAME   run only this workload (\(BenchmarkWorkload.all.map(\.name).joined(separator: ", ")))
          --scale N         customers or client requests per workload (default: each workload's own)
          --seed N          root seed (default 1)
          --json            print one JSON object instead of a table

        Examples:
          faultsim bench
          faultsim bench --workload mmc --scale 10000000 --json
        """
    }

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        let json = arguments.flag("--json")
        let workloadName = try arguments.option("--workload")
        let scale = try arguments.intOption("--scale", in: 1...2_000_000_000)
        let seed = try arguments.intOption("--seed", in: 0...Int.max) ?? 1
        _ = try arguments.finish(maxPositionals: 0)

        var workloads = BenchmarkWorkload.all
        if let workloadName {
            workloads = workloads.filter { $0.name == workloadName }
            guard !workloads.isEmpty else {
                throw UsageError(message: "unknown workload \"\(workloadName)\"")
            }
        }

        var rows: [BenchRow] = []
        for workload in workloads {
            let clock = ContinuousClock()
            let start = clock.now
            let counts = workload.run(scale ?? workload.defaultScale, UInt64(seed))
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            rows.append(BenchRow(workload: workload.name, counts: counts, wallSeconds: seconds, peakRSSBytes: ProcessMemory.peakResidentBytes()))
        }
        console.out(json ? BenchRow.json(rows) : BenchRow.table(rows))
        return rows.contains { $0.counts.stopReason.isLimit } ? ExitCode.limitHit : ExitCode.ok
    }
}

/// One measured workload.
struct BenchRow {
    var workload: String
    var counts: BenchmarkCounts
    var wallSeconds: Double
    /// Peak resident set of the whole process so far (not just this workload).
    var peakRSSBytes: Int

    var requestsPerSecond: Double { Double(counts.requests) / wallSeconds }
    var eventsPerSecond: Double { Double(counts.events) / wallSeconds }

    static func table(_ rows: [BenchRow]) -> String {
        var lines = ["workload    requests      events        wall_s   requests/s    events/s      peak_rss_mb  stop"]
        for row in rows {
            lines.append([
                row.workload.padding(toLength: 12),
                "\(row.counts.requests)".padding(toLength: 14),
                "\(row.counts.events)".padding(toLength: 14),
                format(row.wallSeconds, 3).padding(toLength: 9),
                format(row.requestsPerSecond, 0).padding(toLength: 14),
                format(row.eventsPerSecond, 0).padding(toLength: 14),
                format(Double(row.peakRSSBytes) / 1_048_576, 1).padding(toLength: 13),
                row.counts.stopReason.description,
            ].joined())
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ rows: [BenchRow]) -> String {
        let items = rows.map { row in
            """
            {"workload":"\(row.workload)","requests":\(row.counts.requests),"events":\(row.counts.events),\
            "wallSeconds":\(format(row.wallSeconds, 6)),"requestsPerSecond":\(format(row.requestsPerSecond, 0)),\
            "eventsPerSecond":\(format(row.eventsPerSecond, 0)),"peakRSSBytes":\(row.peakRSSBytes),\
            "stop":"\(row.counts.stopReason.description)"}
            """
        }
        return "{\"faultsimVersion\":\"\(FaultSimCLI.version)\",\"workloads\":[\(items.joined(separator: ","))]}"
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
