/// The cache line the model's hot buffers are laid out on: `GrowableTable`'s
/// buffers start on one, and `SlotPool` rounds each slot up to whole ones,
/// so a record or a group of heap nodes touches no more lines than it must.
enum CacheLine {
    /// Bytes per line on the processors we measure (x86-64, Apple and most Arm cores).
    static var bytes: Int { 64 }

    /// `byteCount` rounded up to whole lines.
    static func roundedUp(_ byteCount: Int) -> Int {
        (byteCount + bytes - 1) / bytes * bytes
    }

    /// Uninitialised memory for `byteCount` bytes, starting on a line (or on
    /// `alignment`, when that is wider). Free it with `deallocate()`.
    static func allocate(byteCount: Int, alignment: Int = 1) -> UnsafeMutableRawPointer {
        .allocate(byteCount: byteCount, alignment: Swift.max(bytes, alignment))
    }
}
