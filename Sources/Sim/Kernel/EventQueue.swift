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

/// A binary min-heap of events ordered by (time, sequence).
///
/// `Event` is the model's own small enum, stored inline: no closure and no
/// allocation per event. The backing array grows to the peak number of pending
/// events and is then reused, so a steady-state run allocates nothing.
/// `push` and `popMin` are O(log n).
public struct EventQueue<Event> {
    @usableFromInline var heap: [ScheduledEvent<Event>] = []
    @usableFromInline var nextSequence: UInt64 = 0

    public init(reservingCapacity capacity: Int = 1024) {
        heap.reserveCapacity(capacity)
    }

    /// Number of pending events.
    @inlinable public var count: Int { heap.count }
    @inlinable public var isEmpty: Bool { heap.isEmpty }
    /// The time of the next event, if any.
    @inlinable public var nextTime: SimTime? { heap.first?.time }
    /// How many events have ever been scheduled (the next sequence number).
    @inlinable public var scheduledCount: UInt64 { nextSequence }

    /// Adds `event` to fire at `time`, after every event already scheduled for that time.
    @inlinable public mutating func push(_ event: Event, at time: SimTime) {
        let entry = ScheduledEvent(time: time, sequence: nextSequence, event: event)
        nextSequence &+= 1
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { buffer in
            // Sift up: move the hole towards the root while the parent fires later.
            var child = buffer.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                if !entry.firesBefore(buffer[parent]) { break }
                buffer[child] = buffer[parent]
                child = parent
            }
            buffer[child] = entry
        }
    }

    /// Removes and returns the earliest event.
    @inlinable public mutating func popMin() -> ScheduledEvent<Event>? {
        guard let last = heap.popLast() else { return nil }
        if heap.isEmpty { return last }
        return heap.withUnsafeMutableBufferPointer { buffer in
            let top = buffer[0]
            // Sift the former last element down from the root.
            let count = buffer.count
            var hole = 0
            while true {
                var child = 2 * hole + 1
                if child >= count { break }
                if child + 1 < count && buffer[child + 1].firesBefore(buffer[child]) { child += 1 }
                if !buffer[child].firesBefore(last) { break }
                buffer[hole] = buffer[child]
                hole = child
            }
            buffer[hole] = last
            return top
        }
    }

    /// Drops every pending event (capacity is kept).
    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
    }
}
