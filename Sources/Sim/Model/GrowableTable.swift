/// A table whose element address and count are kept in the struct itself:
/// the World's per-entity tables, the event heap and its delay lanes, the
/// rings of `RingDeque`. The World tables the build completes (services,
/// versions, edges, clients, counters, histogram rows) are never appended
/// to again; the instance tables and a service's hosts grow when an
/// autoscaler adds instances.
///
/// Kept in a storage object instead (this type's predecessor, `FlatTable`),
/// every access loads the object, then the address, and after any store
/// through an element pointer the compiler must load them again (it cannot
/// prove the store missed them). Here they are fields of the owner's
/// struct, which the compiler keeps in registers across a handler. Every
/// subscript access is bounds-checked. Against `FlatTable`: -2.4% of the
/// three-tier bench for services, edges and clients, then -2.8% for the
/// rest of the World's tables and -0.6% for the event queue's lanes and rings.
///
/// Copies share the elements until one of them grows. Growing copies the
/// elements into a new buffer with its own storage object; a copy made
/// before then keeps the old buffer alive through its own reference, so a
/// stale copy reads stale elements, never freed memory. The World owns each
/// table once and never copies it. Appending and removing are `mutating`;
/// element writes go through the address, so a `let` table's elements can
/// still be updated in place.
struct GrowableTable<Element> {
    /// Owns one buffer; `initialized` says how many of its slots to
    /// deinitialise when the last copy that sees it goes. Plain values
    /// (`_isPOD`) need no deinitialising, so for them it is not kept up to
    /// date on every append and pop: that store was 0.16% of the bench.
    final class Storage {
        let base: UnsafeMutablePointer<Element>
        @exclusivity(unchecked) var initialized = 0

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
        }

        deinit {
            // Plain values need no deinitialising (and their count is not kept).
            if !_isPOD(Element.self) { base.deinitialize(count: initialized) }
            base.deallocate()
        }
    }

    private var storage: Storage
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(reservingCapacity capacity: Int = 16) {
        self.capacity = Swift.max(capacity, 1)
        storage = Storage(capacity: self.capacity)
        base = storage.base
    }

    init(repeating element: Element, count: Int) {
        self.init(elements: repeatElement(element, count: count))
    }

    init<S: Sequence>(_ elements: S) where S.Element == Element {
        self.init(elements: elements)
    }

    /// An empty table (a World before its build).
    init() {
        self.init(reservingCapacity: 1)
    }

    private init<S: Sequence>(elements: S) where S.Element == Element {
        self.init(reservingCapacity: elements.underestimatedCount)
        for element in elements { append(element) }
    }

    @inline(__always) subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "GrowableTable index out of range")
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "GrowableTable index out of range")
            return base + index
        }
    }

    /// The elements' address, for a non-escaping closure that reads them while
    /// nothing appends (capturing it costs no reference count), or for code
    /// that keeps its own bounds (a heap, a ring).
    @inline(__always) var unsafeBase: UnsafeMutablePointer<Element> { base }

    /// The address of element `index` (bounds-checked), for calling a method
    /// on it in place. Valid while nothing appends.
    @inline(__always) func address(_ index: Int) -> UnsafeMutablePointer<Element> {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "GrowableTable index out of range")
        return base + index
    }

    /// Adds `element` at the end (doubling the buffer when full).
    @inline(__always) mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count &+= 1
        if !_isPOD(Element.self) { storage.initialized = count }
    }

    /// Removes and returns the last element, or nil when the table is empty.
    @inline(__always) mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count &-= 1
        if !_isPOD(Element.self) { storage.initialized = count }
        return (base + count).move()
    }

    /// Removes every element, keeping the buffer.
    mutating func removeAll() {
        base.deinitialize(count: count)
        count = 0
        storage.initialized = 0
    }

    mutating func reserveCapacity(_ newCapacity: Int) {
        if newCapacity > capacity { grow(to: newCapacity) }
    }

    /// Moves to a buffer twice the size; the old one stays with whichever
    /// copies still see it.
    @inline(never) private mutating func grow(to newCapacity: Int? = nil) {
        capacity = newCapacity ?? capacity * 2
        let bigger = Storage(capacity: capacity)
        bigger.base.initialize(from: base, count: count)
        bigger.initialized = count
        storage = bigger
        base = bigger.base
    }
}

extension GrowableTable: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }
}
