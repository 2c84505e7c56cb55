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
public struct RingDeque<Element> {
    @usableFromInline var storage: [Element] = []
    @usableFromInline var head = 0
    /// Capacity of the first allocation (a power of two).
    @usableFromInline let initialCapacity: Int
    public private(set) var count = 0

    public init(initialCapacity: Int = 16) {
        var capacity = 1
        while capacity < max(initialCapacity, 2) { capacity <<= 1 }
        self.initialCapacity = capacity
    }

    @inlinable public var isEmpty: Bool { count == 0 }
    public var capacity: Int { storage.count }
    /// Index mask of the ring (valid once storage exists).
    @inlinable var mask: Int { storage.count &- 1 }

    public mutating func pushBack(_ element: Element) {
        if count == storage.count { grow(filler: element) }
        storage[(head &+ count) & mask] = element
        count &+= 1
    }

    public mutating func pushFront(_ element: Element) {
        if count == storage.count { grow(filler: element) }
        head = (head &- 1) & mask
        storage[head] = element
        count &+= 1
    }

    public mutating func popFront() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        head = (head &+ 1) & mask
        count &-= 1
        return element
    }

    public mutating func popBack() -> Element? {
        guard count > 0 else { return nil }
        count &-= 1
        return storage[(head &+ count) & mask]
    }

    public var first: Element? { count > 0 ? storage[head] : nil }
    public var last: Element? { count > 0 ? storage[(head &+ count &- 1) & mask] : nil }

    /// The element `offset` places from the front.
    public subscript(offset: Int) -> Element {
        precondition(offset >= 0 && offset < count, "RingDeque index out of range")
        return storage[(head + offset) & mask]
    }

    /// Removes every element for which `shouldRemove` is true, keeping order. O(n).
    public mutating func removeAll(where shouldRemove: (Element) -> Bool) {
        var kept = 0
        for offset in 0..<count {
            let element = storage[(head + offset) & mask]
            if !shouldRemove(element) {
                storage[(head + kept) & mask] = element
                kept += 1
            }
        }
        count = kept
    }

    mutating func grow(filler: Element) {
        var bigger = [Element](repeating: filler, count: Swift.max(initialCapacity, storage.count * 2))
        for offset in 0..<count { bigger[offset] = storage[(head + offset) & mask] }
        storage = bigger
        head = 0
    }
}
