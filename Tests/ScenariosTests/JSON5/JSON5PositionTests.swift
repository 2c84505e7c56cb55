import Testing
@testable import Scenarios

/// Every value and key records where it starts: line and column (1-based,
/// columns in Unicode scalars) and byte offset.
@Suite struct JSON5PositionTests {
    @Test func valuesAndKeysRecordTheirPositions() throws {
        let source = """
        {
          name: 'api',\r
          "ports": [80,\t443],
          é: { deep: null },
        }
        """
        let root = try JSON5Parser.parse(source)
        #expect(root.position == SourcePosition(line: 1, column: 1, offset: 0))
        let members = try #require(root.objectMembers)
        #expect(members.map(\.keyPosition) == [
            SourcePosition(line: 2, column: 3, offset: 4),
            SourcePosition(line: 3, column: 3, offset: 20),
            SourcePosition(line: 4, column: 3, offset: 42),
        ])
        #expect(members[0].value.position == SourcePosition(line: 2, column: 9, offset: 10))
        #expect(members[1].value.position == SourcePosition(line: 3, column: 12, offset: 29))
        #expect(root["ports"]?[1]?.position == SourcePosition(line: 3, column: 17, offset: 34))
        // 'é' is one column but two bytes.
        #expect(members[2].value.position == SourcePosition(line: 4, column: 6, offset: 46))
        let deep = try #require(members[2].value.member(named: "deep"))
        #expect(deep.keyPosition == SourcePosition(line: 4, column: 8, offset: 48))
        #expect(deep.value.position == SourcePosition(line: 4, column: 14, offset: 54))
    }

    @Test func lineTerminatorsAreLFCRCRLFAndUnicodeSeparators() throws {
        let source = "[1,\n2,\r3,\r\n4,\u{2028}5,\u{2029}6, /* a\nb */ 7, // c\r\n8]"
        let elements = try #require(try JSON5Parser.parse(source).arrayValue)
        #expect(elements.map(\.position.line) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(elements.map(\.position.column) == [2, 1, 1, 1, 1, 1, 6, 1])
    }

    @Test func columnsCountScalarsNotBytesOrGraphemes() throws {
        // 'e' + U+0301 is one grapheme but two scalars; the emoji is 4 bytes.
        let source = "['e\u{0301}🎼', x]"
        do {
            _ = try JSON5Parser.parse(source)
            Issue.record("accepted")
        } catch {
            #expect(error.position == SourcePosition(line: 1, column: 9, offset: 12))
        }
    }

    @Test func locatorAnswersEarlierOffsetsByRescanning() {
        var locator = LineLocator(bytes: Array("ab\ncd\nef".utf8))
        #expect(locator.position(at: 7) == SourcePosition(line: 3, column: 2, offset: 7))
        #expect(locator.position(at: 4) == SourcePosition(line: 2, column: 2, offset: 4))
        #expect(locator.position(at: 0) == SourcePosition(line: 1, column: 1, offset: 0))
        #expect(locator.position(at: 8) == SourcePosition(line: 3, column: 3, offset: 8))
    }

    @Test func positionsAreIgnoredByEquality() throws {
        #expect(try JSON5Parser.parse("\n\n  [1, {a: 'x'}]") == JSON5Parser.parse("[1,{a:'x'}]"))
        #expect(SourcePosition.unknown.isKnown == false)
        #expect(SourcePosition.start.isKnown)
        #expect(SourcePosition(line: 2, column: 1, offset: 5) < SourcePosition(line: 1, column: 9, offset: 8))
        #expect(SourcePosition(line: 12, column: 5, offset: 0).description == "line 12, column 5")
    }
}
