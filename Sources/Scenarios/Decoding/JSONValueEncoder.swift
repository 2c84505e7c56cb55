/// Encodes any `Encodable` into a `JSONValue`, keeping keys in the order the
/// type encodes them (declaration order for synthesized conformances).
///
/// Why not Foundation's JSONEncoder: its key order is not part of its
/// contract, and `faultsim show --resolved` and the defaults the decoder
/// overlays must be byte-for-byte stable.
public enum JSONValueEncoder {
    public static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = EncodingNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.value
    }
}

/// A mutable slot in the tree being built (reference semantics: containers
/// hand out nested slots that are filled later).
final class EncodingNode {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(String, EncodingNode)])
        case array([EncodingNode])
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .empty: return .null()
        case .value(let value): return value
        case .object(let members): return .object(members.map { JSONMember(key: $0.0, value: $0.1.value) })
        case .array(let elements): return .array(elements.map(\.value))
        }
    }

    func member(_ key: String) -> EncodingNode {
        var members: [(String, EncodingNode)] = []
        if case .object(let existing) = content { members = existing }
        if let found = members.first(where: { $0.0 == key }) { return found.1 }
        let node = EncodingNode()
        members.append((key, node))
        content = .object(members)
        return node
    }

    func appendElement() -> EncodingNode {
        var elements: [EncodingNode] = []
        if case .array(let existing) = content { elements = existing }
        let node = EncodingNode()
        elements.append(node)
        content = .array(elements)
        return node
    }

    func ensureObject() { if case .empty = content { content = .object([]) } }
    func ensureArray() { if case .empty = content { content = .array([]) } }
}

struct NodeEncoder: Encoder {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.ensureObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.ensureArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Encodes primitives; everything else recursively.
func encodeValue(_ value: some Encodable, into node: EncodingNode, codingPath: [any CodingKey]) throws {
    switch value {
    case let v as Bool: node.content = .value(.bool(v))
    case let v as String: node.content = .value(.string(v))
    case let v as Int: node.content = .value(.number(JSONNumber(Int64(v))))
    case let v as Int64: node.content = .value(.number(JSONNumber(v)))
    case let v as Int32: node.content = .value(.number(JSONNumber(Int64(v))))
    case let v as Int16: node.content = .value(.number(JSONNumber(Int64(v))))
    case let v as UInt8: node.content = .value(.number(JSONNumber(Int64(v))))
    case let v as UInt32: node.content = .value(.number(JSONNumber(Int64(v))))
    case let v as UInt64:
        node.content = .value(v <= UInt64(Int64.max) ? .number(JSONNumber(Int64(v))) : .number(JSONNumber(Double(v))))
    case let v as Double: node.content = .value(.number(JSONNumber(v)))
    default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).content = .value(.null()) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: node.member(key.stringValue), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.ensureObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.ensureArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.member("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]) }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let elements) = node.content { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { node.appendElement().content = .value(.null()) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node.appendElement(), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendElement()
        child.ensureObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendElement()
        child.ensureArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendElement(), codingPath: codingPath) }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null()) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: node, codingPath: codingPath) }
}
