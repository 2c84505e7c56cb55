import Testing
@testable import Sim

@Suite struct ByteDifferenceTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func equalBytesHaveNoDifference() {
        #expect(ByteDifference.between(bytes("a\nb\n"), bytes("a\nb\n")) == nil)
        #expect(ByteDifference.between([], []) == nil)
    }

    @Test func namesTheLineOffsetAndBothLines() {
        let difference = ByteDifference.between(bytes("time,value\n1,0.5\n2,0.75\n"), bytes("time,value\n1,0.5\n2,0.76\n"))
        #expect(difference == ByteDifference(line: 3, offset: 22, first: "2,0.75", second: "2,0.76"))
        #expect(difference?.description == "first difference at line 3 (byte 22):\n  first:  2,0.75\n  second: 2,0.76")
    }

    @Test func aFileThatEndsEarlyShowsEndOfFile() {
        let difference = ByteDifference.between(bytes("a\nb\n"), bytes("a\nb\nc\n"))
        #expect(difference == ByteDifference(line: 3, offset: 4, first: nil, second: "c"))
        #expect(ByteDifference.between(bytes("ab"), bytes("a")) == ByteDifference(line: 1, offset: 1, first: "ab", second: "a"))
    }
}
