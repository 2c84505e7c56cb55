/// A handle to a pooled record: index plus generation.
///
/// Events carry handles, never references. When a record is freed its
/// generation increments, so an event that outlived its record (a timeout for
/// an attempt that already answered) finds a stale handle and is ignored.
@frozen
public struct Handle: Hashable, Sendable, CustomStringConvertible {
    public var index: UInt32
    public var generation: UInt32

    public static let none = Handle(index: .max, generation: .max)

    public var isNone: Bool { index == .max }
    public var description: String { isNone ? "none" : "#\(index).\(generation)" }
}

/// A free-list allocator of fixed-shape records: storage grows to the peak
/// number live at once and is then reused, so steady state allocates nothing.
/// `capacityLimit` bounds it; `allocate` returns nil past the bound and the
/// model stops the run with that limit named.
public struct SlotPool<Record> {
    public private(set) var records: [Record] = []
    var generations: [UInt32] = []
    var live: [Bool] = []
    var free: [UInt32] = []
    public let capacityLimit: Int
    public private(set) var liveCount = 0
    public private(set) var peakLiveCount = 0

    public init(capacityLimit: Int, reserving: Int = 1024) {
        self.capacityLimit = capacityLimit
        records.reserveCapacity(min(reserving, capacityLimit))
    }

    /// Stores `record` and returns its handle, or nil when the pool is at its limit.
    public mutating func allocate(_ record: Record) -> Handle? {
        if let index = free.popLast() {
            records[Int(index)] = record
            live[Int(index)] = true
            liveCount += 1
            peakLiveCount = max(peakLiveCount, liveCount)
            return Handle(index: index, generation: generations[Int(index)])
        }
        guard records.count < capacityLimit else { return nil }
        records.append(record)
        generations.append(0)
        live.append(true)
        liveCount += 1
        peakLiveCount = max(peakLiveCount, liveCount)
        return Handle(index: UInt32(records.count - 1), generation: 0)
    }

    /// `true` when `handle` still names a live record.
    @inline(__always) public func isLive(_ handle: Handle) -> Bool {
        Int(handle.index) < records.count && live[Int(handle.index)] && generations[Int(handle.index)] == handle.generation
    }

    /// Frees the record; its handle becomes stale.
    public mutating func release(_ handle: Handle) {
        precondition(isLive(handle), "released a stale handle \(handle)")
        let index = Int(handle.index)
        live[index] = false
        generations[index] &+= 1
        free.append(handle.index)
        liveCount -= 1
    }

    /// Handles of every live record, in index order (allocates: for rare events such as a crash).
    public func liveHandles() -> [Handle] {
        records.indices.compactMap { index in
            live[index] ? Handle(index: UInt32(index), generation: generations[index]) : nil
        }
    }

    /// Direct access to a live record (check `isLive` first when the handle came from an event).
    /// `_read` rather than `get`: reading one field must not copy the whole record.
    @inline(__always) public subscript(handle: Handle) -> Record {
        _read { yield records[Int(handle.index)] }
        _modify { yield &records[Int(handle.index)] }
    }
}
