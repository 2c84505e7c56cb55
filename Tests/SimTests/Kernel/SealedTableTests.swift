import Testing
@testable import Sim

@Suite struct SealedTableTests {
    /// The elements, in order, written in place through the subscript and
    /// `address`; copies share them, like a `FlatTable`'s.
    @Test func holdsItsElementsInOrderAndWritesInPlace() {
        let table = SealedTable((0..<1_000).map { $0 * 3 })
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
        #expect(Array(SealedTable<Int>().indices) == [])
    }

    /// Elements are released with the last copy of the table.
    @Test func releasesItsElements() {
        final class Box {}
        weak var watched: Box?
        do {
            let box = Box()
            watched = box
            let table = SealedTable([box, Box()])
            let alias = table
            #expect(alias.count == 2)
            #expect(watched != nil)
        }
        #expect(watched == nil)
    }
}
