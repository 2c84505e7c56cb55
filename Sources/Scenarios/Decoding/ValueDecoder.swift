import Sim

/// The `Decoder` for one node: the user's value (if written) over the default beneath it.
final class ValueDecoder: Decoder {
    let user: JSONValue?
    let base: JSONValue?
    let path: JSONPath
    let key: String?
    let session: DecodeSession
    /// Keys the type asked about (in order, for suggestions); nil until a keyed container is made.
    var requested: [String] = []
    var madeKeyedContainer = false
    /// The type delegated to a single-value decode of this same node (which checks keys itself).
    var delegated = false
    /// The merged members: key, the user's value, the default's value, where the key was written.
    lazy var members: [MergedMember] = merge()

    var codingPath: [any CodingKey] { path.components.map(PathKey.init) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(user: JSONValue?, base: JSONValue?, path: JSONPath, key: String?, session: DecodeSession) {
        self.user = user
        self.base = base
        self.path = path
        self.key = key
        self.session = session
    }

    /// The value decoding reads: what the user wrote, else the default.
    var effective: JSONValue { user ?? base ?? .null() }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard effective.objectMembers != nil else {
            throw SpecDecodeError(path: path, position: effective.position, message: "expected an object, got \(effective.kind.withArticle)")
        }
        madeKeyedContainer = true
        return KeyedDecodingContainer(MergedKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let elements = effective.arrayValue else {
            throw SpecDecodeError(path: path, position: effective.position, message: "expected an array, got \(effective.kind.withArticle)")
        }
        return ElementsContainer(elements: elements, path: path, session: session)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(decoder: self)
    }

    struct MergedMember {
        var key: String
        var user: JSONValue?
        var base: JSONValue?
        var keyPosition: SourcePosition
    }

    /// Default members in their order, the user's values replacing them, then
    /// keys only the user wrote. Unit-suffixed keys become their duration field.
    func merge() -> [MergedMember] {
        var merged: [MergedMember] = (base?.objectMembers ?? []).map {
            MergedMember(key: $0.key, user: nil, base: $0.value, keyPosition: .unknown)
        }
        for member in user?.objectMembers ?? [] {
            var key = member.key
            var value = member.value
            if let (stem, _) = UnitAlias.split(key), value.numberValue == nil,
               merged.contains(where: { $0.key == stem && $0.base?.stringValue != nil }) {
                session.report(path.appending(key: key), value.position,
                               "\"\(key)\" takes a number (it is \"\(stem)\" in those units), got \(value.stringValue.map { "\"\($0)\"" } ?? value.kind.withArticle)")
                continue
            }
            if let (stem, unit) = UnitAlias.split(key), let number = value.numberValue,
               merged.contains(where: { $0.key == stem && $0.base?.stringValue != nil }) {
                if user?.member(named: stem) != nil {
                    session.report(path.appending(key: key), member.keyPosition, "gives \"\(stem)\" twice (as \"\(stem)\" and \"\(key)\"); keep one")
                    continue
                }
                key = stem
                value = .string(number.text + unit, at: value.position)
            }
            if let index = merged.firstIndex(where: { $0.key == key }) {
                merged[index].user = value
                merged[index].keyPosition = member.keyPosition
            } else {
                merged.append(MergedMember(key: key, user: value, base: nil, keyPosition: member.keyPosition))
            }
        }
        return merged
    }

    func note(_ key: String) {
        if !requested.contains(key) { requested.append(key) }
    }

    /// Keys the user wrote that the type never asked about.
    func reportUnknownKeys() {
        guard madeKeyedContainer, !delegated else { return }
        let known = requested + members.map(\.key).filter { key in members.contains { $0.key == key && $0.base != nil } }
        for member in members where member.user != nil && !requested.contains(member.key) {
            session.report(path.appending(key: member.key), member.keyPosition,
                           "unknown field \"\(member.key)\"" + Suggest.hint(for: member.key, in: known))
        }
    }
}

/// `timeoutMs`, `startNs`, `holdSeconds`... -> (`timeout`, `ms`).
enum UnitAlias {
    static let suffixes: [(suffix: String, unit: String)] = [
        ("Ns", "ns"), ("Us", "us"), ("Ms", "ms"), ("Seconds", "s"), ("Minutes", "m"),
    ]

    static func split(_ key: String) -> (String, String)? {
        for (suffix, unit) in suffixes where key.hasSuffix(suffix) && key.count > suffix.count {
            return (String(key.dropLast(suffix.count)), unit)
        }
        return nil
    }
}

/// A JSON path component as a `CodingKey` (for `codingPath`).
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
    init(_ component: JSONPath.Component) {
        switch component {
        case .key(let key): self.init(stringValue: key)
        case .index(let index): self.init(intValue: index)
        }
    }
}

struct MergedKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { decoder.members.compactMap { Key(stringValue: $0.key) } }

    func member(_ key: Key) -> ValueDecoder.MergedMember? {
        decoder.note(key.stringValue)
        return decoder.members.first { $0.key == key.stringValue }
    }

    func contains(_ key: Key) -> Bool {
        guard let found = member(key) else { return false }
        return found.user != nil || found.base != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let found = member(key) else { return true }
        return (found.user ?? found.base)?.isNull ?? true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let found = member(key), found.user != nil || found.base != nil else {
            throw SpecDecodeError(path: decoder.path, position: decoder.effective.position,
                                  message: "missing required field \"\(key.stringValue)\"")
        }
        return try SpecDecoder.decodeValue(type, user: found.user ?? found.base, fallback: found.user == nil ? nil : found.base,
                                           path: decoder.path.appending(key: key.stringValue), key: key.stringValue,
                                           session: decoder.session)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let found = member(key), let value = found.user ?? found.base, !value.isNull else { return nil }
        return try decode(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let found = member(key)
        let nested = ValueDecoder(user: found?.user, base: found?.base, path: decoder.path.appending(key: key.stringValue),
                                  key: key.stringValue, session: decoder.session)
        return try nested.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let found = member(key)
        let nested = ValueDecoder(user: found?.user, base: found?.base, path: decoder.path.appending(key: key.stringValue),
                                  key: key.stringValue, session: decoder.session)
        return try nested.unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder }

    // Primitives go through the same path as everything else (unit forms, ranges, messages).
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try primitive(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try primitive(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try primitive(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try primitive(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try primitive(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try primitive(type, key) }

    func primitive<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        guard let found = member(key), let value = found.user ?? found.base else {
            throw SpecDecodeError(path: decoder.path, position: decoder.effective.position,
                                  message: "missing required field \"\(key.stringValue)\"")
        }
        let path = decoder.path.appending(key: key.stringValue)
        do {
            return try Primitive.read(type, from: value, path: path, key: key.stringValue)
        } catch let error as SpecDecodeError {
            decoder.session.report(error.path, error.position, error.message)
            if found.user != nil, let base = found.base, let fallback = try? Primitive.read(type, from: base, path: path, key: key.stringValue) {
                return fallback
            }
            throw RecordedFailure()
        }
    }
}

/// Elements of an array, each decoded (and defaulted) on its own.
struct ElementsContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let path: JSONPath
    let session: DecodeSession
    var currentIndex = 0
    var codingPath: [any CodingKey] { path.components.map(PathKey.init) }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    init(elements: [JSONValue], path: JSONPath, session: DecodeSession) {
        self.elements = elements
        self.path = path
        self.session = session
    }

    mutating func next() throws -> (JSONValue, JSONPath) {
        guard !isAtEnd else { throw SpecDecodeError(path: path, position: .unknown, message: "array ended early") }
        defer { currentIndex += 1 }
        return (elements[currentIndex], path.appending(index: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if elements[currentIndex].isNull {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, elementPath) = try next()
        if Primitive.handles(type) {
            do { return try Primitive.read(type, from: value, path: elementPath, key: nil) } catch let error as SpecDecodeError {
                session.report(error.path, error.position, error.message)
                throw RecordedFailure()
            }
        }
        return try SpecDecoder.decodeValue(type, user: value, fallback: nil, path: elementPath, key: nil, session: session)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, elementPath) = try next()
        return try ValueDecoder(user: value, base: nil, path: elementPath, key: nil, session: session).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, elementPath) = try next()
        return try ValueDecoder(user: value, base: nil, path: elementPath, key: nil, session: session).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, elementPath) = try next()
        return ValueDecoder(user: value, base: nil, path: elementPath, key: nil, session: session)
    }
}

/// The node read as one value (enums, durations, types with a custom form).
struct SingleContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.effective.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if Primitive.handles(type) {
            return try Primitive.read(type, from: decoder.effective, path: decoder.path, key: decoder.key)
        }
        // The node is decoded as another type, which checks its keys itself.
        decoder.delegated = true
        return try SpecDecoder.decodeValue(type, user: decoder.user, fallback: decoder.base, path: decoder.path,
                                           key: decoder.key, session: decoder.session)
    }
}
