import Policy
import Testing
@testable import Scenarios

/// Member order is source order; duplicates are rejected; depth and size are
/// bounded with their own error kinds.
@Suite struct JSON5OrderAndLimitsTests {
    @Test func membersComeBackInSourceOrder() throws {
        // 200 keys in a seeded random order: a dictionary would scramble them.
        var rng = SplitMix64(seed: 42)
        var keys = (0 ..< 200).map { "k\($0)" }
        for index in keys.indices.reversed() {
            keys.swapAt(index, Int(rng.nextBelow(UInt64(index + 1))))
        }
        let source = "{" + keys.map { "\($0): 1" }.joined(separator: ", ") + "}"
        let members = try #require(try JSON5Parser.parse(source).objectMembers)
        #expect(members.map(\.key) == keys)
        #expect(keys.prefix(3) == ["k115", "k157", "k34"])
    }

    @Test func orderIsPartOfEquality() throws {
        #expect(try JSON5Parser.parse("{a: 1, b: 2}") != JSON5Parser.parse("{b: 2, a: 1}"))
        #expect(try JSON5Parser.parse("{a: 1, b: 2}") == ["a": 1, "b": 2])
    }

    @Test func sameKeyInDifferentObjectsIsFine() throws {
        let value = try JSON5Parser.parse("{a: {a: 1}, b: [{a: 2}, {a: 3}]}")
        #expect(value == ["a": ["a": 1], "b": [["a": 2], ["a": 3]]])
    }

    @Test func duplicateKeysAreRejectedAtAnyDepthEvenAfterManyMembers() {
        let many = (0 ..< 100).map { "k\($0): \($0)" }.joined(separator: ", ")
        do {
            _ = try JSON5Parser.parse("[{x: {\(many), 'k37': 0}}]")
            Issue.record("duplicate accepted")
        } catch {
            #expect(error.kind == .duplicateKey)
            #expect(error.message == "duplicate key \"k37\" in object: it is already defined at line 1, column 320")
            #expect(error.relatedPosition?.column == 320)
        }
    }

    @Test func defaultLimitsAre128LevelsAnd16MiB() {
        #expect(JSON5Limits.default == JSON5Limits(maxDepth: 128, maxDocumentBytes: 16_777_216))
        #expect(JSON5Parser().limits == .default)
    }

    @Test func nestingUpToTheDepthLimitParses() throws {
        let arrays = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        var value = try JSON5Parser.parse(arrays)
        var depth = 1
        while let inner = value[0] {
            value = inner
            depth += 1
        }
        #expect(depth == 128)
        let objects = String(repeating: "{a:", count: 128) + "1" + String(repeating: "}", count: 128)
        #expect(try JSON5Parser.parse(objects).value(at: JSONPath(Array(repeating: "a", count: 128))) == 1)
    }

    @Test func nestingBeyondTheDepthLimitIsALimitError() {
        for source in [String(repeating: "[", count: 129) + String(repeating: "]", count: 129),
                       String(repeating: "{a:", count: 128) + "[]" + String(repeating: "}", count: 128),
                       String(repeating: "[", count: 100_000)] {
            do {
                _ = try JSON5Parser.parse(source)
                Issue.record("too deep accepted")
            } catch {
                #expect(error.kind == .depthLimitExceeded)
                #expect(error.isLimit)
                #expect(error.message == "nesting too deep: more than 128 levels of arrays and objects (the limit)")
                #expect(error.position.column == (source.hasPrefix("{") ? 385 : 129))
            }
        }
    }

    @Test func customDepthLimit() throws {
        let parser = JSON5Parser(limits: JSON5Limits(maxDepth: 2))
        #expect(try parser.parse("[[1], {a: 2}]") == [[1], ["a": 2]])
        #expect(throws: JSON5Error(kind: .depthLimitExceeded,
                                   message: "nesting too deep: more than 2 levels of arrays and objects (the limit)",
                                   position: SourcePosition(line: 1, column: 3, offset: 2))) {
            try parser.parse("[[[1]]]")
        }
    }

    @Test func documentsOverTheSizeLimitAreRejectedBeforeParsing() {
        let parser = JSON5Parser(limits: JSON5Limits(maxDocumentBytes: 10))
        #expect(throws: Never.self) { try parser.parse("[1,2,3,4]") }
        #expect(throws: Never.self) { try parser.parse("[1,2,3,45]") }
        // 11 bytes, and not even valid: the size is checked first.
        #expect(throws: JSON5Error(kind: .sizeLimitExceeded,
                                   message: "document too large: 11 bytes, more than the limit of 10 bytes",
                                   position: .start)) {
            try parser.parse("[1,2,3,4,56")
        }
        // Bytes, not characters: five 2-byte characters are 12 bytes with the quotes.
        #expect(throws: JSON5Error.self) { try parser.parse("'ééééé'") }
        #expect(throws: JSON5Error.self) { try parser.parse(utf8: Array("'ééééé'".utf8)) }
    }

    @Test func defaultSizeLimitIs16MiB() {
        let tooBig = "'" + String(repeating: "a", count: 16 * 1024 * 1024 - 1) + "'"
        do {
            _ = try JSON5Parser.parse(tooBig)
            Issue.record("16 MiB + 1 accepted")
        } catch {
            #expect(error.kind == .sizeLimitExceeded)
            #expect(error.message == "document too large: 16777217 bytes, more than the limit of 16777216 bytes")
        }
    }
}
