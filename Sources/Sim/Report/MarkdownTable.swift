/// Builds a GitHub-flavoured Markdown table whose columns line up in plain text.
///
/// Cells are padded to the widest cell of their column (counted in Characters),
/// so `summary.md` reads well in a terminal and diffs cleanly. Pipes are escaped
/// (`\|`) and line breaks become `<br>`, so a cell can never break the table.
public struct MarkdownTable: Sendable {
    /// How a column's cells are aligned (and the colons in the separator row).
    public enum Alignment: Sendable { case left, right, center }

    /// A column heading and its alignment.
    public struct Column: Sendable {
        /// The heading text.
        public var title: String
        /// How the column is aligned.
        public var alignment: Alignment
        /// A column titled `title`, left-aligned unless given.
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns, in order.
    public private(set) var columns: [Column]
    /// The rows so far, already escaped.
    public private(set) var rows: [[String]] = []

    /// A table with these columns and no rows yet.
    public init(columns: [Column]) {
        precondition(!columns.isEmpty, "a table needs at least one column")
        self.columns = columns
    }

    /// Appends a row; `cells.count` must equal the number of columns.
    public mutating func appendRow(_ cells: [String]) {
        precondition(cells.count == columns.count, "row has \(cells.count) cells, table has \(columns.count) columns")
        rows.append(cells.map(MarkdownTable.escape))
    }

    /// The table as Markdown, one line per row, each ending in a newline.
    public func render() -> String {
        let titles = columns.map { MarkdownTable.escape($0.title) }
        var widths = titles.map { max(3, $0.count) }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var out = line(titles, widths: widths)
        out += "|" + columns.indices.map { " " + separator(columns[$0].alignment, width: widths[$0]) + " " }.joined(separator: "|") + "|\n"
        for row in rows { out += line(row, widths: widths) }
        return out
    }

    /// A cell's text made safe inside a table row.
    public static func escape(_ cell: String) -> String {
        var out = ""
        for character in cell {
            switch character {
            case "|": out += "\\|"
            case "\r\n", "\n", "\r": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        "|" + cells.indices.map { " " + pad(cells[$0], to: widths[$0], columns[$0].alignment) + " " }.joined(separator: "|") + "|\n"
    }

    private func pad(_ text: String, to width: Int, _ alignment: Alignment) -> String {
        let gap = width - text.count
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + text + String(repeating: " ", count: gap - before)
        }
    }

    private func separator(_ alignment: Alignment, width: Int) -> String {
        switch alignment {
        case .left: return String(repeating: "-", count: width)
        case .right: return String(repeating: "-", count: width - 1) + ":"
        case .center: return ":" + String(repeating: "-", count: width - 2) + ":"
        }
    }
}
