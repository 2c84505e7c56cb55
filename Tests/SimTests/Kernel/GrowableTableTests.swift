import Testing
@testable import Sim

@Suite struct GrowableTableTests {
    struct Record: Equatable {
        var id: Int
        var label: String
    }

    /// Growth copies every element to the new buffer: after 10,000 appends
    /// from a capacity of 1 each record holds what was written, and writes
    /// through the subscript and `address` land in the current buffer.
    @Test func appendsPastCapacityKeepEveryElementAndWritesInPlace() {
        var table = GrowableTable<Record>(reservingCapacity: 1)
        for id in 0..<10_000 { table.append(Record(id: id, label: "r\(id)")) }
        #expect(table.count == 10_000)
        #expect(table.capacity == 16_384)
        table[4_321].id += 1_000_000
        table.address(9_999).pointee.label = "last"
        #expect(table[4_321] == Record(id: 1_004_321, label: "r4321"))
        #expect(table[9_999].label == "last")
        #expect(table.reduce(0) { $0 + $1.id } == (0..<10_000).reduce(0, +) + 1_000_000)
    }

    /// Copies share elements until one grows; a copy made before the growth
    /// keeps reading the buffer it saw (stale, never freed).
    @Test func aCopyKeepsTheBufferItSaw() {
        var table = GrowableTable<Int>(reservingCapacity: 2)
        table.append(1)
        table.append(2)
        let before = table
        table[0] = 10
        #expect(before[0] == 10)
        table.append(3)  // grows: a new buffer
        table[1] = 20
        #expect(Array(table) == [10, 20, 3])
        #expect(Array(before) == [10, 2])
    }

    /// The test command and CI build with `FAULTSIM_CHECKED` (README, "Set-up"):
    /// every test and scenario runs with the World's tables bounds-checked.
    /// Dropping the flag from the command fails here, not silently.
    @Test func testBuildsCheckEveryTableIndex() {
        #expect(GrowableTable<Int>.boundsChecked)
    }

    /// `popLast` and `removeAll` give up their elements; the buffer is kept.
    @Test func popLastAndRemoveAll() {
        var table = GrowableTable(repeating: 5, count: 3)
        table.append(6)
        let last = table.popLast()
        #expect(last == 6)
        #expect(Array(table) == [5, 5, 5])
        table.removeAll()
        let none = table.popLast()
        #expect(table.count == 0 && none == nil && table.capacity == 6)
    }

    /// Elements are released exactly once: with the table, and after a
    /// growth only when the last copy that sees the old buffer is gone.
    @Test func releasesItsElementsOnceEveryBufferIsGone() {
        final class Box {}
        weak var first: Box?
        weak var popped: Box?
        do {
            var table = GrowableTable<Box>(reservingCapacity: 1)
            let box = Box()
            first = box
            table.append(box)
            let stale = table
            for _ in 0..<10 { table.append(Box()) }
            popped = table[10]
            let taken = table.popLast()
            #expect(taken != nil && popped != nil)
            #expect(stale.count == 1 && stale[0] === first)
        }
        #expect(first == nil)
        #expect(popped == nil)
    }

    /// A table built from a collection holds its elements in order; copies
    /// share them (nothing grows), and writes through the subscript and
    /// `address` land in place.
    @Test func holdsItsElementsInOrderAndCopiesShareThem() {
        let table = GrowableTable((0..<1_000).map { $0 * 3 })
        #expect(table.count == 1_000)
        #expect(table[999] == 2_997)
        let alias = table
        alias[10] = -1
        table.address(20).pointee += 5
        #expect(table[10] == -1)
        #expect(alias[20] == 65)
        // 3 * (0 + ... + 999) = 1,498,500; element 10 went from 30 to -1, element 20 gained 5.
        let sum: Int = table.reduce(0, +)
        #expect(sum == 1_498_500 - 31 + 5)
        #expect(Array(GrowableTable<Int>().indices) == [])
    }
}
