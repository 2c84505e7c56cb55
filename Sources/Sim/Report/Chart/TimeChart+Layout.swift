/// Where everything goes in a `TimeChart`: margins, scales and legend rows.
/// Kept apart from drawing so the geometry can be tested on its own.
struct TimeChartLayout {
    static let titleBaselineY = 17.0
    static let legendFirstBaselineY = 34.0
    static let legendRowHeight = 14.0
    static let legendSwatchPx = 16.0
    static let rightMarginPx = 16.0
    static let bottomMarginPx = 36.0
    /// Average advance of one character of 11 px sans-serif: an estimate, since
    /// we cannot measure text without a font; generous so labels do not collide.
    static let characterWidthPx = 6.2

    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double
    let timeUnit: TimeAxisUnit
    let xScale: NiceScale
    let yScale: NiceScale
    /// The y tick values and their labels.
    let yTicks: [(value: Double, label: String)]
    /// Legend entries: series index, x of the swatch, row.
    let legend: [(series: Int, x: Double, row: Int)]
    let yLower: Double
    let yUpper: Double
    let xUpper: Double

    init(_ chart: TimeChart) {
        let width = Double(chart.widthPx)
        timeUnit = TimeAxisUnit(duration: chart.duration)
        xScale = NiceScale(minimum: 0, maximum: timeUnit.value(chart.duration), maxIntervals: 10)
        xUpper = timeUnit.value(chart.duration)

        if chart.levels.isEmpty {
            var low = Double.infinity, high = -Double.infinity
            if let domain = chart.yDomain {
                low = domain.lowerBound
                high = domain.upperBound
            } else {
                for value in chart.series.flatMap(\.values) + chart.thresholds.map(\.value) where value.isFinite {
                    low = min(low, value)
                    high = max(high, value)
                }
                if chart.includesZero { low = min(low, 0); high = max(high, 0) }
                if !low.isFinite { low = 0; high = 1 }
            }
            let scale = NiceScale(minimum: low, maximum: high, maxIntervals: 5)
            yScale = scale
            yTicks = scale.ticks.map { ($0, NumberFormat.fixed($0, decimals: scale.decimals)) }
            // A fixed domain is drawn exactly; a fitted one extends to its outer ticks.
            yLower = chart.yDomain?.lowerBound ?? scale.lower
            yUpper = chart.yDomain?.upperBound ?? scale.upper
        } else {
            let values = chart.levels.map(\.value)
            let low = values.min()!, high = values.max()!
            let pad = high > low ? (high - low) * 0.1 : 0.5
            yScale = NiceScale(minimum: low, maximum: high, maxIntervals: 5)
            yTicks = chart.levels.map { ($0.value, $0.label) }
            yLower = low - pad
            yUpper = high + pad
        }

        let widestTick = yTicks.map(\.label.count).max() ?? 1
        plotLeft = 22 + max(24, Double(widestTick) * TimeChartLayout.characterWidthPx) + 8
        plotRight = width - TimeChartLayout.rightMarginPx

        var entries: [(Int, Double, Int)] = []
        var x = plotLeft, row = 0
        for (index, series) in chart.series.enumerated() {
            let itemWidth = TimeChartLayout.legendSwatchPx + 4 + Double(series.name.count) * TimeChartLayout.characterWidthPx + 14
            if x + itemWidth > width - 8 && x > plotLeft {
                row += 1
                x = plotLeft
            }
            entries.append((index, x, row))
            x += itemWidth
        }
        legend = entries.map { (series: $0.0, x: $0.1, row: $0.2) }
        // Room under the legend for fault labels, which sit just above the plot
        // so they never collide with the lines they explain.
        plotTop = TimeChartLayout.legendFirstBaselineY + TimeChartLayout.legendRowHeight * Double(row) + 22
        plotBottom = Double(chart.heightPx) - TimeChartLayout.bottomMarginPx
    }

    /// The x pixel of `time` (may lie outside the plot; callers clamp).
    func x(_ time: SimTime) -> Double {
        plotLeft + timeUnit.value(time) / xScale.upper * (plotRight - plotLeft)
    }

    /// The x pixel of a value already in axis units.
    func x(axisValue: Double) -> Double {
        plotLeft + axisValue / xScale.upper * (plotRight - plotLeft)
    }

    /// The y pixel of `value`, clamped into the plot so an outlier beyond a
    /// fixed domain sits on the edge instead of drawing over the legend.
    func y(_ value: Double) -> Double {
        let fraction = (value - yLower) / (yUpper - yLower)
        let clamped = min(1, max(0, fraction))
        return plotBottom - clamped * (plotBottom - plotTop)
    }

    /// `pixel` clamped to the plot's horizontal extent.
    func clampX(_ pixel: Double) -> Double { min(plotRight, max(plotLeft, pixel)) }
}
