import Testing
@testable import Scenarios

/// Seeded random documents: the parser must return exactly the value the
/// generator meant (members in written order), and rendering must round-trip.
@Suite struct JSON5GeneratedDocumentTests {
    static let documentCount = 500

    static func documents(seed: UInt64, dialect: JSON5DocumentGenerator.Dialect) -> [GeneratedDocument] {
        var generator = JSON5DocumentGenerator(seed: seed, dialect: dialect)
        return (0 ..< documentCount).map { _ in generator.document() }
    }

    @Test func everySpecFeatureParsesToTheGeneratedValue() throws {
        for document in Self.documents(seed: 0x5EED_0001, dialect: .spec) {
            let parsed = try JSON5Parser.parse(document.text)
            #expect(parsed == document.value, "\(document.text.debugDescription)")
        }
    }

    @Test func generatorCoversEveryFeature() {
        let texts = Self.documents(seed: 0x5EED_0001, dialect: .spec).map(\.text).joined()
        for feature in ["//", "/*", "0x", "0X", "Infinity", "NaN", "+", ",]", ",}", "'", "\\x", "\\u", "\\v", "\\0",
                        "\\\n", "\\\r\n", "\\\u{2028}", "\u{00A0}", "\u{FEFF}", "\u{2028}", "é", "🎼", "E+0", "e-"] {
            #expect(texts.contains(feature), "no \(feature.debugDescription) in the generated documents")
        }
    }

    @Test func json5RenderingRoundTrips() throws {
        for document in Self.documents(seed: 0x5EED_0002, dialect: .spec) {
            let rendered = document.value.json5()
            let reparsed = try JSON5Parser.parse(rendered)
            #expect(reparsed == document.value, "\(rendered)")
            // Rendering is a fixed point: the second rendering is the same bytes.
            #expect(reparsed.json5() == rendered)
            #expect(try JSON5Parser.parse(document.value.json5(indent: 0)) == document.value)
        }
    }

    @Test func jsonRenderingRoundTripsFiniteDocuments() throws {
        var checked = 0
        for document in Self.documents(seed: 0x5EED_0003, dialect: .spec) where Self.isFinite(document.value) {
            let rendered = document.value.json()
            #expect(try JSON5Parser.parse(rendered) == document.value, "\(rendered)")
            // Foundation's strict (not JSON5) reader accepts it and reads the same value.
            let strict = FoundationMirror.decode(rendered, json5: false)
            #expect(strict.map(Canonical.of) == Canonical.of(document.value), "\(rendered)")
            checked += 1
        }
        #expect(checked == 444)
    }

    static func isFinite(_ value: JSONValue) -> Bool {
        switch value {
        case .number(let number, _): number.doubleValue.isFinite
        case .array(let elements, _): elements.allSatisfy(isFinite)
        case .object(let members, _): members.allSatisfy { isFinite($0.value) }
        default: true
        }
    }
}
