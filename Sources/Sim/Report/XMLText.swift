/// Escaping for text and attribute values in SVG and JUnit XML (XML 1.0).
public enum XMLText {
    /// `text` with `& < > " '` replaced by entities, and control characters other
    /// than tab and newline dropped (they are not allowed in XML 1.0).
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
