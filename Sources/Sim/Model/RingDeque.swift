/// A double-ended queue in a power-of-two ring buffer.
///
/// Grows by doubling when full (amortised O(1)); never shrinks, so a queue that
/// has reached its peak length allocates nothing more. Callers bound the length.
///
/// Slots hold plain elements, no `Optional` wrapper, so a push is one store:
/// slots outside the live range keep stale copies of earlier elements until
/// they are overwritten. That suits what the simulator queues (handles,
/// indices, events, telemetry samples); an element that owns a large
/// reference is kept alive a little longer than its pop, never lost. Storage
/// is allocated by the first push, filled with copies of that element.
///
/// The ring lives in a `GrowableTable` buffer whose every slot is
/// initialised: a push or pop is one masked access through one pointer, with
/// no copy-on-write check (an `Array` pays one on every write) and no bounds
/// check (the mask keeps the index inside the ring). The ring's address and
/// mask are kept in the deque itself, so a push or pop reads no storage
/// object. Copies of a deque share its ring: each is owned once (a station's
/// queue, a delay lane, a tap) and never copied to be mutated apart. (A copy
/// keeps the ring it saw alive through its own `storage` reference.)
public struct RingDeque<Element> {
    /// Owns the ring's slots (all initialised once allocated).
    var storage = GrowableTable<Element>.Storage(capacity: 1)
    /// `storage`'s element address and index mask (capacity - 1; -1 before the first push).
    var ring: UnsafeMutablePointer<Element>
    var mask = -1
    var head = 0
    /// Capacity of the first allocation (a power of two).
    let initialCapacity: Int
    public private(set) var count = 0

    public init(initialCapacity: Int = 16) {
        var capacity = 1
        while capacity < max(initialCapacity, 2) { capacity <<= 1 }
        self.initialCapacity = capacity
        ring = storage.base
    }

    public var isEmpty: Bool { count == 0 }
    public var capacity: Int { mask &+ 1 }

    @inline(__always) public mutating func pushBack(_ element: Element) {
        if count &- 1 == mask { grow(filler: element) }
        ring[(head &+ count) & mask] = element
        count &+= 1
    }

    public mutating func pushFront(_ element: Element) {
        if count &- 1 == mask { grow(filler: element) }
        head = (head &- 1) & mask
        ring[head] = element
        count &+= 1
    }

    @inline(__always) public mutating func popFront() -> Element? {
        guard count > 0 else { return nil }
        let element = ring[head]
        head = (head &+ 1) & mask
        count &-= 1
        return element
    }

    public mutating func popBack() -> Element? {
        guard count > 0 else { return nil }
        count &-= 1
        return ring[(head &+ count) & mask]
    }

    public var first: Element? { count > 0 ? ring[head] : nil }
    public var last: Element? { count > 0 ? ring[(head &+ count &- 1) & mask] : nil }

    /// The element `offset` places from the front (readable and writable in place).
    public subscript(offset: Int) -> Element {
        unsafeAddress {
            precondition(offset >= 0 && offset < count, "RingDeque index out of range")
            return UnsafePointer(ring + ((head &+ offset) & mask))
        }
        unsafeMutableAddress {
            precondition(offset >= 0 && offset < count, "RingDeque index out of range")
            return ring + ((head &+ offset) & mask)
        }
    }

    /// Removes every element for which `shouldRemove` is true, keeping order. O(n).
    public mutating func removeAll(where shouldRemove: (Element) -> Bool) {
        var kept = 0
        for offset in 0..<count {
            let element = ring[(head + offset) & mask]
            if !shouldRemove(element) {
                ring[(head + kept) & mask] = element
                kept += 1
            }
        }
        count = kept
    }

    /// Empties the deque, keeping its storage.
    public mutating func removeAll() {
        head = 0
        count = 0
    }

    /// Doubles the ring (or allocates the first one), front element first.
    mutating func grow(filler: Element) {
        let capacity = Swift.max(initialCapacity, self.capacity * 2)
        let bigger = GrowableTable<Element>.Storage(capacity: capacity)
        for offset in 0..<count { (bigger.base + offset).initialize(to: ring[(head + offset) & mask]) }
        (bigger.base + count).initialize(repeating: filler, count: capacity - count)
        bigger.initialized = capacity
        storage = bigger
        ring = bigger.base
        mask = capacity &- 1
        head = 0
    }
}
