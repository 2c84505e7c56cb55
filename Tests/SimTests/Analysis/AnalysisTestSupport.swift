@testable import Sim

/// Health windows from a compact script: H healthy, U unhealthy, N no data.
func healthScript(_ script: String, windowWidth: SimTime = .seconds(10)) -> HealthTimeline {
    HealthTimeline(windows: script.map { $0 == "H" ? .healthy : $0 == "U" ? .unhealthy : .noData }, windowWidth: windowWidth)
}

/// A fault on the database from `start` to `end` seconds.
func dbFault(_ startSeconds: Int64, _ endSeconds: Int64?) -> FaultSpan {
    FaultSpan(name: "db latency +2s", target: "service:db", start: .seconds(startSeconds),
              end: endSeconds.map { .seconds($0) } ?? .max)
}
