/// `summary.csv`: one row per figure of `RunAnalysis.figures`, in its order,
/// with the header `name,entity,value,unit,note` (entity empty for run-wide
/// figures; see `FigureText.csvFields` for value, unit and note).
public enum SummaryCSV {
    /// The text of `summary.csv`.
    public static func text(_ analysis: RunAnalysis) -> String {
        var csv = CSVWriter(header: ["name", "entity", "value", "unit", "note"])
        for figure in analysis.figures {
            let fields = FigureText.csvFields(figure.value)
            csv.appendRow([figure.name.rawValue, figure.entity ?? "", fields.value, fields.unit, fields.note])
        }
        return csv.text
    }
}
