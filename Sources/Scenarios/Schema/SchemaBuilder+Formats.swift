import Sim

/// The fixed schemas: primitives, the text forms of durations, rates and
/// percentages, and the types a file may write in more than one form.
extension SchemaBuilder {
    /// `Nanoseconds(parsing:)`'s strict form: digits with an optional fraction, one unit; or "never".
    static let durationPattern = #"^(never|-?[0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))$"#
    /// A decimal number as Swift's `Double(_:)` reads it (no hex, no inf/nan), then `suffix`.
    static func numberPattern(suffix: String) -> String { #"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"# + suffix + "$" }

    /// A type written in several forms: fixed leading branches, then one branch
    /// per sample, each recorded by driving `init(from:)` down one path.
    struct Variants {
        var leading: [JSONValue]
        var samples: [JSONValue]
    }

    static func variants(of type: Any.Type) -> Variants? {
        if type == DurationDistributionSpec.self {
            // A bare duration is a constant; every kind's object is recorded from `{kind: k}`.
            return Variants(leading: [reference("Duration")],
                            samples: DurationDistributionSpec.Kind.allCases.map { ["kind": .string($0.rawValue)] })
        }
        if type == CallStepSpec.self {
            // `{target...}` delegates to CallSpec; `{parallel: [...]}` is a fan-out.
            return Variants(leading: [], samples: [.object([]), ["parallel": []]])
        }
        return nil
    }

    static func isDurationLike(_ type: Any.Type) -> Bool { type == Nanoseconds.self || type == DurationDistributionSpec.self }

    /// Whether a sample can be read as `type` (a single-value read of the wrong kind must fail, as the real decoder's does).
    static func sample(_ sample: JSONValue, fits type: Any.Type) -> Bool {
        if type == Bool.self { return sample.boolValue != nil }
        if type == String.self { return sample.stringValue != nil }
        return sample.numberValue != nil
    }

    func describePrimitive<T: Decodable>(_ type: T.Type, sample: JSONValue?, key: String?) throws -> (JSONValue, T)? {
        guard Primitive.handles(type) else {
            if type == Float.self || type == Int8.self || type == UInt.self || type == UInt16.self {
                throw Failure(message: "\(type) is not read by the scenario decoder (Primitive.swift)")
            }
            return nil
        }
        let schema: JSONValue
        switch type {
        case is Bool.Type: schema = ["type": "boolean"]
        case is String.Type: schema = ["type": "string"]
        case is Double.Type where key?.hasSuffix("Rps") == true: schema = formatReference("Rate")
        case is Double.Type where key?.hasSuffix("Percent") == true: schema = formatReference("Percent")
        case is Double.Type: schema = ["type": "number"]
        case is UInt8.Type: schema = ["type": "integer", "minimum": 0, "maximum": 255]
        case is UInt32.Type: schema = ["type": "integer", "minimum": 0, "maximum": 4_294_967_295]
        case is UInt64.Type: schema = ["type": "integer", "minimum": 0]
        default: schema = ["type": "integer"]
        }
        let zero: JSONValue = type == Bool.self ? false : type == String.self ? "" : 0
        let given = sample.flatMap { try? Primitive.read(type, from: $0, path: JSONPath(), key: key) }
        return (schema, try given ?? Primitive.read(type, from: zero, path: JSONPath(), key: key))
    }

    func describeSpecial<T: Decodable>(_ type: T.Type, sample: JSONValue?) throws -> (JSONValue, T)? {
        if type == Nanoseconds.self {
            let value = sample?.stringValue.flatMap(Nanoseconds.init(parsing:)) ?? .zero
            guard let typed = value as? T else { return nil }
            return (formatReference("Duration"), typed)
        }
        if let expectations = describeExpectations(type) { return expectations }
        guard let variants = Self.variants(of: type) else { return nil }
        let name = Self.name(of: type)
        if !isDefined(name) {
            inProgress.insert(name)
            var branches = variants.leading
            for variant in variants.samples {
                let node = SchemaRecordingDecoder(builder: self, sample: variant, key: nil)
                _ = try record(type, name: name, in: node)
                switch node.shape {
                case .object:
                    let form = variant.objectMembers?.first { $0.value.stringValue != nil }.map { "\($0.key) \($0.value.json(indent: 0))" }
                    branches.append(objectSchema(for: type, name: name, node: node, constants: variant, description: form))
                case .single(let schema, nil): branches.append(schema)
                default: throw Failure(message: "\(name): the form \(variant.json(indent: 0)) recorded neither an object nor another type")
                }
            }
            inProgress.remove(name)
            var members: [JSONMember] = []
            if let description = SchemaDescriptions.text(for: name) { members.append(JSONMember(key: "description", value: .string(description))) }
            members.append(JSONMember(key: "oneOf", value: .array(branches)))
            define(name, .object(members))
        }
        let node = SchemaRecordingDecoder(builder: self, sample: variants.samples.first, key: nil)
        return (Self.reference(name), try record(type, name: name, in: node))
    }

    /// A `$ref` to one of the text formats, defining it on first use.
    func formatReference(_ name: String) -> JSONValue {
        switch name {
        case "Duration":
            define(name, [
                "description": "A duration with a unit: ns, us, ms, s, m or h (\"250ms\", \"1.5s\", \"5m\"), or \"never\".",
                "type": "string",
                "pattern": .string(Self.durationPattern),
            ])
        case "Rate":
            define(name, [
                "description": "Requests per second: a number, or a string with the unit (\"1200rps\").",
                "anyOf": [["type": "number"], ["type": "string", "pattern": .string(Self.numberPattern(suffix: "rps"))]],
            ])
        default:
            define(name, [
                "description": "A percentage: a number (50 for half), or a string with the unit (\"50%\").",
                "anyOf": [["type": "number"], ["type": "string", "pattern": .string(Self.numberPattern(suffix: "%"))]],
            ])
        }
        return Self.reference(name)
    }
}
