import Policy
import Testing
@testable import Scenarios

/// Random byte mutations of valid documents never crash the parser: each
/// either parses (and then round-trips) or throws a `JSON5Error` whose
/// position is inside the document and agrees with its byte offset.
@Suite struct JSON5FuzzTests {
    /// One random edit: overwrite, delete, insert (a JSON5 punctuation byte
    /// or a random one), duplicate a span, or truncate. Random bytes are ASCII
    /// nine times in ten, so most edits get past the UTF-8 check to the grammar.
    static func mutate(_ bytes: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var out = bytes
        let at = Int(rng.nextBelow(UInt64(out.count + 1)))
        let interesting = Array("{}[]:,'\"\\/*+-.0xeE\n".utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xFF]
        switch rng.nextBelow(6) {
        case 0 where at < out.count:
            out[at] = randomByte(using: &rng)
        case 1 where at < out.count:
            out.remove(at: at)
        case 2:
            out.insert(interesting[Int(rng.nextBelow(UInt64(interesting.count)))], at: at)
        case 3 where at < out.count:
            let end = min(out.count, at + Int(rng.nextBelow(16)) + 1)
            out.insert(contentsOf: out[at ..< end], at: Int(rng.nextBelow(UInt64(out.count + 1))))
        case 4:
            out.removeSubrange(at...)
        default:
            out.insert(randomByte(using: &rng), at: at)
        }
        return out
    }

    static func randomByte(using rng: inout SplitMix64) -> UInt8 {
        let byte = UInt8(truncatingIfNeeded: rng.next())
        return rng.chance(0.9) ? byte & 0x7F : byte
    }

    /// What one parse of mutated bytes came to, checked for consistency.
    static func outcome(of bytes: [UInt8]) -> String {
        do {
            let value = try JSON5Parser().parse(utf8: bytes)
            // Whatever parses must render and parse back to the same value.
            #expect(try JSON5Parser.parse(value.json5()) == value)
            return "accepted"
        } catch {
            var locator = LineLocator(bytes: bytes)
            #expect(error.position.offset >= 0 && error.position.offset <= bytes.count)
            #expect(locator.position(at: error.position.offset) == error.position)
            #expect(!error.message.isEmpty)
            return error.kind.rawValue
        }
    }

    @Test func thousandsOfByteMutationsParseOrThrowConsistently() {
        var generator = JSON5DocumentGenerator(seed: 0xF022_0001, dialect: .spec)
        var rng = SplitMix64(seed: 0xF022_0002)
        var counts: [String: Int] = [:]
        for _ in 0 ..< 500 {
            var bytes = Array(generator.document().text.utf8)
            // Up to three stacked edits per round, ten rounds per document.
            for round in 0 ..< 10 {
                if round % 3 == 0 { bytes = Array(generator.document().text.utf8) }
                bytes = Self.mutate(bytes, using: &rng)
                counts[Self.outcome(of: bytes), default: 0] += 1
            }
        }
        #expect(counts.values.reduce(0, +) == 5000)
        // Every error kind but the two limits occurs (the generator stays within them).
        #expect(counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } == [
            "accepted=555", "controlCharacterInString=47", "duplicateKey=2", "invalidEscape=176",
            "invalidNumber=98", "invalidUTF8=1519", "trailingContent=349", "unexpectedCharacter=1509",
            "unexpectedEndOfInput=489", "unterminatedComment=126", "unterminatedString=130",
        ])
    }

    @Test func mutatedTextThroughTheStringEntryPointNeverCrashes() {
        var generator = JSON5DocumentGenerator(seed: 0xF022_0003, dialect: .spec)
        var rng = SplitMix64(seed: 0xF022_0004)
        var accepted = 0
        for _ in 0 ..< 2000 {
            let bytes = Self.mutate(Array(generator.document().text.utf8), using: &rng)
            // Invalid UTF-8 becomes U+FFFD here, so this path never sees bad bytes.
            let text = String(decoding: bytes, as: UTF8.self)
            if (try? JSON5Parser.parse(text)) != nil { accepted += 1 }
        }
        #expect(accepted == 475)
    }
}
