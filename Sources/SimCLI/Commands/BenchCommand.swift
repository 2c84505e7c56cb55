import Foundation
import Sim

/// `faultsim bench`: simulation speed and memory, measured the same way every time.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "measure simulation speed (events/s, requests/s) and peak memory"
    static var usage: String {
        """
        Usage: faultsim bench [--workload NAME] [--scale N] [--seed N] [--repeat N] [--json]

        Runs each benchmark workload once on one core and prints requests/s
        (customers or client requests), events/s, wall time and peak RSS.
        With --repeat N, runs each N times and reports the run of median wall
        time, with the slowest and fastest requests/s; every run must simulate
        the same counts (exit 4 if not).

        Options:
          --workload NAME   run only this workload (\(BenchmarkWorkload.all.map(\.name).joined(separator: ", ")))
          --scale N         customers or client requests per workload (default: each workload's own)
          --seed N          root seed (default 1)
          --repeat N        runs per workload (1...100, default 1): the median run and the range
          --json            print one JSON object instead of a table

        Examples:
          faultsim bench
          faultsim bench --workload mmc --scale 10000000 --json
          faultsim bench --workload three-tier --repeat 5
        """
    }

    static func run(_ arguments: inout Arguments, console: Console) throws -> Int32 {
        let json = arguments.flag("--json")
        let workloadName = try arguments.option("--workload")
        let scale = try arguments.intOption("--scale", in: 1...2_000_000_000)
        let seed = try arguments.intOption("--seed", in: 0...Int.max) ?? 1
        let repeats = try arguments.intOption("--repeat", in: 1...100) ?? 1
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
            var runs: [BenchRow] = []
            for _ in 0..<repeats {
                let clock = ContinuousClock()
                let start = clock.now
                let counts = workload.run(scale ?? workload.defaultScale, UInt64(seed))
                let elapsed = clock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                runs.append(BenchRow(workload: workload.name, counts: counts, wallSeconds: seconds,
                                     peakRSSBytes: ProcessMemory.peakResidentBytes()))
            }
            if let differing = BenchRow.firstMismatch(in: runs) {
                console.err("faultsim bench: \(workload.name) simulated different counts in two runs of the same seed "
                            + "(\(runs[0].counts.requests) requests and \(runs[0].counts.events) events, then "
                            + "\(differing.counts.requests) and \(differing.counts.events)): the simulation is not deterministic")
                return ExitCode.nondeterministic
            }
            rows.append(BenchRow(median: runs))
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
    /// With `--repeat`: how many runs this row stands for, and their slowest
    /// and fastest requests/s (nil for a single run).
    var runs = 1
    var requestsPerSecondRange: ClosedRange<Double>? = nil

    var requestsPerSecond: Double { Double(counts.requests) / wallSeconds }
    var eventsPerSecond: Double { Double(counts.events) / wallSeconds }

    /// The columns of a single run; with `--repeat`, the run count and the
    /// requests/s range come before `stop`.
    static func table(_ rows: [BenchRow]) -> String {
        let repeated = rows.contains { $0.runs > 1 }
        var lines = ["workload    requests      events        wall_s   requests/s    events/s      peak_rss_mb  "
                     + (repeated ? "runs  min_req/s     max_req/s     " : "") + "stop"]
        for row in rows {
            let range = repeated ? [
                "\(row.runs)".padding(toLength: 6),
                format(row.requestsPerSecondRange?.lowerBound ?? row.requestsPerSecond, 0).padding(toLength: 14),
                format(row.requestsPerSecondRange?.upperBound ?? row.requestsPerSecond, 0).padding(toLength: 14),
            ] : []
            lines.append([
                row.workload.padding(toLength: 12),
                "\(row.counts.requests)".padding(toLength: 14),
                "\(row.counts.events)".padding(toLength: 14),
                format(row.wallSeconds, 3).padding(toLength: 9),
                format(row.requestsPerSecond, 0).padding(toLength: 14),
                format(row.eventsPerSecond, 0).padding(toLength: 14),
                format(Double(row.peakRSSBytes) / 1_048_576, 1).padding(toLength: 13),
            ].joined() + range.joined() + row.counts.stopReason.description)
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ rows: [BenchRow]) -> String {
        let items = rows.map { row in
            """
            {"workload":"\(row.workload)","requests":\(row.counts.requests),"events":\(row.counts.events),\
            "wallSeconds":\(format(row.wallSeconds, 6)),"requestsPerSecond":\(format(row.requestsPerSecond, 0)),\
            "eventsPerSecond":\(format(row.eventsPerSecond, 0)),"peakRSSBytes":\(row.peakRSSBytes),\
            \(row.requestsPerSecondRange.map { "\"runs\":\(row.runs),\"requestsPerSecondMin\":\(format($0.lowerBound, 0)),\"requestsPerSecondMax\":\(format($0.upperBound, 0))," } ?? "")\
            "stop":"\(row.counts.stopReason.description)"}
            """
        }
        return "{\"faultsimVersion\":\"\(FaultSimCLI.version)\",\"workloads\":[\(items.joined(separator: ","))]}"
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

/// Repeated runs (`--repeat`). In an extension, so the row keeps its memberwise initializer.
extension BenchRow {
    /// The run of median wall time (the faster of the two middle ones for an
    /// even count), carrying the range of all the runs' requests/s.
    init(median runs: [BenchRow]) {
        let byTime = runs.sorted { $0.wallSeconds < $1.wallSeconds }
        self = byTime[(byTime.count - 1) / 2]
        guard runs.count > 1 else { return }
        self.runs = runs.count
        requestsPerSecondRange = byTime.last!.requestsPerSecond...byTime.first!.requestsPerSecond
    }

    /// The first run whose simulated counts differ from the first run's: the
    /// same workload, scale and seed must simulate the same thing every time.
    static func firstMismatch(in runs: [BenchRow]) -> BenchRow? {
        runs.first { $0.counts != runs[0].counts }
    }
}
