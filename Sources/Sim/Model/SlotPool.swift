/// A handle to a record in a `SlotPool<Record>`: index plus generation.
///
/// Events carry handles, never references. When a record is freed its
/// generation increments, so an event that outlived its record (a timeout for
/// an attempt that already answered) finds a stale handle and is ignored.
///
/// `Record` is only a type tag: a call's handle cannot be passed where an
/// attempt's is expected, so a handle always indexes the pool that issued
/// it. That is what lets the pool skip the bounds check (see `subscript`).
@frozen
public struct Handle<Record>: Hashable, Sendable, CustomStringConvertible {
    public var index: UInt32
    public var generation: UInt32

    /// No record (an attempt no call waits for, a call with no parent attempt).
    public static var none: Handle { Handle(index: .max, generation: .max) }

    public var isNone: Bool { index == .max }
    public var description: String { isNone ? "none" : "#\(index).\(generation)" }
}

/// A free-list allocator of fixed-shape records: storage grows to the peak
/// number live at once and is then reused, so steady state allocates nothing.
/// `capacityLimit` bounds it; `allocate` returns nil past the bound and the
/// model stops the run with that limit named.
///
/// A record, its generation and its live flag sit together in one `FlatTable`
/// slot, so freeing or checking a handle touches one cache line, with no
/// copy-on-write check. Like the table, copies of a pool share its records.
public struct SlotPool<Record> {
    struct Slot {
        var record: Record
        var generation: UInt32
        var live: Bool
    }

    var slots: FlatTable<Slot>
    /// Indices of released slots, reused last-in first-out.
    var free = FlatTable<UInt32>(reservingCapacity: 64)
    public let capacityLimit: Int
    public private(set) var liveCount = 0
    public private(set) var peakLiveCount = 0

    public init(capacityLimit: Int, reserving: Int = 1024) {
        self.capacityLimit = capacityLimit
        slots = FlatTable(reservingCapacity: max(1, min(reserving, capacityLimit)))
    }

    /// Stores `record` and returns its handle, or nil when the pool is at its limit.
    @inline(__always) public mutating func allocate(_ record: Record) -> Handle<Record>? {
        if let index = free.popLast() {
            let generation = slots[Int(index)].generation
            slots[Int(index)] = Slot(record: record, generation: generation, live: true)
            liveCount += 1
            peakLiveCount = max(peakLiveCount, liveCount)
            return Handle(index: index, generation: generation)
        }
        guard slots.count < capacityLimit else { return nil }
        slots.append(Slot(record: record, generation: 0, live: true))
        liveCount += 1
        peakLiveCount = max(peakLiveCount, liveCount)
        return Handle(index: UInt32(slots.count - 1), generation: 0)
    }

    /// `true` when `handle` still names a live record.
    @inline(__always) public func isLive(_ handle: Handle<Record>) -> Bool {
        guard Int(handle.index) < slots.count else { return false }
        return slots[Int(handle.index)].live && slots[Int(handle.index)].generation == handle.generation
    }

    /// Frees the record; its handle becomes stale.
    @inline(__always) public mutating func release(_ handle: Handle<Record>) {
        precondition(isLive(handle), "released a stale handle \(handle)")
        let index = Int(handle.index)
        slots[index].live = false
        slots[index].generation &+= 1
        free.append(handle.index)
        liveCount -= 1
    }

    /// Handles of every live record, in index order (allocates: for rare events such as a crash).
    public func liveHandles() -> [Handle<Record>] {
        slots.indices.compactMap { index in
            slots[index].live ? Handle(index: UInt32(index), generation: slots[index].generation) : nil
        }
    }

    /// Direct access to a live record (check `isLive` first when the handle came from an event).
    /// `_read` rather than `get`: reading one field must not copy the whole record.
    ///
    /// No bounds check against the table: handles are made only by `allocate`
    /// (the initializer is internal), the type tag keeps other record types'
    /// handles out, a World keeps one pool per record type, and a pool never
    /// shrinks, so a handle's index is always inside its pool. That is 2% of a
    /// benchmark run. `none` is the one handle outside: debug builds assert;
    /// in release its index (2^32 - 1 records in) lands hundreds of gigabytes
    /// past the table, which faults rather than reading another record. (A
    /// release-mode check for it costs as much as the bounds check it replaces.)
    @inline(__always) public subscript(handle: Handle<Record>) -> Record {
        _read {
            assert(!handle.isNone, "SlotPool accessed through Handle.none")
            yield slots.unsafeBase[Int(handle.index)].record
        }
        nonmutating _modify {
            assert(!handle.isNone, "SlotPool accessed through Handle.none")
            yield &slots.unsafeBase[Int(handle.index)].record
        }
    }
}
