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
/// A record, its generation and its live flag sit together in one slot, so
/// freeing or checking a handle touches one cache line, with no copy-on-write
/// check. The slots' address and count are stored in the pool itself, not
/// behind a storage object: the World reaches a record with one load of the
/// address (which the compiler can keep in a register across record writes)
/// instead of two dependent loads per access (-2.5% of the three-tier bench).
///
/// The price: copies of a pool share its slots only until one of them grows.
/// A World owns each pool once and never copies it. So that a stale copy can
/// still never touch freed memory, records are `BitwiseCopyable` and growth
/// keeps the outgrown buffers until the pool's last copy is gone (geometric
/// growth: together they are smaller than the current buffer).
public struct SlotPool<Record: BitwiseCopyable> {
    struct Slot: BitwiseCopyable {
        var record: Record
        var generation: UInt32
        var live: Bool
    }

    /// Owns every buffer the slots and the free list have lived in.
    final class Buffers {
        var all: [UnsafeMutableRawPointer] = []
        deinit { for buffer in all { buffer.deallocate() } }
    }

    let buffers = Buffers()
    /// The current buffer: `slotCapacity` slots of `slotStride` bytes, the
    /// first `slotCount` initialised.
    var raw: UnsafeMutableRawPointer

    /// Bytes from one slot to the next: a slot rounded up to whole cache
    /// lines, in a buffer that starts on one, so a record never straddles
    /// more lines than it must. An attempt's slot is 128 bytes (two lines,
    /// not two or three at 112) and a call's 192 (three, not three or four
    /// at 168): -9% of the bench's L1 misses for 16 bytes of padding per
    /// attempt and 24 per call alive.
    static var slotStride: Int { CacheLine.roundedUp(MemoryLayout<Slot>.stride) }

    /// Where the slot at `index` (below `slotCapacity`) starts.
    @inline(__always) func slotAddress(_ index: Int) -> UnsafeMutableRawPointer {
        raw + index &* Self.slotStride
    }

    /// The initialised slot at `index`.
    @inline(__always) func slot(_ index: Int) -> UnsafeMutablePointer<Slot> {
        slotAddress(index).assumingMemoryBound(to: Slot.self)
    }
    var slotCount = 0
    var slotCapacity: Int
    /// Indices of released slots, reused last-in first-out: a stack of
    /// `freeCount` entries in a buffer of `slotCapacity` (each slot is free at most once).
    var free: UnsafeMutablePointer<UInt32>
    var freeCount = 0
    public let capacityLimit: Int
    public private(set) var liveCount = 0
    public private(set) var peakLiveCount = 0

    public init(capacityLimit: Int, reserving: Int = 1024) {
        self.capacityLimit = capacityLimit
        slotCapacity = max(1, min(reserving, capacityLimit))
        raw = CacheLine.allocate(byteCount: slotCapacity * Self.slotStride)
        free = .allocate(capacity: slotCapacity)
        buffers.all += [raw, UnsafeMutableRawPointer(free)]
    }

    /// Stores `record` and returns its handle, or nil when the pool is at its limit.
    @inline(__always) public mutating func allocate(_ record: Record) -> Handle<Record>? {
        if freeCount > 0 {
            freeCount &-= 1
            let index = free[freeCount]
            let generation = slot(Int(index)).pointee.generation
            slot(Int(index)).pointee = Slot(record: record, generation: generation, live: true)
            liveCount &+= 1
            peakLiveCount = max(peakLiveCount, liveCount)
            return Handle(index: index, generation: generation)
        }
        guard slotCount < capacityLimit else { return nil }
        if slotCount == slotCapacity { grow() }
        slotAddress(slotCount).initializeMemory(as: Slot.self, to: Slot(record: record, generation: 0, live: true))
        slotCount &+= 1
        liveCount &+= 1
        peakLiveCount = max(peakLiveCount, liveCount)
        return Handle(index: UInt32(slotCount - 1), generation: 0)
    }

    /// Doubles the buffers (up to the limit); the old ones are kept (see the type's comment).
    @inline(never) mutating func grow() {
        slotCapacity = min(slotCapacity * 2, max(capacityLimit, 1))
        let moved = CacheLine.allocate(byteCount: slotCapacity * Self.slotStride)
        moved.copyMemory(from: raw, byteCount: slotCount * Self.slotStride)
        let movedFree = UnsafeMutablePointer<UInt32>.allocate(capacity: slotCapacity)
        movedFree.initialize(from: free, count: freeCount)
        buffers.all += [moved, UnsafeMutableRawPointer(movedFree)]
        raw = moved
        free = movedFree
    }

    /// `true` when `handle` still names a live record.
    @inline(__always) public func isLive(_ handle: Handle<Record>) -> Bool {
        guard Int(handle.index) < slotCount else { return false }
        return slot(Int(handle.index)).pointee.live && slot(Int(handle.index)).pointee.generation == handle.generation
    }

    /// Frees the record; its handle becomes stale.
    @inline(__always) public mutating func release(_ handle: Handle<Record>) {
        precondition(isLive(handle), "released a stale handle \(handle)")
        let index = Int(handle.index)
        slot(index).pointee.live = false
        slot(index).pointee.generation &+= 1
        free[freeCount] = handle.index
        freeCount &+= 1
        liveCount &-= 1
    }

    /// Handles of every live record, in index order (allocates: for rare events such as a crash).
    public func liveHandles() -> [Handle<Record>] {
        (0..<slotCount).compactMap { index in
            slot(index).pointee.live ? Handle(index: UInt32(index), generation: slot(index).pointee.generation) : nil
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
            yield slot(Int(handle.index)).pointee.record
        }
        nonmutating _modify {
            assert(!handle.isNone, "SlotPool accessed through Handle.none")
            yield &slot(Int(handle.index)).pointee.record
        }
    }
}
