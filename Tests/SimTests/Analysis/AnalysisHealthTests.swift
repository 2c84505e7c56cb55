import Testing
@testable import Sim

@Suite struct AnalysisHealthTests {
    @Test func defaultTargetIsThreeNinesAndOneSecondP99() {
        let target = SLOTarget()
        #expect(target.successRatio == 0.999)
        #expect(target.latencyP99 == .seconds(1))
    }

    @Test func windowIsHealthyOnlyWhenBothSuccessAndLatencyMeetTheTarget() {
        let target = SLOTarget()
        #expect(target.health(successRatio: 0.9995, latencyP99Ms: 200, offered: 10) == .healthy)
        #expect(target.health(successRatio: 0.999, latencyP99Ms: 1000, offered: 10) == .healthy)   // bounds are inclusive
        #expect(target.health(successRatio: 0.998, latencyP99Ms: 200, offered: 10) == .unhealthy)
        #expect(target.health(successRatio: 1, latencyP99Ms: 1000.5, offered: 10) == .unhealthy)
        #expect(target.health(successRatio: 1, latencyP99Ms: .nan, offered: 10) == .healthy)
    }

    @Test func windowWithDemandButNoCompletionsIsUnhealthyNotNoData() {
        let target = SLOTarget()
        #expect(target.health(successRatio: .nan, latencyP99Ms: .nan, offered: 25) == .unhealthy)
        #expect(target.health(successRatio: .nan, latencyP99Ms: .nan, offered: 0) == .noData)
        #expect(target.health(successRatio: .nan, latencyP99Ms: .nan, offered: .nan) == .noData)
    }

    @Test func sustainedStretchNeedsKHealthyWindowsAndSkipsNoData() {
        let timeline = healthScript("HHUUHUUHHNHHH")
        #expect(timeline.sustainedHealthyStart(from: 2, windows: 3) == 7)   // 7, 8, (9 no data), 10
        #expect(timeline.sustainedHealthyStart(from: 2, windows: 1) == 4)
        #expect(timeline.sustainedHealthyStart(from: 0, windows: 2) == 0)
        #expect(timeline.sustainedHealthyStart(from: 11, windows: 3) == nil)
        #expect(timeline.firstUnhealthy(from: 4) == 5)
        #expect(timeline.firstUnhealthy(from: 7) == nil)
        #expect(timeline.count(.healthy) == 8 && timeline.count(.unhealthy) == 4 && timeline.count(.noData) == 1)
    }
}
