/// Appends SVG elements to a string with escaped attribute values and
/// coordinates printed with fixed decimals, so the bytes are the same on every
/// machine for the same input.
struct SVGWriter {
    private(set) var text = ""

    /// A coordinate with one decimal (0.1 px is finer than any screen shows).
    static func coordinate(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }

    /// `<name a="v" .../>` or `<name ...>content</name>`; `content` is escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(XMLText.escape(value))\"" }
        if let content {
            text += ">" + XMLText.escape(content) + "</\(name)>\n"
        } else {
            text += "/>\n"
        }
    }

    /// Raw markup (an opening or closing tag the writer itself controls).
    mutating func raw(_ markup: String) { text += markup }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, _ style: [(String, String)]) {
        element("line", [("x1", SVGWriter.coordinate(x1)), ("y1", SVGWriter.coordinate(y1)),
                         ("x2", SVGWriter.coordinate(x2)), ("y2", SVGWriter.coordinate(y2))] + style)
    }

    /// Text at a point.
    mutating func label(_ content: String, x: Double, y: Double, _ style: [(String, String)] = []) {
        element("text", [("x", SVGWriter.coordinate(x)), ("y", SVGWriter.coordinate(y))] + style, content: content)
    }

    /// The `points` attribute of a polyline.
    static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { coordinate($0.x) + "," + coordinate($0.y) }.joined(separator: " ")
    }
}
