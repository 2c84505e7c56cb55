/// A fixed-capacity ring of timestamped integers: the autoscaler's
/// recommendation history and its record of scale events.
///
/// Storage is allocated once at init; `append` overwrites the oldest entry when
/// the ring is full and never allocates. Callers size the ring so that every
/// entry they will still read fits (the autoscaler evaluates at most once per
/// `evaluationInterval`, so a window of `w` holds at most `w / interval + 1`
/// entries that matter).
struct TimedRing: Sendable, Equatable {
    private(set) var times: [Nanoseconds]
    private(set) var values: [Int]
    /// Entries held (at most `capacity`).
    private(set) var count: Int
    /// Slot the next append writes.
    private var next: Int

    /// - Precondition: `capacity > 0`.
    init(capacity: Int) {
        precondition(capacity > 0, "TimedRing needs a positive capacity")
        times = Array(repeating: .zero, count: capacity)
        values = Array(repeating: 0, count: capacity)
        count = 0
        next = 0
    }

    var capacity: Int { values.count }

    mutating func append(_ value: Int, at time: Nanoseconds) {
        times[next] = time
        values[next] = value
        next = next + 1 == capacity ? 0 : next + 1
        count = Swift.min(count + 1, capacity)
    }

    /// The largest value recorded strictly after `cutoff`, or `floor` if larger.
    func maximum(after cutoff: Nanoseconds, atLeast floor: Int) -> Int {
        var result = floor
        for slot in 0..<count where times[slot] > cutoff { result = Swift.max(result, values[slot]) }
        return result
    }

    /// The smallest value recorded strictly after `cutoff`, or `ceiling` if smaller.
    func minimum(after cutoff: Nanoseconds, atMost ceiling: Int) -> Int {
        var result = ceiling
        for slot in 0..<count where times[slot] > cutoff { result = Swift.min(result, values[slot]) }
        return result
    }

    /// Sums of the positive and of the (negated) negative values recorded strictly after `cutoff`.
    func sums(after cutoff: Nanoseconds) -> (added: Int, removed: Int) {
        var added = 0, removed = 0
        for slot in 0..<count where times[slot] > cutoff {
            if values[slot] > 0 { added += values[slot] } else { removed -= values[slot] }
        }
        return (added, removed)
    }

    mutating func removeAll() {
        count = 0
        next = 0
    }
}
