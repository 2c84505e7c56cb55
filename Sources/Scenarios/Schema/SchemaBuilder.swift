import Sim

/// Derives JSON Schema nodes from Swift types by running their `init(from:)`
/// on a `SchemaRecordingDecoder` and turning the record into schema:
///
/// - a keyed container becomes an object with `additionalProperties: false`,
///   each key asked for a property, in the order the type asks (declaration
///   order for synthesized conformances);
/// - an unkeyed container becomes an array of the element's schema;
/// - primitives, durations, string enums and the types with several forms
///   (`SchemaBuilder+Formats.swift`) map to fixed schemas.
///
/// Named types (everything outside the `Swift` module) go into `$defs` under
/// their type name without the module (`ServiceSpec`, `ServiceSpec.Kind`) and
/// are referenced with `$ref`; the first recording of a type wins.
final class SchemaBuilder {
    /// The generator met something it cannot describe (a new custom `Codable`
    /// form needs a special case): a bug to fix here, never a user error.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var message: String
        var description: String { "schema generation failed: \(message)" }
    }

    /// Named schemas by `$defs` name (output sorts the names).
    private(set) var definitions: [String: JSONValue] = [:]
    /// Variant types being defined (their branches may refer back to them).
    var inProgress: Set<String> = []
    private var depth = 0

    static func unsupported(_ what: String) -> Failure { Failure(message: "\(what) are not supported by the recorder") }

    /// The `$defs` name of a type: its qualified name without the module.
    static func name(of type: Any.Type) -> String {
        let qualified = String(reflecting: type)
        guard let dot = qualified.firstIndex(of: ".") else { return qualified }
        return String(qualified[qualified.index(after: dot)...])
    }

    /// Unit words for alias descriptions.
    static let unitNames = ["ns": "nanoseconds", "us": "microseconds", "ms": "milliseconds", "s": "seconds", "m": "minutes"]

    static func reference(_ name: String) -> JSONValue { ["$ref": .string("#/$defs/\(name)")] }

    /// `anyOf` the schema or `null` (what `decodeIfPresent` accepts).
    static func nullable(_ schema: JSONValue) -> JSONValue { ["anyOf": [schema, ["type": "null"]]] }

    func define(_ name: String, _ schema: JSONValue) {
        if definitions[name] == nil { definitions[name] = schema }
    }

    func isDefined(_ name: String) -> Bool { definitions[name] != nil || inProgress.contains(name) }

    /// The schema for `type` read under `key`, and a value of it (for the
    /// caller's `init(from:)` to carry on with).
    func describe<T: Decodable>(_ type: T.Type, sample: JSONValue?, key: String?) throws -> (JSONValue, T) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 64 else { throw Failure(message: "\(Self.name(of: type)) nests more than 64 levels (a recursive type needs a special case)") }
        if let primitive = try describePrimitive(type, sample: sample, key: key) { return primitive }
        if let special = try describeSpecial(type, sample: sample) { return special }
        if let enumType = T.self as? any SpecEnum.Type { return try describeEnum(type, names: enumType.caseNames, sample: sample) }
        var given = sample
        if given?.objectMembers == nil, let specType = T.self as? any SpecDefaults.Type {
            given = try JSONValueEncoder.encode(specType.defaultValueForDecoding)
        }
        let name = Self.name(of: type)
        let node = SchemaRecordingDecoder(builder: self, sample: given, key: key)
        let value = try record(type, name: name, in: node)
        switch node.shape {
        case .object:
            if !isDefined(name) { define(name, objectSchema(for: type, name: name, node: node, constants: nil,
                                                                   description: SchemaDescriptions.text(for: name))) }
            return (Self.reference(name), value)
        case .array(let items):
            let schema: JSONValue = ["type": "array", "items": items ?? true]
            guard !String(reflecting: type).hasPrefix("Swift.") else { return (schema, value) }
            define(name, schema)
            return (Self.reference(name), value)
        case .single(_, let primitive?):
            throw Failure(message: "\(name) reads a plain \(primitive); a string enum needs SpecEnum conformance (SpecEnums.swift)")
        case .single(let schema, nil):
            return (schema, value)
        case .none:
            throw Failure(message: "\(name) asked for no container")
        }
    }

    /// Runs `init(from:)` on `node`, naming the type in any failure.
    func record<T: Decodable>(_ type: T.Type, name: String, in node: SchemaRecordingDecoder) throws -> T {
        do {
            return try T(from: node)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "cannot record \(name) (a string enum needs SpecEnum conformance in SpecEnums.swift; "
                                   + "another custom form needs a case in SchemaBuilder+Formats.swift): \(error)")
        }
    }

    func describeEnum<T: Decodable>(_ type: T.Type, names: [String], sample: JSONValue?) throws -> (JSONValue, T) {
        let name = Self.name(of: type)
        define(name, ["type": "string", "enum": .array(names.map { .string($0) })])
        let node = SchemaRecordingDecoder(builder: self, sample: sample ?? names.first.map { .string($0) }, key: nil)
        return (Self.reference(name), try record(type, name: name, in: node))
    }

    /// An object schema from a keyed recording. Defaults make every field
    /// optional in a `SpecDefaults` type; elsewhere what `decode` reads is
    /// required. `constants` (a variant's sample) pins string members to `const`.
    func objectSchema(for type: Any.Type, name: String, node: SchemaRecordingDecoder, constants: JSONValue?,
                      description: String?) -> JSONValue {
        var properties: [JSONMember] = []
        if let presetType = type as? any PresetSpec.Type {
            properties.append(JSONMember(key: "preset", value: [
                "description": "Start from a library's published defaults; the fields given here override them.",
                "enum": .array(presetType.presetNames.map { .string($0) }),
            ]))
        }
        for property in node.properties {
            var schema = property.schema
            if let pinned = constants?[property.key], pinned.stringValue != nil { schema = ["const": pinned] }
            properties.append(JSONMember(key: property.key, value: SchemaDescriptions.attach(to: schema, field: "\(name).\(property.key)")))
        }
        // Unit aliases: the decoder reads `timeoutMs: 700` as `timeout: "700ms"`
        // wherever the default beneath has `timeout` as a string.
        for property in node.properties where property.isDurationLike && property.sample?.stringValue != nil {
            for (suffix, unit) in UnitAlias.suffixes {
                properties.append(JSONMember(key: property.key + suffix, value: [
                    "description": .string("`\(property.key)` as a number of \(Self.unitNames[unit] ?? unit) (`\(property.key)\(suffix): 5` is `\(property.key): \"5\(unit)\"`)"),
                    "type": "number",
                ]))
            }
        }
        var members: [JSONMember] = []
        if let description { members.append(JSONMember(key: "description", value: .string(description))) }
        members.append(JSONMember(key: "type", value: "object"))
        members.append(JSONMember(key: "properties", value: .object(properties)))
        let required = type is any SpecDefaults.Type ? [] : node.properties.filter(\.required).map { JSONValue.string($0.key) }
        if !required.isEmpty { members.append(JSONMember(key: "required", value: .array(required))) }
        members.append(JSONMember(key: "additionalProperties", value: false))
        return .object(members)
    }
}
