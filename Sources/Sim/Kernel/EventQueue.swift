/// A pending event: when it fires, its tie-breaking sequence number, and what it is.
@frozen
public struct ScheduledEvent<Event> {
    public var time: SimTime
    /// Insertion order: equal-time events fire in the order they were scheduled.
    public var sequence: UInt64
    public var event: Event

    @inlinable init(time: SimTime, sequence: UInt64, event: Event) {
        self.time = time
        self.sequence = sequence
        self.event = event
    }

    /// Strict (time, sequence) order. Sequences are unique, so this is total.
    @inlinable func firesBefore(_ other: ScheduledEvent) -> Bool {
        time.ns < other.time.ns || (time.ns == other.time.ns && sequence < other.sequence)
    }
}

/// Pending events ordered by (time, sequence): a 4-ary min-heap, plus a few
/// FIFO lanes for events scheduled with a repeating fixed delay (`push(_:after:now:)`).
///
/// Four children per node halve the heap's depth: a push climbs half as many
/// levels, and a pop moves half as many entries for about the same number of
/// comparisons. (time, sequence) keys are unique, so any heap shape pops the
/// same order.
///
/// `Event` is the model's own small enum, stored inline: no closure and no
/// allocation per event. The backing arrays grow to the peak number of pending
/// events and are then reused, so a steady-state run allocates nothing.
/// `push` is O(log n) on the heap and O(1) on a lane; `popMin` is O(log n)
/// plus one comparison per lane. Events come out in exactly the order a
/// single heap would give: lanes change the cost, never the result.
public struct EventQueue<Event> {
    @usableFromInline var heap: [ScheduledEvent<Event>] = []
    @usableFromInline var lanes: [DelayLane<Event>] = []
    @usableFromInline var laneEventCount = 0
    /// The lane the last fixed-delay push went to.
    @usableFromInline var lastLane = 0
    @usableFromInline var nextSequence: UInt64 = 0
    /// Distinct delays that get a lane; further delays go to the heap.
    public static var maxLanes: Int { 8 }
    /// log2 of the children per heap node: node n's children are 4n + 1 ... 4n + 4.
    @usableFromInline static var arityShift: Int { 2 }

    public init(reservingCapacity capacity: Int = 1024) {
        heap.reserveCapacity(capacity)
    }

    /// Number of pending events.
    @inlinable public var count: Int { heap.count + laneEventCount }
    @inlinable public var isEmpty: Bool { count == 0 }
    /// The time of the next event, if any.
    @inlinable public var nextTime: SimTime? { peek()?.time }

    /// The earliest event's time and where it waits (-1: the heap, else a
    /// lane), for `pop(from:)`: one look at the lanes serves both.
    @inlinable public func peek() -> (time: SimTime, source: Int)? {
        let lane = laneEventCount > 0 ? earliestLane() : -1
        if lane >= 0 { return (SimTime(ns: lanes[lane].frontKey.time), lane) }
        return heap.first.map { ($0.time, -1) }
    }

    /// How many events have ever been scheduled (the next sequence number).
    @inlinable public var scheduledCount: UInt64 { nextSequence }

    /// Adds `event` to fire at `time`, after every event already scheduled for that time.
    @inlinable public mutating func push(_ event: Event, at time: SimTime) {
        let entry = ScheduledEvent(time: time, sequence: nextSequence, event: event)
        nextSequence &+= 1
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { buffer in
            // Sift up: move the hole towards the root while the parent fires later.
            var child = buffer.count &- 1
            while child > 0 {
                let parent = (child &- 1) >> Self.arityShift
                if !entry.firesBefore(buffer[parent]) { break }
                buffer[child] = buffer[parent]
                child = parent
            }
            buffer[child] = entry
        }
    }

    /// Adds `event` to fire `delay` after `now` (`delay` >= 0), in the lane
    /// for that delay when there is one or room for one, else in the heap.
    /// For fixed delays that repeat, such as timeouts.
    @inlinable @inline(__always) public mutating func push(_ event: Event, after delay: SimTime, now: SimTime) {
        let entry = ScheduledEvent(time: now.saturatingAdd(delay), sequence: nextSequence, event: event)
        // Most pushes repeat the previous delay: look there first.
        var lane = lastLane
        if lane >= lanes.count || lanes[lane].delay != delay {
            lane = 0
            while lane < lanes.count && lanes[lane].delay != delay { lane += 1 }
            if lane == lanes.count && lanes.count < Self.maxLanes { lanes.append(DelayLane(delay: delay)) }
            lastLane = lane
        }
        if lane < lanes.count && lanes[lane].pushBack(entry) {
            nextSequence &+= 1
            laneEventCount += 1
        } else {
            push(event, at: entry.time)
        }
    }

    /// The lane whose first event fires before the heap's and every other lane's; -1 for the heap.
    @inlinable func earliestLane() -> Int {
        var best = -1
        var bestTime = Int64.max, bestSequence = UInt64.max
        if let top = heap.first { (bestTime, bestSequence) = (top.time.ns, top.sequence) }
        for lane in lanes.indices where !lanes[lane].isEmpty {
            let (time, sequence) = lanes[lane].frontKey
            if time < bestTime || (time == bestTime && sequence < bestSequence) {
                best = lane
                (bestTime, bestSequence) = (time, sequence)
            }
        }
        return best
    }

    /// Removes and returns the earliest event.
    @inlinable public mutating func popMin() -> ScheduledEvent<Event>? {
        peek().map { pop(from: $0.source) }
    }

    /// Removes and returns the first event of `source` as `peek` named it.
    @inlinable public mutating func pop(from source: Int) -> ScheduledEvent<Event> {
        guard source >= 0 else { return popHeap().unsafelyUnwrapped }
        laneEventCount -= 1
        return lanes[source].popFront()
    }

    /// Always inlined into the engine's loop: called, its sift-down closure costs
    /// register spills and a call per pop.
    @inlinable @inline(__always) mutating func popHeap() -> ScheduledEvent<Event>? {
        guard let last = heap.popLast() else { return nil }
        if heap.isEmpty { return last }
        return heap.withUnsafeMutableBufferPointer { buffer in
            let top = buffer[0]
            // Sift the former last element down from the root: the hole moves to
            // the earliest child while that child fires before `last`.
            let count = buffer.count
            var hole = 0
            while true {
                let first = hole &<< Self.arityShift &+ 1
                if first >= count { break }
                var best = first, bestTime = buffer[first].time.ns
                if first &+ 3 < count {
                    // A full node (all but the last): straight-line code, no loop.
                    Self.consider(first &+ 1, best: &best, bestTime: &bestTime, in: buffer)
                    Self.consider(first &+ 2, best: &best, bestTime: &bestTime, in: buffer)
                    Self.consider(first &+ 3, best: &best, bestTime: &bestTime, in: buffer)
                } else {
                    var child = first &+ 1
                    while child < count {
                        Self.consider(child, best: &best, bestTime: &bestTime, in: buffer)
                        child &+= 1
                    }
                }
                if !buffer[best].firesBefore(last) { break }
                buffer[hole] = buffer[best]
                hole = best
            }
            buffer[hole] = last
            return top
        }
    }

    /// Makes `child` the `best` (earliest) so far if it fires before it. The best
    /// time stays in a register; sequences are read only on a tie.
    @inlinable @inline(__always)
    static func consider(_ child: Int, best: inout Int, bestTime: inout Int64,
                         in buffer: UnsafeMutableBufferPointer<ScheduledEvent<Event>>) {
        let time = buffer[child].time.ns
        if time < bestTime || (time == bestTime && buffer[child].sequence < buffer[best].sequence) {
            best = child
            bestTime = time
        }
    }

    /// Drops every pending event (capacity is kept).
    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
        for lane in lanes.indices { lanes[lane].removeAll() }
        laneEventCount = 0
    }
}
