/// Colours used by charts: the ten-colour categorical palette of d3 and
/// matplotlib ("category10"), which stays distinguishable on white and for most
/// colour-vision deficiencies when paired with legends. Series take colours in
/// order; an eleventh series wraps around.
enum ChartPalette {
    static let series = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]
    static let background = "#ffffff"
    static let text = "#222222"
    static let mutedText = "#555555"
    static let axis = "#333333"
    static let grid = "#e5e5e5"
    static let threshold = "#555555"
    /// Fault spans: a pale red that lines stay readable over.
    static let span = "#d62728"
    static let spanOpacity = "0.12"
    static let spanText = "#8b1a1a"

    static func colour(_ index: Int) -> String { series[index % series.count] }
}
