/// A double-ended queue in a power-of-two ring buffer.
///
/// Grows by doubling when full (amortised O(1)); never shrinks, so a queue that
/// has reached its peak length allocates nothing more. Callers bound the length.
public struct RingDeque<Element> {
    @usableFromInline var storage: [Element?]
    @usableFromInline var head = 0
    @usableFromInline var mask: Int
    public private(set) var count = 0

    public init(initialCapacity: Int = 16) {
        var capacity = 1
        while capacity < max(initialCapacity, 2) { capacity <<= 1 }
        storage = Array(repeating: nil, count: capacity)
        mask = capacity - 1
    }

    @inlinable public var isEmpty: Bool { count == 0 }
    public var capacity: Int { storage.count }

    public mutating func pushBack(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head + count) & mask] = element
        count += 1
    }

    public mutating func pushFront(_ element: Element) {
        if count == storage.count { grow() }
        head = (head - 1) & mask
        storage[head] = element
        count += 1
    }

    public mutating func popFront() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head].take()
        head = (head + 1) & mask
        count -= 1
        return element
    }

    public mutating func popBack() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return storage[(head + count) & mask].take()
    }

    public var first: Element? { count > 0 ? storage[head] : nil }
    public var last: Element? { count > 0 ? storage[(head + count - 1) & mask] : nil }

    /// The element `offset` places from the front.
    public subscript(offset: Int) -> Element {
        precondition(offset >= 0 && offset < count, "RingDeque index out of range")
        return storage[(head + offset) & mask]!
    }

    /// Removes every element for which `shouldRemove` is true, keeping order. O(n).
    public mutating func removeAll(where shouldRemove: (Element) -> Bool) {
        var kept = 0
        for offset in 0..<count {
            let element = storage[(head + offset) & mask]!
            if !shouldRemove(element) {
                storage[(head + kept) & mask] = element
                kept += 1
            }
        }
        for offset in kept..<count { storage[(head + offset) & mask] = nil }
        count = kept
    }

    mutating func grow() {
        var bigger = [Element?](repeating: nil, count: storage.count * 2)
        for offset in 0..<count { bigger[offset] = storage[(head + offset) & mask] }
        storage = bigger
        head = 0
        mask = bigger.count - 1
    }
}
