/// Builds CSV text with RFC 4180 quoting.
///
/// A field is quoted when it contains a comma, a double quote, CR or LF; a
/// double quote inside a quoted field is doubled. Records end with LF (not the
/// RFC's CRLF): every CSV reader accepts it and golden files stay clean in git.
/// Every record has the header's number of fields, so pandas never guesses.
public struct CSVWriter: Sendable {
    /// The text so far: the header line and every appended record.
    public private(set) var text: String
    /// Number of fields in every record.
    public let columnCount: Int

    /// Starts a document with `header` as its first record.
    public init(header: [String]) {
        precondition(!header.isEmpty, "a CSV header needs at least one column")
        columnCount = header.count
        text = ""
        appendRow(header)
    }

    /// Appends one record; `fields.count` must equal `columnCount`.
    public mutating func appendRow(_ fields: [String]) {
        precondition(fields.count == columnCount, "CSV row has \(fields.count) fields, header has \(columnCount)")
        text += fields.map(CSVWriter.escape).joined(separator: ",")
        text += "\n"
    }

    /// One field as it appears in the file (quoted only when it must be).
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return field }
        var quoted = "\""
        for character in field {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
