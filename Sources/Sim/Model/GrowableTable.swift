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
/// struct, which the compiler keeps in registers across a handler. Against
/// `FlatTable`: -2.4% of the three-tier bench for services, edges and
/// clients, then -2.8% for the rest of the World's tables and -0.6% for the
/// event queue's lanes and rings.
///
/// Bounds checks are compiled in with `FAULTSIM_CHECKED` (see
/// `boundsChecked`), as `UnsafeMutableBufferPointer` checks only in debug
/// builds. Every index the World uses comes from its own records, which the
/// build fills from a validated spec, and no table ever shrinks; the checks
/// guard against a bug in that code, not against input. Debug builds, the
/// test command and CI (every test and every scenario file) define it; the
/// release binary does not: the checks were about 75 compare-and-branch
/// pairs per service visit, 6% of the instructions and 1.024x in wall time
/// on the three-tier bench.
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
    ///
    /// The buffer starts on a cache line (64 bytes); element 0 sits
    /// `leadingSlots` elements past that start (see `init(reservingCapacity:leadingSlots:)`).
    final class Storage {
        let base: UnsafeMutablePointer<Element>
        /// The allocation, `leadingSlots` elements before `base`.
        let allocation: UnsafeMutableRawPointer
        @exclusivity(unchecked) var initialized = 0

        init(capacity: Int, leadingSlots: Int = 0) {
            let stride = MemoryLayout<Element>.stride
            allocation = CacheLine.allocate(byteCount: (capacity + leadingSlots) * stride, alignment: MemoryLayout<Element>.alignment)
            base = allocation.bindMemory(to: Element.self, capacity: capacity + leadingSlots) + leadingSlots
        }

        deinit {
            // Plain values need no deinitialising (and their count is not kept).
            if !_isPOD(Element.self) { base.deinitialize(count: initialized) }
            allocation.deallocate()
        }
    }

    private var storage: Storage
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int
    /// Unused element slots between the cache-line start and element 0.
    let leadingSlots: Int

    /// An empty table with room for `capacity` elements. `leadingSlots`
    /// shifts element 0 that many elements past a cache-line start, for a
    /// layout whose groups of elements should each start on one (the event
    /// queue's heap: node n's children are elements 4n + 1 ... 4n + 4, so
    /// with 3 leading slots each group of four starts 4(n + 1) slots in).
    init(reservingCapacity capacity: Int = 16, leadingSlots: Int = 0) {
        self.capacity = Swift.max(capacity, 1)
        self.leadingSlots = leadingSlots
        storage = Storage(capacity: self.capacity, leadingSlots: leadingSlots)
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
            checkIndex(index)
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            checkIndex(index)
            return base + index
        }
    }

    /// Whether this build checks every index (`FAULTSIM_CHECKED`; the test
    /// suite asserts that it runs with the checks on).
    static var boundsChecked: Bool {
        #if FAULTSIM_CHECKED
        true
        #else
        false
        #endif
    }

    /// Traps on an index outside `0..<count` in a checked build; nothing otherwise.
    @inline(__always) func checkIndex(_ index: Int) {
        #if FAULTSIM_CHECKED
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "GrowableTable index out of range")
        #endif
    }

    /// The elements' address, for a non-escaping closure that reads them while
    /// nothing appends (capturing it costs no reference count), or for code
    /// that keeps its own bounds (a heap, a ring).
    @inline(__always) var unsafeBase: UnsafeMutablePointer<Element> { base }

    /// The address of element `index` (bounds-checked in a checked build),
    /// for calling a method on it in place. Valid while nothing appends.
    @inline(__always) func address(_ index: Int) -> UnsafeMutablePointer<Element> {
        checkIndex(index)
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
        let bigger = Storage(capacity: capacity, leadingSlots: leadingSlots)
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
