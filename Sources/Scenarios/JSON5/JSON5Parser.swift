/// A strict JSON5 parser (https://spec.json5.org, version 1.0.0) that keeps
/// object members in source order, records every value's position, rejects
/// duplicate keys, and bounds depth and size.
///
/// Why our own and not `JSONDecoder(allowsJSON5)`: Foundation forgets member
/// order and positions, and keeps the first of two duplicate keys silently;
/// scenario validation needs all three (`file:line:column`, errors in source
/// order). Where Foundation departs from the spec, this parser follows the
/// spec (see the differential tests).
///
/// ```swift
/// let document = try JSON5Parser.parse("{ services: [{ name: 'api' }] }")
/// document["services"]?[0]?["name"]?.stringValue // "api"
/// ```
public struct JSON5Parser: Sendable {
    /// The bounds this parser enforces.
    public var limits: JSON5Limits

    /// A parser with the given limits (128 levels, 16 MiB by default).
    public init(limits: JSON5Limits = .default) {
        self.limits = limits
    }

    /// Parses `text` as one JSON5 document with the default limits.
    public static func parse(_ text: String) throws(JSON5Error) -> JSONValue {
        try JSON5Parser().parse(text)
    }

    /// Parses `text` as one JSON5 document.
    /// Complexity: O(n) in the document's UTF-8 length.
    public func parse(_ text: String) throws(JSON5Error) -> JSONValue {
        // Check the size before copying the bytes out of the string.
        try checkSize(text.utf8.count)
        return try parseValidated(Array(text.utf8))
    }

    /// Parses UTF-8 bytes (a file's contents) as one JSON5 document. Invalid
    /// UTF-8 is an error with the position of the first bad byte.
    public func parse(utf8 bytes: [UInt8]) throws(JSON5Error) -> JSONValue {
        try checkSize(bytes.count)
        try Self.validateUTF8(bytes)
        return try parseValidated(bytes)
    }

    private func parseValidated(_ bytes: [UInt8]) throws(JSON5Error) -> JSONValue {
        var scanner = JSON5Scanner(bytes: bytes, limits: limits)
        return try scanner.readDocument()
    }

    private func checkSize(_ byteCount: Int) throws(JSON5Error) {
        guard byteCount <= limits.maxDocumentBytes else {
            throw JSON5Error(kind: .sizeLimitExceeded,
                             message: "document too large: \(byteCount) bytes, more than the limit of \(limits.maxDocumentBytes) bytes",
                             position: .start)
        }
    }

    /// Throws `.invalidUTF8` at the first byte that does not begin a valid
    /// UTF-8 sequence (overlong forms and encoded surrogates included).
    private static func validateUTF8(_ bytes: [UInt8]) throws(JSON5Error) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return
            case .error:
                var locator = LineLocator(bytes: bytes)
                throw JSON5Error(kind: .invalidUTF8,
                                 message: "expected UTF-8 text, found the byte 0x\(String(bytes[offset], radix: 16, uppercase: true)), which does not start a valid UTF-8 sequence",
                                 position: locator.position(at: offset))
            }
        }
    }
}
