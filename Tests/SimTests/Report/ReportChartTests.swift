import Testing
@testable import Sim

@Suite struct ReportChartTests {
    /// A tiny chart whose every byte is pinned: two series (one with a NaN gap
    /// and a lone point), a fault span and a dashed SLO line.
    func smallChart() -> TimeChart {
        var chart = TimeChart(title: "Success ratio & SLO", yAxisTitle: "success ratio", windowWidth: .seconds(10),
                              series: [.init("client:web", [1, 0.5, 0.8, 1]),
                                       .init("client:app", [0.9, .nan, 0.7, .nan])])
        chart.spans = [.init("db down", start: .seconds(10), end: .seconds(25))]
        chart.thresholds = [.init(0.999, "SLO")]
        chart.yDomain = 0...1
        chart.widthPx = 320
        chart.heightPx = 160
        return chart
    }

    @Test func smallChartMatchesGoldenBytes() {
        let golden = """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="320" height="160" viewBox="0 0 320 160" font-family="sans-serif" font-size="11">
            <title>Success ratio &amp; SLO</title>
            <rect width="320" height="160" fill="#ffffff"/>
            <rect x="116.5" y="56.0" width="93.8" height="68.0" fill="#d62728" fill-opacity="0.12"/>
            <line x1="54.0" y1="124.0" x2="304.0" y2="124.0" stroke="#e5e5e5"/>
            <text x="48.0" y="128.0" text-anchor="end" fill="#222222">0.0</text>
            <line x1="54.0" y1="110.4" x2="304.0" y2="110.4" stroke="#e5e5e5"/>
            <text x="48.0" y="114.4" text-anchor="end" fill="#222222">0.2</text>
            <line x1="54.0" y1="96.8" x2="304.0" y2="96.8" stroke="#e5e5e5"/>
            <text x="48.0" y="100.8" text-anchor="end" fill="#222222">0.4</text>
            <line x1="54.0" y1="83.2" x2="304.0" y2="83.2" stroke="#e5e5e5"/>
            <text x="48.0" y="87.2" text-anchor="end" fill="#222222">0.6</text>
            <line x1="54.0" y1="69.6" x2="304.0" y2="69.6" stroke="#e5e5e5"/>
            <text x="48.0" y="73.6" text-anchor="end" fill="#222222">0.8</text>
            <line x1="54.0" y1="56.0" x2="304.0" y2="56.0" stroke="#e5e5e5"/>
            <text x="48.0" y="60.0" text-anchor="end" fill="#222222">1.0</text>
            <line x1="54.0" y1="56.0" x2="54.0" y2="124.0" stroke="#333333"/>
            <line x1="54.0" y1="124.0" x2="304.0" y2="124.0" stroke="#333333"/>
            <line x1="54.0" y1="124.0" x2="54.0" y2="128.0" stroke="#333333"/>
            <text x="54.0" y="139.0" text-anchor="middle" fill="#222222">0</text>
            <line x1="85.3" y1="124.0" x2="85.3" y2="128.0" stroke="#333333"/>
            <text x="85.3" y="139.0" text-anchor="middle" fill="#222222">5</text>
            <line x1="116.5" y1="124.0" x2="116.5" y2="128.0" stroke="#333333"/>
            <text x="116.5" y="139.0" text-anchor="middle" fill="#222222">10</text>
            <line x1="147.8" y1="124.0" x2="147.8" y2="128.0" stroke="#333333"/>
            <text x="147.8" y="139.0" text-anchor="middle" fill="#222222">15</text>
            <line x1="179.0" y1="124.0" x2="179.0" y2="128.0" stroke="#333333"/>
            <text x="179.0" y="139.0" text-anchor="middle" fill="#222222">20</text>
            <line x1="210.3" y1="124.0" x2="210.3" y2="128.0" stroke="#333333"/>
            <text x="210.3" y="139.0" text-anchor="middle" fill="#222222">25</text>
            <line x1="241.5" y1="124.0" x2="241.5" y2="128.0" stroke="#333333"/>
            <text x="241.5" y="139.0" text-anchor="middle" fill="#222222">30</text>
            <line x1="272.8" y1="124.0" x2="272.8" y2="128.0" stroke="#333333"/>
            <text x="272.8" y="139.0" text-anchor="middle" fill="#222222">35</text>
            <line x1="304.0" y1="124.0" x2="304.0" y2="128.0" stroke="#333333"/>
            <text x="304.0" y="139.0" text-anchor="middle" fill="#222222">40</text>
            <line x1="54.0" y1="56.1" x2="304.0" y2="56.1" stroke="#555555" stroke-dasharray="4 3"/>
            <text x="302.0" y="53.1" text-anchor="end" font-size="10" fill="#555555">SLO</text>
            <polyline fill="none" stroke="#1f77b4" stroke-width="1.5" stroke-linejoin="round" points="85.3,56.0 147.8,90.0 210.3,69.6 272.8,56.0"/>
            <circle cx="85.3" cy="62.8" r="2" fill="#ff7f0e"/>
            <circle cx="210.3" cy="76.4" r="2" fill="#ff7f0e"/>
            <text x="116.5" y="52.0" font-size="10" fill="#8b1a1a">db down</text>
            <text x="8.0" y="17.0" font-size="13" font-weight="bold" fill="#222222">Success ratio &amp; SLO</text>
            <line x1="54.0" y1="30.0" x2="70.0" y2="30.0" stroke="#1f77b4" stroke-width="3"/>
            <text x="74.0" y="34.0" fill="#222222">client:web</text>
            <line x1="150.0" y1="30.0" x2="166.0" y2="30.0" stroke="#ff7f0e" stroke-width="3"/>
            <text x="170.0" y="34.0" fill="#222222">client:app</text>
            <text x="0" y="0" transform="translate(14 90.0) rotate(-90)" text-anchor="middle" fill="#222222">success ratio</text>
            <text x="179.0" y="154.0" text-anchor="middle" fill="#222222">time (s)</text>
            </svg>

            """
        #expect(smallChart().svg() == golden)
    }

    @Test func sameChartGivesSameBytes() {
        #expect(smallChart().svg() == smallChart().svg())
    }

    @Test func nanGapsBreakLinesAndLonePointsBecomeDots() {
        let svg = smallChart().svg()
        #expect(count("<polyline", in: svg) == 1)  // client:web is one unbroken line
        #expect(count("<circle", in: svg) == 2)    // client:app: 0.9 and 0.7 are alone between gaps
        #expect(TimeChart.definedRuns([1, .nan, .nan, 2, 3, .nan, 4]) == [0..<1, 3..<5, 6..<7])
        #expect(TimeChart.definedRuns([.nan, .nan]).isEmpty)
    }

    @Test func stepChartLabelsLevelsByName() {
        var chart = TimeChart(title: "Breaker", yAxisTitle: "state", windowWidth: .seconds(1), style: .step,
                              series: [.init("edge:api->db", [0, 2, 2, 1, 0, .nan, 0])])
        chart.levels = [.init(0, "closed"), .init(1, "half-open"), .init(2, "open")]
        let svg = chart.svg()
        #expect(count("<polyline", in: svg) == 2)
        #expect(svg.contains(">closed</text>") && svg.contains(">half-open</text>") && svg.contains(">open</text>"))
        // The first run holds each of 5 values across its window: 10 points.
        let firstPoints = svg.split(separator: "points=\"")[1].split(separator: "\"")[0]
        #expect(firstPoints.split(separator: " ").count == 10)
    }

    @Test func longRunsUseMinutesOnTheTimeAxis() {
        let chart = TimeChart(title: "t", yAxisTitle: "inFlight (requests)", windowWidth: .seconds(10),
                              series: [.init("service:api", Array(repeating: 3, count: 90))])
        let svg = chart.svg()
        #expect(svg.contains(">time (min)</text>"))
        // 15 minutes in at most 10 intervals: a 2-minute step, 0 to 16.
        for label in ["0", "2", "4", "14", "16"] { #expect(svg.contains(">\(label)</text>")) }
        #expect(!svg.contains(">18</text>"))
        let short = TimeChart(title: "t", yAxisTitle: "y", windowWidth: .seconds(1), series: [.init("a", [1, 2, 3])])
        #expect(short.svg().contains(">time (s)</text>"))
    }

    @Test func niceScaleUsesOneTwoFiveSteps() {
        let ratio = NiceScale(minimum: 0, maximum: 0.95, maxIntervals: 5)
        #expect(ratio.step == 0.2 && ratio.decimals == 1)
        #expect(ratio.ticks.map { NumberFormat.fixed($0, decimals: ratio.decimals) } == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let narrow = NiceScale(minimum: 0.9985, maximum: 1.0, maxIntervals: 5)
        #expect(narrow.ticks.map { NumberFormat.fixed($0, decimals: narrow.decimals) } == ["0.9985", "0.9990", "0.9995", "1.0000"])
        let time = NiceScale(minimum: 0, maximum: 120, maxIntervals: 10)
        #expect(time.step == 20 && time.lower == 0 && time.upper == 120)
        let latency = NiceScale(minimum: 0, maximum: 1234, maxIntervals: 5)
        #expect(latency.step == 500 && latency.upper == 1500)
        let flat = NiceScale(minimum: 3, maximum: 3, maxIntervals: 5)
        #expect(flat.lower < 3 && flat.upper > 3)
        let zero = NiceScale(minimum: 0, maximum: 0, maxIntervals: 5)
        #expect(zero.lower == 0 && zero.upper == 1)
    }

    @Test func textIsEscapedForXML() {
        let chart = TimeChart(title: "a<b & \"c\"", yAxisTitle: "y", windowWidth: .seconds(1), series: [.init("edge:api->db", [1, 2])])
        let svg = chart.svg()
        #expect(svg.contains("<title>a&lt;b &amp; &quot;c&quot;</title>"))
        #expect(svg.contains(">edge:api-&gt;db</text>"))
        #expect(XMLText.escape("it's\u{1}") == "it&apos;s")
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }
}
