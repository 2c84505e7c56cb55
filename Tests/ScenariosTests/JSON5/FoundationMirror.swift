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
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = json5
        return try? decoder.decode(FoundationMirror.self, from: Data(text.utf8))
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
