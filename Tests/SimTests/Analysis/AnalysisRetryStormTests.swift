import Testing
@testable import Sim

@Suite struct AnalysisRetryStormTests {
    let offered = Array(repeating: 100.0, count: 13)
    //                        0    1    2    3    4    5    6    7    8    9   10   11   12
    let attempts: [Double] = [100, 100, 160, 200, 300, 120, 250, 260, 100, 100, 100, 170, 100]
    let wasted: [Double] =   [0,   0,   10,  20,  30,  5,   25,  26,  0,   0,   0,   50,  0]

    @Test func amplificationIsAttemptsPerOfferedRequest() {
        #expect(Amplification.perWindow(attempts: [150, 0, 5], offered: [100, 0, .nan]).map { $0.isNaN ? -1 : $0 } == [1.5, -1, -1])
        #expect(Amplification.peak(attempts: [3, 300, 120], offered: [1, 100, 100], minimumOffered: 10) == 3)
        #expect(Amplification.peak(attempts: [3], offered: [1], minimumOffered: 10).isNaN)
    }

    @Test func stormEpisodeHasExpectedStartEndPeakAndExtraAttempts() {
        let episodes = RetryStormCriteria().episodes(entity: "edge:api->db", attempts: attempts, offered: offered,
                                                     wasted: wasted, windowWidth: .seconds(1))
        // Windows 2-7 (a one-window dip at 5 is bridged); the lone spike at 11 is not a storm.
        #expect(episodes == [RetryStormEpisode(entity: "edge:api->db", start: .seconds(2), end: .seconds(8),
                                               peakAmplification: 3, peakAt: .seconds(4),
                                               extraAttempts: 60 + 100 + 200 + 20 + 150 + 160, wastedWork: 116,
                                               ongoingAtEnd: false)])
        #expect(episodes[0].duration == .seconds(6))
    }

    @Test func withoutHysteresisEveryQualifyingStretchIsAnEpisode() {
        let episodes = RetryStormCriteria(hysteresisWindows: 1).episodes(entity: "e", attempts: attempts, offered: offered,
                                                                          wasted: [], windowWidth: .seconds(1))
        #expect(episodes.map { [$0.start.ns / 1_000_000_000, $0.end.ns / 1_000_000_000] } == [[2, 5], [6, 8], [11, 12]])
        #expect(episodes.map(\.wastedWork) == [0, 0, 0])
    }

    @Test func lowLoadIsNeverAStorm() {
        let criteria = RetryStormCriteria(minimumOfferedRps: 10)
        let episodes = criteria.episodes(entity: "e", attempts: [20, 20, 20, 20], offered: [5, 5, 5, 5], wasted: [], windowWidth: .seconds(1))
        #expect(episodes.isEmpty)
        // The floor scales with the window: 10 rps over a 10 s window is 100 requests.
        let wide = criteria.episodes(entity: "e", attempts: [400, 400], offered: [50, 50], wasted: [], windowWidth: .seconds(10))
        #expect(wide.isEmpty)
    }

    @Test func stormStillRunningAtTheEndIsMarkedOngoing() {
        let episodes = RetryStormCriteria().episodes(entity: "e", attempts: [100, 200, 250, 300, 100], offered: [100, 100, 100, 100, 100],
                                                     wasted: [], windowWidth: .seconds(1))
        #expect(episodes.count == 1)
        #expect(episodes[0].start == .seconds(1) && episodes[0].end == .seconds(4))
        #expect(episodes[0].ongoingAtEnd)
        #expect(episodes[0].extraAttempts == 450)
    }
}
