import Policy
import Testing
@testable import Scenarios

/// Our parser against Foundation's `JSONDecoder` with `allowsJSON5` (this
/// toolchain's swift-foundation): same acceptance, same values, compared by
/// `Canonical` rendering since Foundation does not keep member order.
/// Where Foundation departs from the spec, `JSON5FoundationDifferenceTests`
/// pins the difference and we follow the spec.
@Suite struct JSON5DifferentialTests {
    @Test func agreesWithFoundationOnGeneratedDocuments() throws {
        var generator = JSON5DocumentGenerator(seed: 0xD1FF_0001, dialect: .foundationCompatible)
        for _ in 0 ..< 300 {
            let document = generator.document()
            let ours = try JSON5Parser.parse(document.text)
            #expect(ours == document.value, "\(document.text.debugDescription)")
            let theirs = FoundationMirror.decode(document.text)
            #expect(theirs.map(Canonical.of) == Canonical.of(ours), "\(document.text.debugDescription)")
        }
    }

    /// The feature table, minus the documents that use what Foundation lacks
    /// (listed here by index, each pinned in `JSON5FoundationDifferenceTests`).
    @Test func agreesWithFoundationOnTheFeatureTableExceptKnownDifferences() throws {
        let differing: Set<Int> = [8, 15, 16, 17, 21, 22, 23, 31]
        for (index, document) in JSON5FeatureTests.documents.enumerated() {
            let ours = Canonical.of(try JSON5Parser.parse(document.source))
            let theirs = FoundationMirror.decode(document.source).map(Canonical.of)
            #expect((theirs == ours) == !differing.contains(index), "\(index): \(document.source.debugDescription)")
        }
    }

    /// Foundation rejects every document of the error table too, except
    /// duplicate keys (it keeps the first) and a backslash in an unquoted key
    /// (it keeps it as a character); `1e+` is kept from it (it would crash).
    @Test func foundationRejectsTheErrorTableExceptKnownDifferences() {
        var acceptedByFoundation: [String] = []
        var keptFromFoundation: [String] = []
        for row in JSON5ErrorTableTests.rows {
            if FoundationMirror.trapsFoundation(row.source) {
                keptFromFoundation.append(row.source)
            } else if FoundationMirror.decode(row.source) != nil {
                acceptedByFoundation.append(row.source)
            }
        }
        #expect(acceptedByFoundation == ["{a:1,a:2}", "{\n  'key': 1,\n  key: 2\n}", "{a:1, \"\\u0061\": 2}", "{a\\x41: 1}"])
        #expect(keptFromFoundation == ["1e+"])
    }

    /// One-scalar deletions and insertions outside string contents (where
    /// neither dialect's escapes come into play) of compatible documents:
    /// both accept with the same value, or both reject; the one allowed
    /// disagreement is a duplicate key the mutation created (Foundation keeps
    /// the first). Texts on which Foundation would crash (`1E+` with its digit
    /// deleted) are kept from it; we reject them as invalid numbers. Counts
    /// pinned for the seed.
    @Test func mutationsAreAcceptedOrRejectedAlike() throws {
        var generator = JSON5DocumentGenerator(seed: 0xD1FF_0002, dialect: .foundationCompatible)
        var rng = SplitMix64(seed: 0xD1FF_0003)
        let insertions = [",", ":", "[", "]", "{", "}", "\"", "'", "/", "*", " ", "\n", "0", "a", "-", "."]
        var bothAccept = 0, bothReject = 0, duplicateKeys = 0, foundationWouldCrash = 0
        for _ in 0 ..< 400 {
            let document = generator.document()
            for _ in 0 ..< 5 {
                let text = Self.mutate(document, insertions: insertions, using: &rng)
                if FoundationMirror.trapsFoundation(text) {
                    #expect(throws: JSON5Error.self) { try JSON5Parser.parse(text) }
                    foundationWouldCrash += 1
                    continue
                }
                let theirs = FoundationMirror.decode(text)
                do {
                    let ours = try JSON5Parser.parse(text)
                    #expect(theirs.map(Canonical.of) == Canonical.of(ours), "\(text.debugDescription)")
                    bothAccept += 1
                } catch {
                    if error.kind == .duplicateKey {
                        #expect(theirs != nil, "\(text.debugDescription)")
                        duplicateKeys += 1
                    } else {
                        #expect(theirs == nil, "\(text.debugDescription): \(error)")
                        bothReject += 1
                    }
                }
            }
        }
        #expect([bothAccept, bothReject, duplicateKeys, foundationWouldCrash] == [835, 1158, 0, 7])
    }

    /// Deletes the scalar at, or inserts one of `insertions` before, a random
    /// structural offset of `document`.
    static func mutate(_ document: GeneratedDocument, insertions: [String], using rng: inout SplitMix64) -> String {
        var bytes = Array(document.text.utf8)
        let offsets = document.structuralOffsets
        let at = offsets[Int(rng.nextBelow(UInt64(offsets.count)))]
        if rng.chance(0.5) && at < bytes.count {
            let lead = bytes[at]
            let width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            bytes.removeSubrange(at ..< at + width)
        } else {
            bytes.insert(contentsOf: Array(insertions[Int(rng.nextBelow(UInt64(insertions.count)))].utf8), at: at)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
