extension TimeChart {
    /// The chart as a standalone SVG 1.1 document (UTF-8 text, LF line ends).
    ///
    /// Drawing order, bottom to top: background, fault spans, grid and tick
    /// labels, axes, reference lines, series, span labels, title, legend and axis
    /// titles, so lines are never hidden under shading and text stays on top.
    public func svg() -> String {
        let layout = TimeChartLayout(self)
        var out = SVGWriter()
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(widthPx)\" height=\"\(heightPx)\" "
            + "viewBox=\"0 0 \(widthPx) \(heightPx)\" font-family=\"sans-serif\" font-size=\"11\">\n")
        out.element("title", [], content: title)
        out.element("rect", [("width", "\(widthPx)"), ("height", "\(heightPx)"), ("fill", ChartPalette.background)])
        drawSpans(layout, &out)
        drawYAxis(layout, &out)
        drawXAxis(layout, &out)
        drawThresholds(layout, &out)
        for (index, item) in series.enumerated() { drawSeries(item, colour: ChartPalette.colour(index), layout, &out) }
        drawSpanLabels(layout, &out)
        drawTitlesAndLegend(layout, &out)
        out.raw("</svg>\n")
        return out.text
    }

    private func spanPixels(_ span: Span, _ layout: TimeChartLayout) -> (left: Double, width: Double) {
        let left = layout.clampX(layout.x(span.start))
        let right = layout.clampX(layout.x(max(span.start, span.end)))
        // An instantaneous fault (a cache flush) still shows as a 2 px band.
        return (left, max(2, right - left))
    }

    private func drawSpans(_ layout: TimeChartLayout, _ out: inout SVGWriter) {
        for span in spans {
            let (left, width) = spanPixels(span, layout)
            out.element("rect", [("x", SVGWriter.coordinate(left)), ("y", SVGWriter.coordinate(layout.plotTop)),
                                 ("width", SVGWriter.coordinate(width)),
                                 ("height", SVGWriter.coordinate(layout.plotBottom - layout.plotTop)),
                                 ("fill", ChartPalette.span), ("fill-opacity", ChartPalette.spanOpacity)])
        }
    }

    private func drawSpanLabels(_ layout: TimeChartLayout, _ out: inout SVGWriter) {
        for span in spans {
            let (left, _) = spanPixels(span, layout)
            out.label(span.label, x: left, y: layout.plotTop - 4, [("font-size", "10"), ("fill", ChartPalette.spanText)])
        }
    }

    private func drawYAxis(_ layout: TimeChartLayout, _ out: inout SVGWriter) {
        for tick in layout.yTicks {
            let y = layout.y(tick.value)
            out.line(x1: layout.plotLeft, y1: y, x2: layout.plotRight, y2: y, [("stroke", ChartPalette.grid)])
            out.label(tick.label, x: layout.plotLeft - 6, y: y + 4, [("text-anchor", "end"), ("fill", ChartPalette.text)])
        }
        out.line(x1: layout.plotLeft, y1: layout.plotTop, x2: layout.plotLeft, y2: layout.plotBottom, [("stroke", ChartPalette.axis)])
    }

    private func drawXAxis(_ layout: TimeChartLayout, _ out: inout SVGWriter) {
        out.line(x1: layout.plotLeft, y1: layout.plotBottom, x2: layout.plotRight, y2: layout.plotBottom, [("stroke", ChartPalette.axis)])
        for tick in layout.xScale.ticks {
            let x = layout.x(axisValue: tick)
            out.line(x1: x, y1: layout.plotBottom, x2: x, y2: layout.plotBottom + 4, [("stroke", ChartPalette.axis)])
            out.label(NumberFormat.fixed(tick, decimals: layout.xScale.decimals), x: x, y: layout.plotBottom + 15,
                      [("text-anchor", "middle"), ("fill", ChartPalette.text)])
        }
    }

    private func drawThresholds(_ layout: TimeChartLayout, _ out: inout SVGWriter) {
        for mark in thresholds {
            let y = layout.y(mark.value)
            out.line(x1: layout.plotLeft, y1: y, x2: layout.plotRight, y2: y,
                     [("stroke", ChartPalette.threshold), ("stroke-dasharray", "4 3")])
            out.label(mark.label, x: layout.plotRight - 2, y: y - 3,
                      [("text-anchor", "end"), ("font-size", "10"), ("fill", ChartPalette.mutedText)])
        }
    }

    /// One polyline per run of defined values; a lone value becomes a dot.
    private func drawSeries(_ item: Series, colour: String, _ layout: TimeChartLayout, _ out: inout SVGWriter) {
        for run in TimeChart.definedRuns(item.values) {
            var points: [(x: Double, y: Double)] = []
            for index in run {
                let y = layout.y(item.values[index])
                let start = windowWidth * Int64(index)
                switch style {
                case .line: points.append((layout.x(start + SimTime(ns: windowWidth.ns / 2)), y))
                case .step:
                    points.append((layout.x(start), y))
                    points.append((layout.x(start + windowWidth), y))
                }
            }
            if points.count == 1 {
                out.element("circle", [("cx", SVGWriter.coordinate(points[0].x)), ("cy", SVGWriter.coordinate(points[0].y)),
                                       ("r", "2"), ("fill", colour)])
            } else {
                out.element("polyline", [("fill", "none"), ("stroke", colour), ("stroke-width", "1.5"),
                                         ("stroke-linejoin", "round"), ("points", SVGWriter.points(points))])
            }
        }
    }

    private func drawTitlesAndLegend(_ layout: TimeChartLayout, _ out: inout SVGWriter) {
        out.label(title, x: 8, y: TimeChartLayout.titleBaselineY,
                  [("font-size", "13"), ("font-weight", "bold"), ("fill", ChartPalette.text)])
        for entry in layout.legend {
            let baseline = TimeChartLayout.legendFirstBaselineY + TimeChartLayout.legendRowHeight * Double(entry.row)
            out.line(x1: entry.x, y1: baseline - 4, x2: entry.x + TimeChartLayout.legendSwatchPx, y2: baseline - 4,
                     [("stroke", ChartPalette.colour(entry.series)), ("stroke-width", "3")])
            out.label(series[entry.series].name, x: entry.x + TimeChartLayout.legendSwatchPx + 4, y: baseline,
                      [("fill", ChartPalette.text)])
        }
        let middleY = (layout.plotTop + layout.plotBottom) / 2
        out.element("text", [("x", "0"), ("y", "0"), ("transform", "translate(14 \(SVGWriter.coordinate(middleY))) rotate(-90)"),
                             ("text-anchor", "middle"), ("fill", ChartPalette.text)], content: yAxisTitle)
        out.label(layout.timeUnit.axisTitle, x: (layout.plotLeft + layout.plotRight) / 2, y: Double(heightPx) - 6,
                  [("text-anchor", "middle"), ("fill", ChartPalette.text)])
    }

    /// Maximal runs of consecutive indices whose values are not NaN (infinities
    /// are drawn clamped to the plot edge: they are data, not gaps).
    static func definedRuns(_ values: [Double]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int? = nil
        for (index, value) in values.enumerated() {
            if value.isNaN {
                if let first = start { runs.append(first..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { runs.append(first..<values.count) }
        return runs
    }
}
