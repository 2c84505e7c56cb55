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
        Self.isEarlier(time.ns, sequence, than: other.time.ns, other.sequence)
    }

    /// Whether key (time, sequence) comes before the other key.
    @inlinable @inline(__always)
    static func isEarlier(_ time: Int64, _ sequence: UInt64, than otherTime: Int64, _ otherSequence: UInt64) -> Bool {
        time < otherTime || (time == otherTime && sequence < otherSequence)
    }
}

/// Where an event falls in the firing order: its time, then the order it was
/// scheduled in. A key can be reserved before its event is known
/// (`EventQueue.reserveKey(at:)`).
@frozen
public struct EventKey: Equatable, Sendable {
    public let time: SimTime
    public let sequence: UInt64

    @inlinable init(time: SimTime, sequence: UInt64) {
        self.time = time
        self.sequence = sequence
    }
}

/// Pending events ordered by (time, sequence): a 4-ary min-heap; a timing
/// wheel (`NearWheel`) for events due within its 33.6 ms horizon once more
/// than `wheelThreshold` are pending; and a few FIFO lanes for events
/// scheduled with a repeating fixed delay (`push(_:after:now:)`) or by a
/// source that schedules in time order (`push(_:at:source:)`).
///
/// Four children per node halve the heap's depth: a push climbs half as many
/// levels, and a pop moves half as many entries for about the same number of
/// comparisons. (time, sequence) keys are unique, so any heap shape pops the
/// same order.
///
/// `Event` is the model's own small enum, stored inline: no closure and no
/// allocation per event. The heap and the lanes are `GrowableTable`s, reached
/// through one pointer with no copy-on-write check (an `Array` pays one on
/// every push and pop); they grow to the peak number of pending events and
/// are then reused, so a steady-state run allocates nothing. Like the
/// tables, copies of a queue share them: an engine owns its queue once.
/// `push` is O(log n) on the heap and O(1) on the wheel or a lane; `popMin`
/// is O(log n) from the heap, O(1) from the wheel (one bucket's scan), plus
/// one comparison per lane. Events come out in exactly the order a single
/// heap would give: the wheel and the lanes change the cost, never the
/// result. On the three-tier bench the wheel took the event queue from 14%
/// of the instructions to 6% (1.04x wall time); below the threshold (most
/// catalog scenarios hold a few dozen events) the heap alone is cheaper,
/// since its few levels stay in the L1 cache and the wheel's buckets spread.
public struct EventQueue<Event> {
    var heap: GrowableTable<ScheduledEvent<Event>>
    /// Events due within the wheel's horizon (`NearWheel`), when `Event` is a plain value.
    var wheel = NearWheel<Event>()
    var lanes = GrowableTable<DelayLane<Event>>(reservingCapacity: maxLanes)
    var laneEventCount = 0
    /// The lane the last lane push went to.
    var lastLane = 0
    var nextSequence: UInt64 = 0
    /// Distinct delays that get a lane; further delays go to the heap.
    public static var maxLanes: Int { 8 }
    /// log2 of the children per heap node: node n's children are 4n + 1 ... 4n + 4.
    static var arityShift: Int { 2 }

    /// The heap starts 3 entries past a cache-line start, so each node's four
    /// children (4n + 1 ... 4n + 4) start 4(n + 1) entries in: with the
    /// World's 32-byte entries a sift-down reads two whole cache lines per
    /// level instead of parts of three (-4% of the bench's L1 misses, 1.011x).
    static var heapLeadingSlots: Int { 3 }

    public init(reservingCapacity capacity: Int = 1024) {
        heap = GrowableTable(reservingCapacity: capacity, leadingSlots: Self.heapLeadingSlots)
    }

    /// Number of pending events.
    public var count: Int { heap.count &+ laneEventCount &+ wheel.count }
    public var isEmpty: Bool { count == 0 }
    /// The time of the next event, if any.
    public var nextTime: SimTime? { peek()?.time }

    /// The earliest event's time and where it waits (-1: the heap; -2 - p:
    /// position p of the wheel; else a lane), for `pop(from:)`: one look
    /// serves both.
    @inline(__always) public func peek() -> (time: SimTime, source: Int)? {
        var source = Self.noSource
        var bestTime = Int64.max, bestSequence = UInt64.max
        if heap.count > 0 {
            (bestTime, bestSequence) = (heap.unsafeBase.pointee.time.ns, heap.unsafeBase.pointee.sequence)
            source = -1
        }
        if wheel.count > 0 {
            let front = wheel.front()
            if ScheduledEvent<Event>.isEarlier(front.time, front.sequence, than: bestTime, bestSequence) {
                (bestTime, bestSequence) = (front.time, front.sequence)
                source = -2 &- front.position
            }
        }
        if laneEventCount > 0 {
            for lane in 0..<lanes.count where !lanes[lane].isEmpty {
                let (time, sequence) = lanes[lane].frontKey
                if ScheduledEvent<Event>.isEarlier(time, sequence, than: bestTime, bestSequence) {
                    source = lane
                    (bestTime, bestSequence) = (time, sequence)
                }
            }
        }
        return source == Self.noSource ? nil : (SimTime(ns: bestTime), source)
    }

    /// `peek`'s source when the queue is empty.
    static var noSource: Int { Int.min }

    /// How many events have ever been scheduled (the next sequence number).
    public var scheduledCount: UInt64 { nextSequence }

    /// Adds `event` to fire at `time`, after every event already scheduled for that time.
    @inline(__always) public mutating func push(_ event: Event, at time: SimTime) {
        let entry = ScheduledEvent(time: time, sequence: nextSequence, event: event)
        nextSequence &+= 1
        pushTimed(entry)
    }

    /// Takes the next sequence number, for an event at `time` that its owner
    /// keeps aside and may push later with `push(_:key:)`.
    @inline(__always) public mutating func reserveKey(at time: SimTime) -> EventKey {
        defer { nextSequence &+= 1 }
        return EventKey(time: time, sequence: nextSequence)
    }

    /// Adds `event` under a key reserved earlier: it fires exactly where an
    /// event pushed when the key was reserved would have (sequences are
    /// unique, so the order stays total). Each key is pushed at most once.
    @inline(__always) public mutating func push(_ event: Event, key: EventKey) {
        pushTimed(ScheduledEvent(time: key.time, sequence: key.sequence, event: event))
    }

    /// Adds `entry` to the wheel when it is due within its horizon and finds
    /// room, else to the heap.
    @inline(__always) mutating func pushTimed(_ entry: ScheduledEvent<Event>) {
        if NearWheel<Event>.isUsable && heap.count &+ wheel.count >= Self.wheelThreshold && wheel.push(entry) { return }
        pushHeap(entry)
    }

    /// Past this many events in the heap and the wheel, a push tries the
    /// wheel first; below it the heap alone is cheaper (a few levels deep,
    /// and all in the L1 cache).
    static var wheelThreshold: Int { 128 }

    /// Adds `entry` to the heap.
    @inline(__always) mutating func pushHeap(_ entry: ScheduledEvent<Event>) {
        heap.append(entry)
        // Sift up: move the hole towards the root while the parent fires later.
        // Every index below is in 0..<heap.count, the slots the table initialised.
        let base = heap.unsafeBase
        var child = heap.count &- 1
        while child > 0 {
            let parent = (child &- 1) >> Self.arityShift
            if !entry.firesBefore(base[parent]) { break }
            base[child] = base[parent]
            child = parent
        }
        base[child] = entry
    }

    /// Adds `event` to fire `delay` after `now` (`delay` >= 0), in the lane
    /// for that delay when there is one or room for one, else in the heap.
    /// For fixed delays that repeat, such as a connection pool's max wait.
    @inline(__always) public mutating func push(_ event: Event, after delay: SimTime, now: SimTime) {
        pushInLane(keyed: delay.ns, event, at: now.saturatingAdd(delay))
    }

    /// Adds `event` at `time` in the lane of `source` (>= 0), a source that
    /// schedules its events in time order, such as one client's arrivals: O(1)
    /// instead of a climb through the heap. An event out of order, or one
    /// with no lane left for its source, goes to the heap.
    @inline(__always) public mutating func push(_ event: Event, at time: SimTime, source: Int) {
        pushInLane(keyed: DelayLane<Event>.key(source: source), event, at: time)
    }

    /// Adds `event` at `time` to the lane with `key` (`DelayLane.key`), opened
    /// when there is room for another lane; to the heap when there is none or
    /// the event would not come last in it.
    @inline(__always) mutating func pushInLane(keyed key: Int64, _ event: Event, at time: SimTime) {
        // Most pushes go to the lane the previous one did: look there first.
        var lane = lastLane
        if lane >= lanes.count || lanes[lane].key != key {
            lane = 0
            while lane < lanes.count && lanes[lane].key != key { lane += 1 }
            if lane == lanes.count && lanes.count < Self.maxLanes { lanes.append(DelayLane(key: key)) }
            lastLane = lane
        }
        if lane < lanes.count && lanes[lane].pushBack(ScheduledEvent(time: time, sequence: nextSequence, event: event)) {
            nextSequence &+= 1
            laneEventCount &+= 1
        } else {
            push(event, at: time)
        }
    }

    /// Removes and returns the earliest event.
    public mutating func popMin() -> ScheduledEvent<Event>? {
        peek().map { pop(from: $0.source) }
    }

    /// Removes and returns the first event of `source` as `peek` named it.
    @inline(__always) public mutating func pop(from source: Int) -> ScheduledEvent<Event> {
        // The earliest event goes: nothing left in the wheel is earlier (`remove` says so itself).
        if source >= 0 {
            laneEventCount &-= 1
            let entry = lanes[source].popFront()
            wheel.advance(to: entry.time)
            return entry
        }
        if source == -1 {
            let entry = popHeap()
            wheel.advance(to: entry.time)
            return entry
        }
        return wheel.remove(at: -2 &- source)
    }

    /// Removes the heap's earliest event (the heap must not be empty). Always
    /// inlined into the engine's loop: called, it costs register spills.
    @inline(__always) mutating func popHeap() -> ScheduledEvent<Event> {
        guard let last = heap.popLast() else { preconditionFailure("popped an empty heap") }
        let count = heap.count
        if count == 0 { return last }
        // Every index below is in 0..<count, slots the table holds.
        let base = heap.unsafeBase
        let top = base[0]
        // Sift the former last element down from the root: the hole moves to
        // the earliest child while that child fires before `last`.
        var hole = 0
        while true {
            let first = hole &<< Self.arityShift &+ 1
            if first >= count { break }
            var best = first, bestTime = base[first].time.ns, bestSequence = base[first].sequence
            if first &+ 3 < count {
                // A full node (all but the last): straight-line code, no loop.
                Self.consider(first &+ 1, best: &best, bestTime: &bestTime, bestSequence: &bestSequence, in: base)
                Self.consider(first &+ 2, best: &best, bestTime: &bestTime, bestSequence: &bestSequence, in: base)
                Self.consider(first &+ 3, best: &best, bestTime: &bestTime, bestSequence: &bestSequence, in: base)
            } else {
                var child = first &+ 1
                while child < count {
                    Self.consider(child, best: &best, bestTime: &bestTime, bestSequence: &bestSequence, in: base)
                    child &+= 1
                }
            }
            if !ScheduledEvent<Event>.isEarlier(bestTime, bestSequence, than: last.time.ns, last.sequence) { break }
            base[hole] = base[best]
            hole = best
        }
        base[hole] = last
        return top
    }

    /// Makes `child` the `best` (earliest) so far if it fires before it.
    /// Branch-free: which child is earliest is a coin toss the processor
    /// cannot predict, so both keys are read and the winner is selected
    /// (conditional moves) rather than branched to.
    @inline(__always)
    static func consider(_ child: Int, best: inout Int, bestTime: inout Int64, bestSequence: inout UInt64,
                         in base: UnsafeMutablePointer<ScheduledEvent<Event>>) {
        let time = base[child].time.ns
        let sequence = base[child].sequence
        // `isEarlier`'s test, written without short-circuiting: both
        // comparisons are plain values, so the compiler selects on the
        // result instead of branching (with `||` it branches, and
        // mispredicts: cachegrind's branch simulator counts 23% more).
        let earlier = (time < bestTime) != ((time == bestTime) && (sequence < bestSequence))
        best = earlier ? child : best
        bestTime = earlier ? time : bestTime
        bestSequence = earlier ? sequence : bestSequence
    }

    /// Drops every pending event (capacity is kept).
    public mutating func removeAll() {
        heap.removeAll()
        wheel.removeAll()
        for lane in 0..<lanes.count { lanes[lane].removeAll() }
        laneEventCount = 0
    }
}
