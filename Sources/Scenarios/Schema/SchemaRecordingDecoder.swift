/// A `Decoder` that answers a type's `init(from:)` with sample values and
/// writes down what the type asked for: which keys, in which order, of which
/// Swift types, and whether through `decode` (required) or `decodeIfPresent`.
///
/// Why: the schema is derived from the very code the scenario decoder runs,
/// so it cannot drift from the Swift types. Values come from `sample` (a
/// type's encoded default) where it has them and are made up otherwise (zero,
/// empty, an enum's first case); they are thrown away, only the record counts.
final class SchemaRecordingDecoder: Decoder {
    /// What the type's `init(from:)` did with this node.
    enum Shape {
        case none
        /// A keyed container: the properties asked for.
        case object
        /// An unkeyed container: the element schema (`nil` if never asked).
        case array(JSONValue?)
        /// One value read through a single-value container.
        case single(JSONValue, primitive: Any.Type?)
    }

    /// One key a keyed container was asked for.
    struct Property {
        var key: String
        var schema: JSONValue
        /// Read with `decode` (not `decodeIfPresent`).
        var required: Bool
        /// The value the enclosing default gives (for unit aliases).
        var sample: JSONValue?
        /// A duration or duration distribution (unit aliases may apply).
        var isDurationLike: Bool
    }

    let builder: SchemaBuilder
    let sample: JSONValue?
    /// The key this node is read under (unit forms such as `...Rps` depend on it).
    let key: String?
    var shape: Shape = .none
    var properties: [Property] = []

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(builder: SchemaBuilder, sample: JSONValue?, key: String?) {
        self.builder = builder
        self.sample = sample
        self.key = key
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if let sample, sample.objectMembers == nil {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: [], debugDescription: "the sample is not an object"))
        }
        shape = .object
        return KeyedDecodingContainer(RecordingKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        if let sample, sample.arrayValue == nil {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "the sample is not an array"))
        }
        shape = .array(nil)
        return RecordingUnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        RecordingSingleContainer(decoder: self)
    }

    func record(_ property: Property) {
        if !properties.contains(where: { $0.key == property.key }) { properties.append(property) }
    }
}

/// One made-up element, so the element type is asked for. Elements are
/// recorded without a sample, as the scenario decoder reads them without a
/// default beneath (only the element type's own default).
struct RecordingUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: SchemaRecordingDecoder
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var isAtEnd: Bool { currentIndex >= 1 }

    init(decoder: SchemaRecordingDecoder) {
        self.decoder = decoder
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        defer { currentIndex += 1 }
        let (schema, value) = try decoder.builder.describe(type, sample: nil, key: nil)
        if case .array(nil) = decoder.shape { decoder.shape = .array(schema) }
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaBuilder.unsupported("nested keyed containers in arrays")
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw SchemaBuilder.unsupported("nested unkeyed containers")
    }

    mutating func superDecoder() throws -> any Decoder { throw SchemaBuilder.unsupported("superDecoder") }
}

/// One value: a primitive read from the sample, or a type the node delegates to.
struct RecordingSingleContainer: SingleValueDecodingContainer {
    let decoder: SchemaRecordingDecoder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { decoder.sample?.isNull ?? false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if Primitive.handles(type), let sample = decoder.sample, !SchemaBuilder.sample(sample, fits: type) {
            throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "the sample is \(sample.kind.withArticle)"))
        }
        // A delegated type reads this node with its own default beneath: the
        // node's sample may be a variant's driver (`{}`), not a default.
        let sample = Primitive.handles(type) ? decoder.sample : nil
        let (schema, value) = try decoder.builder.describe(type, sample: sample, key: decoder.key)
        decoder.shape = .single(schema, primitive: Primitive.handles(type) ? type : nil)
        return value
    }
}
