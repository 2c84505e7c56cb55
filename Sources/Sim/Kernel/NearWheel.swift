/// The event queue's near future: a timing wheel of short time slots, each
/// a bucket of a few events, for the events due within the wheel's horizon.
///
/// Most of a service model's events are due soon after they are scheduled
/// (a job's service time is milliseconds), and in the heap each paid its
/// depth twice, on push and on pop. Here a push is a store into the bucket
/// of its slot and a pop scans one bucket: constant work. Events further
/// out than the horizon, or whose bucket is full, go to the heap as before.
/// The queue pops the earliest of the wheel, the heap and the lanes by
/// (time, sequence), so the wheel changes the cost, never the order.
///
/// Slot `s` holds the events with `time >> slotShift == s`, in bucket
/// `s mod slotCount`. Every event in the wheel lies in the `slotCount`
/// slots from `currentSlot` on (the slot of the last event popped), so a
/// bucket holds one slot's events, and the first occupied bucket from
/// `currentSlot` on, going round, holds the earliest. A bitmap of occupied
/// buckets finds it in a few word reads.
///
/// The buckets are the model's `GrowableTable`s (bounds-checked in a
/// checked build, like every table): the entries are filled with copies of
/// the first event the wheel takes, so a queue that never holds enough
/// events to use the wheel (most scenarios, the M/M/c bench) never
/// allocates its 256 KB. Until then every bucket counts as full, so the
/// fill is found on the full-bucket path, not tested on every push. Only plain values (`_isPOD`) are kept: a removed
/// entry's stale copy stays in its bucket, which must not keep anything
/// alive. A queue of other events uses the heap.
struct NearWheel<Event> {
    /// Slot width: 2^14 ns = 16.4 us.
    static var slotShift: Int64 { 14 }
    /// Slots (a power of two): 2,048 x 16.4 us = a 33.6 ms horizon.
    static var slotCount: Int { 2048 }
    /// log2 of the events a bucket holds: 4 entries of 32 bytes, two cache lines.
    static var bucketShift: Int { 2 }
    static var bucketCapacity: Int { 1 << bucketShift }
    static var bitmapWords: Int { slotCount >> 6 }
    /// Whether this event type can use the wheel at all.
    static var isUsable: Bool { _isPOD(ScheduledEvent<Event>.self) }

    /// `bucketCapacity` entries per bucket, bucket after bucket (empty until the first push).
    var entries = GrowableTable<ScheduledEvent<Event>>()
    /// The number of events in each bucket (all "full" until the entries are made).
    var counts = GrowableTable<UInt8>(repeating: UInt8(bucketCapacity), count: slotCount)
    /// Bit b set: bucket b holds an event.
    var occupied = GrowableTable<UInt64>(repeating: 0, count: bitmapWords)
    /// The slot of the last event popped from the queue: no event in the wheel is earlier.
    private(set) var currentSlot: Int64 = 0
    private(set) var count = 0

    /// Takes `entry` when it falls within the horizon and its bucket has
    /// room; `false` (and nothing stored) otherwise.
    @inline(__always) mutating func push(_ entry: ScheduledEvent<Event>) -> Bool {
        let slot = entry.time.ns >> Self.slotShift
        // Unsigned: an entry before the current slot (none should be) is out of range too.
        guard UInt64(bitPattern: slot &- currentSlot) < UInt64(Self.slotCount) else { return false }
        let bucket = Int(truncatingIfNeeded: slot) & (Self.slotCount &- 1)
        let filled = Int(counts[bucket])
        guard filled < Self.bucketCapacity else { return entries.isEmpty && firstPush(entry) }
        entries[bucket &<< Self.bucketShift | filled] = entry
        counts[bucket] = UInt8(truncatingIfNeeded: filled &+ 1)
        occupied[bucket &>> 6] |= 1 &<< UInt64(bucket & 63)
        count &+= 1
        return true
    }

    /// The wheel's first push: makes every bucket's entries, empties the
    /// buckets, and pushes `entry`.
    @inline(never) mutating func firstPush(_ entry: ScheduledEvent<Event>) -> Bool {
        entries = GrowableTable(repeating: entry, count: Self.slotCount &<< Self.bucketShift)
        for bucket in counts.indices { counts[bucket] = 0 }
        return push(entry)
    }

    /// The earliest entry's key and position (the wheel must not be empty).
    @inline(__always) func front() -> (time: Int64, sequence: UInt64, position: Int) {
        let start = Int(truncatingIfNeeded: currentSlot) & (Self.slotCount &- 1)
        var word = start &>> 6
        var bits = occupied[word] & (UInt64.max &<< UInt64(start & 63))
        // Going round: a bucket before `start` in its word holds a later slot,
        // and is reached when the scan wraps back to that word.
        while bits == 0 {
            word = (word &+ 1) & (Self.bitmapWords &- 1)
            bits = occupied[word]
        }
        let bucket = word &<< 6 | bits.trailingZeroBitCount
        let first = bucket &<< Self.bucketShift
        var best = first, bestTime = entries[first].time.ns, bestSequence = entries[first].sequence
        var position = first &+ 1
        let end = first &+ Int(counts[bucket])
        while position < end {
            EventQueue<Event>.consider(position, best: &best, bestTime: &bestTime, bestSequence: &bestSequence, in: entries.unsafeBase)
            position &+= 1
        }
        return (bestTime, bestSequence, best)
    }

    /// Removes and returns the entry at `position` (from `front()`).
    @inline(__always) mutating func remove(at position: Int) -> ScheduledEvent<Event> {
        let bucket = position &>> Self.bucketShift
        let remaining = Int(counts[bucket]) &- 1
        let entry = entries[position]
        // The bucket's last entry fills the gap: order within a bucket does not matter.
        entries[position] = entries[bucket &<< Self.bucketShift | remaining]
        counts[bucket] = UInt8(truncatingIfNeeded: remaining)
        if remaining == 0 { occupied[bucket &>> 6] &= ~(1 &<< UInt64(bucket & 63)) }
        count &-= 1
        currentSlot = entry.time.ns >> Self.slotShift
        return entry
    }

    /// The queue popped an event at `time` from the heap or a lane: nothing
    /// left in the wheel is earlier.
    @inline(__always) mutating func advance(to time: SimTime) {
        currentSlot = time.ns >> Self.slotShift
    }

    /// Drops every entry.
    mutating func removeAll() {
        for word in occupied.indices { occupied[word] = 0 }
        // Before the first push the buckets stay "full" (see `counts`).
        let empty = entries.isEmpty ? UInt8(Self.bucketCapacity) : 0
        for bucket in counts.indices { counts[bucket] = empty }
        count = 0
    }
}
