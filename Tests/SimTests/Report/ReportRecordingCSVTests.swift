import Testing
@testable import Sim

@Suite struct ReportRecordingCSVTests {
    let recording = Recording(windowWidth: .ms(500), windowCount: 3, series: [
        MetricSeries(entity: "edge:web->api", metric: "attempts", values: [10, 12.5, .nan]),
        MetricSeries(entity: "client:web", metric: "successRatio", values: [1, 0.998, 1.0 / 3.0]),
    ], events: [
        StateChangeEvent(time: .ms(750), entity: "edge:web->api", category: .breaker, from: "closed", to: "open",
                         cause: "failure rate 62.5% >= 50%, 8 calls"),
    ])

    @Test func timeseriesIsTidyAndSortedByEntityThenTime() {
        #expect(RecordingCSV.timeseries(recording) == """
            time_s,entity,metric,value
            0,client:web,successRatio,1
            0.5,client:web,successRatio,0.998
            1,client:web,successRatio,0.333333
            0,edge:web->api,attempts,10
            0.5,edge:web->api,attempts,12.5
            1,edge:web->api,attempts,NaN

            """)
    }

    @Test func eventsKeepTheirCauseQuoted() {
        #expect(RecordingCSV.events(recording) == """
            time_s,entity,category,from,to,cause
            0.75,edge:web->api,breaker,closed,open,"failure rate 62.5% >= 50%, 8 calls"

            """)
    }

    @Test func breakerLevelsMatchTheRecordedEncoding() {
        #expect(TimeChart.breakerLevels.map(\.value) == [0, 1, 2])
        #expect(TimeChart.breakerLevels.map(\.label) == ["closed", "half-open", "open"])
    }
}
