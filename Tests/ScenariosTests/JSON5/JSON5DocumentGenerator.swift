import Policy
@testable import Scenarios

/// A JSON5 text and the value it must parse to.
struct GeneratedDocument {
    var text: String
    var value: JSONValue
    /// Byte offsets (UTF-8) that are outside string literals' contents: where
    /// mutations cannot create escapes on which the dialects disagree.
    var structuralOffsets: [Int]
}

/// Seeded random JSON5 documents for differential, round-trip and fuzz tests.
///
/// It writes each value with randomly chosen spellings (quotes, escapes, hex,
/// signs, leading or trailing points, comments, unusual white space, trailing
/// commas) and builds the expected `JSONValue` alongside, so the text and its
/// meaning come from one decision each: the generator is the oracle.
///
/// `.foundationCompatible` keeps to what Foundation's JSON5 reader accepts on
/// this toolchain (no `\v`, `\0`, identity or line-continuation escapes, no
/// escapes in unquoted keys, no white space beyond ASCII, no `\u0000`), so the
/// two parsers can be compared; `.spec` uses every feature.
struct JSON5DocumentGenerator {
    enum Dialect { case spec, foundationCompatible }

    var rng: SplitMix64
    let dialect: Dialect
    var maxDepth = 4
    private var text = ""
    private var structural: [Int] = []

    init(seed: UInt64, dialect: Dialect) {
        self.rng = SplitMix64(seed: seed)
        self.dialect = dialect
    }

    /// One document: trivia, a value (usually a container), trivia.
    mutating func document() -> GeneratedDocument {
        text = ""
        structural = []
        writeTrivia()
        let value = rng.chance(0.9) ? container(depth: 0) : value(depth: 0)
        writeTrivia()
        structural.append(text.utf8.count)
        return GeneratedDocument(text: text, value: value, structuralOffsets: structural)
    }

    // MARK: Values

    private mutating func value(depth: Int) -> JSONValue {
        switch rng.nextBelow(depth >= maxDepth ? 5 : 7) {
        case 0:
            write("null")
            return .null()
        case 1:
            let flag = rng.chance(0.5)
            write(flag ? "true" : "false")
            return .bool(flag)
        case 2, 3:
            return .number(number())
        case 4:
            return .string(string())
        default:
            return container(depth: depth)
        }
    }

    private mutating func container(depth: Int) -> JSONValue {
        rng.chance(0.5) ? array(depth: depth) : object(depth: depth)
    }

    private mutating func array(depth: Int) -> JSONValue {
        write("[")
        var elements: [JSONValue] = []
        for index in 0 ..< Int(rng.nextBelow(5)) {
            if index > 0 { write(",") }
            writeTrivia()
            elements.append(value(depth: depth + 1))
            writeTrivia()
        }
        closeContainer("]", isEmpty: elements.isEmpty)
        return .array(elements)
    }

    private mutating func object(depth: Int) -> JSONValue {
        write("{")
        var members: [JSONMember] = []
        for _ in 0 ..< Int(rng.nextBelow(5)) {
            let key = randomKey()
            // Distinct under Swift's canonical equivalence too: Foundation
            // merges keys that are canonically equivalent.
            guard !members.contains(where: { $0.key == key }) else { continue }
            if !members.isEmpty { write(",") }
            writeTrivia()
            writeKey(key)
            writeTrivia()
            write(":")
            writeTrivia()
            members.append(JSONMember(key: key, value: value(depth: depth + 1)))
            writeTrivia()
        }
        closeContainer("}", isEmpty: members.isEmpty)
        return .object(members)
    }

    private mutating func closeContainer(_ closer: String, isEmpty: Bool) {
        if !isEmpty && rng.chance(0.3) {
            write(",")
            writeTrivia()
        }
        write(closer)
    }

    // MARK: Numbers

    private mutating func number() -> JSONNumber {
        switch rng.nextBelow(10) {
        case 0 ..< 5: integer()
        case 5 ..< 9: fraction()
        default: named()
        }
    }

    private mutating func sign() -> (text: String, isNegative: Bool) {
        switch rng.nextBelow(4) {
        case 0: ("-", true)
        case 1: ("+", false)
        default: ("", false)
        }
    }

    private mutating func integer() -> JSONNumber {
        let bounds: [UInt64] = [10, 1000, 1 << 40, UInt64(Int64.max)]
        var magnitude = rng.nextBelow(bounds[Int(rng.nextBelow(4))])
        let (signText, isNegative) = sign()
        let digits: String
        switch rng.nextBelow(6) {
        case 0:
            // Foundation rejects hex literals that a double cannot hold exactly.
            if dialect == .foundationCompatible { magnitude %= 1 << 53 }
            let hex = String(magnitude, radix: 16, uppercase: rng.chance(0.5))
            digits = (rng.chance(0.5) ? "0x" : "0X") + hex
        case 1: digits = "\(magnitude)."
        case 2: digits = "\(magnitude).0"
        case 3: digits = "\(magnitude)e0"
        default: digits = "\(magnitude)"
        }
        let exact = isNegative ? -Int64(magnitude) : Int64(magnitude)
        let spelled = signText + digits
        write(spelled, structural: true)
        // -0 is an integer 0 but the double -0.0, as in ECMAScript.
        let double = isNegative ? -Double(magnitude) : Double(magnitude)
        return JSONNumber(text: spelled, doubleValue: double, int64Value: exact)
    }

    private mutating func fraction() -> JSONNumber {
        // m / 10^k with m not a multiple of 10: never a whole number.
        let places = Int(rng.nextBelow(6)) + 1
        var mantissa = rng.nextBelow(1_000_000) + 1
        if mantissa % 10 == 0 { mantissa += 1 }
        var scale: UInt64 = 1
        for _ in 0 ..< places { scale *= 10 }
        let whole = mantissa / scale
        let part = String(mantissa % scale)
        let fractionDigits = String(repeating: "0", count: places - part.count) + part
        let (signText, isNegative) = sign()
        let digits: String
        switch rng.nextBelow(4) {
        case 0: digits = "\(mantissa)e-\(places)"
        case 1: digits = "\(whole).\(fractionDigits)E+0"
        case 2 where whole == 0: digits = ".\(fractionDigits)"
        default: digits = "\(whole).\(fractionDigits)"
        }
        let magnitudeValue = Double("\(mantissa)e-\(places)")!
        let spelled = signText + digits
        write(spelled, structural: true)
        return JSONNumber(text: spelled, doubleValue: isNegative ? -magnitudeValue : magnitudeValue, int64Value: nil)
    }

    private mutating func named() -> JSONNumber {
        let (signText, isNegative) = sign()
        let isNaN = rng.chance(0.3)
        let spelled = signText + (isNaN ? "NaN" : "Infinity")
        write(spelled, structural: true)
        let value: Double = isNaN ? .nan : isNegative ? -.infinity : .infinity
        return JSONNumber(text: spelled, doubleValue: value, int64Value: nil)
    }

    // MARK: Strings and keys

    /// Characters strings are made of: ASCII, both quotes, backslash, control
    /// characters, letters beyond ASCII (composed and decomposed), an emoji,
    /// and characters the spec treats specially (U+2028, U+2029, U+00A0).
    private static let alphabet: [Unicode.Scalar] = Array("abcxyzABZ _-.:,{}[]/*09'\"\\é名🎼\u{0301}".unicodeScalars)
        + ["\u{08}", "\u{09}", "\u{0A}", "\u{0B}", "\u{0C}", "\u{0D}", "\u{1F}", "\u{00}", "\u{2028}", "\u{2029}", "\u{00A0}", "\u{3000}"]

    private static let keyAlphabet: [Unicode.Scalar] = Array("abcdefxyz_$AZé名".unicodeScalars)

    private mutating func string() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0 ..< Int(rng.nextBelow(8)) {
            let scalar = Self.alphabet[Int(rng.nextBelow(UInt64(Self.alphabet.count)))]
            if dialect == .foundationCompatible && scalar == "\u{00}" { continue }
            scalars.append(scalar)
        }
        let string = String(scalars)
        writeQuoted(string)
        return string
    }

    private mutating func randomKey() -> String {
        if rng.chance(0.2) { return string(writing: false) }
        var scalars = String.UnicodeScalarView()
        for _ in 0 ..< Int(rng.nextBelow(6)) + 1 {
            scalars.append(Self.keyAlphabet[Int(rng.nextBelow(UInt64(Self.keyAlphabet.count)))])
        }
        return String(scalars)
    }

    /// A random string without writing it (for keys, written by `writeKey`).
    private mutating func string(writing: Bool) -> String {
        let saved = (text, structural)
        let value = string()
        (text, structural) = saved
        return value
    }

    private mutating func writeKey(_ key: String) {
        let isIdentifier = key.unicodeScalars.first.map(JSON5Scanner.isIdentifierStart) == true
            && key.unicodeScalars.allSatisfy(JSON5Scanner.isIdentifierPart)
        guard isIdentifier && rng.chance(0.7) else {
            writeQuoted(key)
            return
        }
        var out = ""
        for scalar in key.unicodeScalars {
            if dialect == .spec && rng.chance(0.1) {
                out += "\\u" + JSONText.hex4(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        write(out, structural: true)
    }

    /// Writes `string` between random quotes, each character plain or escaped.
    private mutating func writeQuoted(_ string: String) {
        let quote: Unicode.Scalar = rng.chance(0.5) ? "\"" : "'"
        write(String(quote))
        var out = ""
        let scalars = Array(string.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let nextIsDigit = index + 1 < scalars.count && ("0" ... "9").contains(scalars[index + 1])
            out += spelling(of: scalar, quote: quote, nextIsDigit: nextIsDigit)
            if dialect == .spec && rng.chance(0.05) {
                out += "\\" + ["\n", "\r\n", "\r", "\u{2028}", "\u{2029}"][Int(rng.nextBelow(5))]
            }
        }
        write(out, structural: false)
        write(String(quote))
    }

    private mutating func spelling(of scalar: Unicode.Scalar, quote: Unicode.Scalar, nextIsDigit: Bool) -> String {
        let simple: [Unicode.Scalar: String] = ["\u{08}": "\\b", "\u{0C}": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"]
        let isSpecial = scalar == quote || scalar == "\\" || scalar.value < 0x20
            || (dialect == .foundationCompatible && Self.isSpaceBeyondASCII(scalar))
        if !isSpecial && rng.chance(0.7) { return String(scalar) }
        switch rng.nextBelow(4) {
        case 0 where scalar.value <= 0xFF:
            return "\\x" + String(JSONText.hex4(scalar.value).suffix(2))
        case 1 where scalar.value > 0xFFFF:
            let offset = scalar.value - 0x10000
            return "\\u" + JSONText.hex4(0xD800 + (offset >> 10)) + "\\u" + JSONText.hex4(0xDC00 + (offset & 0x3FF))
        case 2 where dialect == .spec:
            if scalar == "\u{0B}" { return "\\v" }
            if scalar == "\u{00}" && !nextIsDigit { return "\\0" }
            if !"bfnrtvux0123456789".unicodeScalars.contains(scalar) && scalar.value >= 0x20
                && !["\u{2028}", "\u{2029}"].contains(scalar) {
                return "\\" + String(scalar)
            }
        default:
            break
        }
        if let escape = simple[scalar] { return escape }
        if scalar == quote || scalar == "\\" { return "\\" + String(scalar) }
        // Characters beyond the BMP are never special: write them as they are.
        if scalar.value > 0xFFFF { return String(scalar) }
        return "\\u" + JSONText.hex4(scalar.value)
    }

    private static func isSpaceBeyondASCII(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && JSON5Scanner.isWhiteSpace(scalar)
    }

    // MARK: Trivia and output

    private static let commonTrivia = ["", "", " ", "  ", "\n", "\t", "\r\n", "/* c */", "// note\n", "\n  ", "\u{0B}", "\u{0C}"]
    private static let specTrivia = ["\r", "\u{00A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{3000}", "\u{1680}", "/* ** / */"]

    private mutating func writeTrivia() {
        let choices = dialect == .spec ? Self.commonTrivia + Self.specTrivia : Self.commonTrivia
        write(choices[Int(rng.nextBelow(UInt64(choices.count)))], structural: true)
    }

    /// Appends `piece`; `structural` marks every scalar offset of it as safe to mutate.
    private mutating func write(_ piece: String, structural isStructural: Bool = true) {
        if isStructural {
            var offset = text.utf8.count
            for scalar in piece.unicodeScalars {
                structural.append(offset)
                offset += scalar.utf8.count
            }
        }
        text += piece
    }
}
