import Sim

/// Decodes spec types from a parsed document, the way users expect a
/// configuration format to behave:
///
/// - Defaults: at every `SpecDefaults` type the user's object is laid over
///   the type's default (or the default the enclosing object gives), one level
///   at a time; a file states only what differs. Kind-tagged `AtomicSpec`
///   values replace the default whole.
/// - Presets: `{preset: "resilience4j", ...}` starts from that library's numbers.
/// - Units: `timeoutMs: 700` means `timeout: "700ms"` (also `Ns`, `Us`,
///   `Seconds`, `Minutes`); `rateRps: "1200rps"`; `xPercent: "50%"`.
/// - Strictness: a key the type never asks for is an error, with the closest
///   known key suggested; wrong types and bad values name the path.
/// - All errors: a bad value is reported and replaced by its default so
///   decoding continues and one run lists every problem in the file.
public enum SpecDecoder {
    /// The decoded value (nil when even the fallbacks failed) and every issue, in source order.
    public static func decode<T: Decodable>(_ type: T.Type, from document: JSONValue) -> (value: T?, issues: [SpecIssue]) {
        let session = DecodeSession()
        let value = try? decodeValue(type, user: document, fallback: nil, path: JSONPath(), key: nil, session: session)
        return (value, session.issues.sorted(by: SpecIssue.reportOrder))
    }

    /// Decodes one value (see the type's documentation); reports and falls back on failure.
    static func decodeValue<T: Decodable>(_ type: T.Type, user: JSONValue?, fallback: JSONValue?, path: JSONPath,
                                          key: String?, session: DecodeSession) throws -> T {
        var userValue = user
        var base = fallback
        if T.self == Nanoseconds.self, let given = user {
            guard let text = given.stringValue, Nanoseconds(parsing: text) != nil else {
                let got = given.stringValue.map { "\"\($0)\"" } ?? given.numberValue?.text ?? given.kind.withArticle
                let alias = key.map { " (or a number in `\($0)Ms`)" } ?? ""
                session.report(path, given.position, "expected a duration with a unit such as \"250ms\" or \"2s\"\(alias), got \(got)")
                return try fallbackValue(type, base: base, path: path, session: session)
            }
        }
        if let specType = T.self as? any SpecDefaults.Type, !(T.self is any AtomicSpec.Type) {
            if case .object(var members, let at)? = userValue {
                if let index = members.firstIndex(where: { $0.key == "preset" }) {
                    let presetMember = members.remove(at: index)
                    if let presetType = specType as? any PresetSpec.Type {
                        if let name = presetMember.value.stringValue, let preset = presetType.presetValue(named: name) {
                            base = try? JSONValueEncoder.encode(preset)
                        } else {
                            let names = presetType.presetNames
                            let got = presetMember.value.stringValue.map { "\"\($0)\"" } ?? presetMember.value.kind.withArticle
                            session.report(path.appending(key: "preset"), presetMember.value.position,
                                           "unknown preset \(got); expected one of \(names.joined(separator: ", "))"
                                           + Suggest.hint(for: presetMember.value.stringValue ?? "", in: names))
                        }
                    } else {
                        members.insert(presetMember, at: index)  // not a preset field here: reported as unknown
                    }
                }
                userValue = .object(members, at: at)
            }
            if base == nil || base?.objectMembers == nil {
                base = try? JSONValueEncoder.encode(specType.defaultValueForDecoding)
            }
        }
        let decoder = ValueDecoder(user: userValue, base: base, path: path, key: key, session: session)
        do {
            let value = try T(from: decoder)
            decoder.reportUnknownKeys()
            return value
        } catch is RecordedFailure {
            // A nested value failed (and was reported); keys after it were never
            // asked for, so listing them as unknown would be wrong.
            return try fallbackValue(type, base: base, path: path, session: session)
        } catch let error as SpecDecodeError {
            session.report(error.path, error.position, error.message)
            decoder.reportUnknownKeys()
            return try fallbackValue(type, base: base, path: path, session: session)
        } catch {
            let given = userValue ?? base ?? .null()
            session.report(path, given.position, describe(error, for: type, given: given))
            return try fallbackValue(type, base: base, path: path, session: session)
        }
    }

    /// After a failure: the value from the default beneath, or the type's default.
    static func fallbackValue<T: Decodable>(_ type: T.Type, base: JSONValue?, path: JSONPath, session: DecodeSession) throws -> T {
        if let base {
            let wasSilent = session.silent
            session.silent = true
            defer { session.silent = wasSilent }
            if let value = try? decodeValue(type, user: base, fallback: nil, path: path, key: nil, session: session) {
                return value
            }
        }
        if let specType = T.self as? any SpecDefaults.Type, let value = specType.defaultValueForDecoding as? T {
            return value
        }
        throw RecordedFailure()
    }

    /// A message for an error a type threw itself (an enum with an unknown case, a custom check).
    static func describe<T>(_ error: any Error, for type: T.Type, given: JSONValue) -> String {
        if let enumType = T.self as? any SpecEnum.Type {
            let names = enumType.caseNames
            let got = given.stringValue.map { "\"\($0)\"" } ?? given.kind.withArticle
            return "expected one of \(names.joined(separator: ", ")), got \(got)" + Suggest.hint(for: given.stringValue ?? "", in: names)
        }
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        return "\(error)"
    }
}

extension SpecDefaults {
    /// `defaultValue` as an existential-friendly value.
    static var defaultValueForDecoding: any Encodable { defaultValue }
}

extension PresetSpec {
    static func presetValue(named name: String) -> (any Encodable)? { preset(named: name) }
}

/// A string enum whose cases are listed in errors and the JSON Schema.
public protocol SpecEnum {
    static var caseNames: [String] { get }
}

extension SpecEnum where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var caseNames: [String] { allCases.map(\.rawValue) }
}
