/// The keyed side of `SchemaRecordingDecoder`: every read is recorded as a property.
///
/// Every primitive overload is spelled out so none falls back to a default
/// implementation that would bypass the record (`decodeIfPresent(Int.self, ...)`
/// would otherwise go through `contains` and `decodeNil`, losing the type).
struct RecordingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: SchemaRecordingDecoder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { (decoder.sample?.objectMembers ?? []).compactMap { Key(stringValue: $0.key) } }

    func sample(_ key: Key) -> JSONValue? { decoder.sample?[key.stringValue] }

    func contains(_ key: Key) -> Bool { sample(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { sample(key)?.isNull ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decode(type, key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try decodeIfPresent(type, key) }

    func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        let (schema, value) = try decoder.builder.describe(type, sample: sample(key), key: key.stringValue)
        decoder.record(.init(key: key.stringValue, schema: schema, required: true, sample: sample(key),
                             isDurationLike: SchemaBuilder.isDurationLike(type)))
        return value
    }

    /// Recorded as optional (`null` allowed); answers `nil` unless the sample has a value.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        let given = sample(key).flatMap { $0.isNull ? nil : $0 }
        let (schema, value) = try decoder.builder.describe(type, sample: given, key: key.stringValue)
        decoder.record(.init(key: key.stringValue, schema: SchemaBuilder.nullable(schema), required: false, sample: given,
                             isDurationLike: SchemaBuilder.isDurationLike(type)))
        return given == nil ? nil : value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type, key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeIfPresent(type, key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaBuilder.unsupported("nested keyed containers (key \"\(key.stringValue)\")")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw SchemaBuilder.unsupported("nested unkeyed containers (key \"\(key.stringValue)\")")
    }

    func superDecoder() throws -> any Decoder { throw SchemaBuilder.unsupported("superDecoder") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw SchemaBuilder.unsupported("superDecoder") }
}
