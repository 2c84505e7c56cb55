import Foundation
@testable import Scenarios

/// Any JSON value as Foundation's `JSONDecoder` sees it, for differential tests.
/// (`JSONSerialization` has no `.json5Allowed` on Linux, so we decode a mirror.)
indirect enum FoundationMirror: Decodable {
    case null, bool(Bool), number(Double), string(String), array([FoundationMirror]), object([(String, FoundationMirror)])

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(try container.allKeys.map { ($0.stringValue, try container.decode(FoundationMirror.self, forKey: $0)) })
        } else if var container = try? decoder.unkeyedContainer() {
            var elements: [FoundationMirror] = []
            while !container.isAtEnd { elements.append(try container.decode(FoundationMirror.self)) }
            self = .array(elements)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    /// Foundation's reading of `text`, or `nil` if it rejects it.
    static func decode(_ text: String, json5: Bool = true) -> FoundationMirror? {
        precondition(!(json5 && trapsFoundation(text)), "Foundation would crash on \(text.debugDescription)")
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = json5
        return try? decoder.decode(FoundationMirror.self, from: Data(text.utf8))
    }
}

extension FoundationMirror {
    /// Whether `text` has an exponent sign with no digit after it (`1e+`,
    /// `2.5E-]`). On Swift 6.3.1 / Linux, `JSONDecoder` with `allowsJSON5`
    /// traps (SIGILL in `JSON5Scanner.validateNumber`) on such a number instead
    /// of throwing; strict JSON mode throws. Found by the mutation test; such
    /// texts must not reach Foundation, or the whole test process dies.
    /// Strings and comments are skipped; the check errs towards "traps" (a
    /// text wrongly kept from Foundation costs nothing, a missed one crashes).
    static func trapsFoundation(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool {
            index < bytes.count && (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[index])
        }
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let quote = bytes[index]
                index += 1
                while index < bytes.count && bytes[index] != quote {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index + 1 < bytes.count && !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                index += 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                let afterNumber = index > 0 && (isDigit(index - 1) || bytes[index - 1] == UInt8(ascii: "."))
                let signed = index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "+") || bytes[index + 1] == UInt8(ascii: "-"))
                if afterNumber && signed && !isDigit(index + 2) { return true }
            default:
                break
            }
            index += 1
        }
        return false
    }
}

/// One text per value that both readers can produce: object members sorted by
/// key bytes (Foundation does not keep order), numbers by their double's bits
/// (so -0 and 0 differ, and every NaN is `nan`), strings by their scalars.
enum Canonical {
    static func of(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag, _): "\(flag)"
        case .number(let value, _): number(value.doubleValue)
        case .string(let string, _): JSONText.quoted(string)
        case .array(let elements, _): "[" + elements.map(of).joined(separator: ",") + "]"
        case .object(let members, _): object(members.map { ($0.key, of($0.value)) })
        }
    }

    static func of(_ value: FoundationMirror) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let double): number(double)
        case .string(let string): JSONText.quoted(string)
        case .array(let elements): "[" + elements.map(of).joined(separator: ",") + "]"
        case .object(let members): object(members.map { ($0.0, of($0.1)) })
        }
    }

    private static func number(_ double: Double) -> String {
        double.isNaN ? "nan" : "n" + String(double.bitPattern, radix: 16)
    }

    private static func object(_ members: [(String, String)]) -> String {
        let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        return "{" + sorted.map { JSONText.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
