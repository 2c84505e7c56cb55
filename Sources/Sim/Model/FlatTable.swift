/// A growable table of records reached through one pointer: reading or writing
/// an element costs a bounds check and an address computation, with no
/// copy-on-write uniqueness check (an `Array` pays one on every write, and the
/// World writes its records dozens of times per event).
///
/// The price is reference semantics: copies of a table share its storage. The
/// World owns each of its tables once and never copies one; code that needs a
/// snapshot takes `Array(table)`.
struct FlatTable<Element> {
    final class Storage {
        // Only the owning World touches a table, from one thread: the runtime
        // exclusivity checks a class property would get are pure cost here.
        @exclusivity(unchecked) var base: UnsafeMutablePointer<Element>
        @exclusivity(unchecked) var count = 0
        @exclusivity(unchecked) var capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 1)
            base = .allocate(capacity: self.capacity)
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        func grow(to newCapacity: Int) {
            let moved = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = newCapacity
        }
    }

    let storage: Storage

    init(reservingCapacity capacity: Int = 16) {
        storage = Storage(capacity: capacity)
    }

    init(repeating element: Element, count: Int) {
        self.init(reservingCapacity: count)
        for _ in 0..<count { append(element) }
    }

    init<S: Sequence>(_ elements: S) where S.Element == Element {
        self.init(reservingCapacity: elements.underestimatedCount)
        for element in elements { append(element) }
    }

    @inline(__always) var count: Int { storage.count }

    @inline(__always) subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "FlatTable index out of range")
            return UnsafePointer(storage.base + index)
        }
        nonmutating unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "FlatTable index out of range")
            return storage.base + index
        }
    }

    /// The elements' address, for a non-escaping closure that reads them while
    /// nothing appends to the table (capturing it costs no reference count).
    @inline(__always) var unsafeBase: UnsafeMutablePointer<Element> { storage.base }

    /// The address of element `index` (bounds-checked), for calling a method on
    /// the element in place: through the subscript, a call that takes closures
    /// or that the compiler cannot see into retains the storage around it, or
    /// copies the element out. Valid while nothing appends to the table.
    @inline(__always) func address(_ index: Int) -> UnsafeMutablePointer<Element> {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "FlatTable index out of range")
        return storage.base + index
    }
    /// Adds `element` at the end (doubling the storage when full).
    func append(_ element: Element) {
        if storage.count == storage.capacity { storage.grow(to: storage.capacity * 2) }
        (storage.base + storage.count).initialize(to: element)
        storage.count += 1
    }

    /// Removes and returns the last element, or nil when the table is empty.
    func popLast() -> Element? {
        guard storage.count > 0 else { return nil }
        storage.count -= 1
        return (storage.base + storage.count).move()
    }

    /// Removes every element, keeping the storage.
    func removeAll() {
        storage.base.deinitialize(count: storage.count)
        storage.count = 0
    }
    func reserveCapacity(_ capacity: Int) {
        if capacity > storage.capacity { storage.grow(to: capacity) }
    }
}

extension FlatTable: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }
}
