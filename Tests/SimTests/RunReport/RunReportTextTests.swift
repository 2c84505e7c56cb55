import Testing
@testable import Sim

/// How figures and chart series are spelled and shaped, value by value.
@Suite struct RunReportTextTests {
    @Test func markdownSpellsEachKindOfValue() {
        #expect(FigureText.markdown(.number(0.99951, .ratio)) == "99.95%")
        #expect(FigureText.markdown(.number(392, .count)) == "392")
        #expect(FigureText.markdown(.number(1.9135802469135803, .times)) == "1.91x")
        #expect(FigureText.markdown(.number(301.258389, .milliseconds)) == "301.3 ms")
        #expect(FigureText.markdown(.number(3, .perMinute)) == "3.00/min")
        #expect(FigureText.markdown(.duration(.seconds(72))) == "1m 12s")
        #expect(FigureText.markdown(.flag(true)) == "yes")
        #expect(FigureText.markdown(.flag(false)) == "no")
        #expect(FigureText.markdown(.notApplicable(.notRecovered)) == "*not recovered*")
    }

    @Test func csvFieldsCarryValueUnitAndReason() {
        #expect(FigureText.csvFields(.number(0.7333333333333333, .ratio)) == ("0.733333", "ratio", ""))
        #expect(FigureText.csvFields(.number(1.5, .times)) == ("1.5", "x", ""))
        #expect(FigureText.csvFields(.duration(.ms(2_500))) == ("2.5", "s", ""))
        #expect(FigureText.csvFields(.flag(true)) == ("true", "bool", ""))
        #expect(FigureText.csvFields(.notApplicable(.undetermined)) == ("", "", "undetermined"))
    }

    @Test func measuredNaNIsNotApplicableForLackOfData() {
        #expect(FigureValue.measured(.nan, .ratio) == .notApplicable(.noData))
        #expect(FigureValue.measured(.infinity, .times) == .notApplicable(.noData))
        #expect(FigureValue.measured(0.5, .ratio) == .number(0.5, .ratio))
    }

    @Test func tableCellsForRangesAndMissingValues() {
        #expect(FigureText.range(GaugeSummary([2, 1, .nan, 2])) == "1–2")
        #expect(FigureText.range(GaugeSummary([2, 2])) == "2")
        #expect(FigureText.range(GaugeSummary([.nan])) == "–")
        #expect(FigureText.percent(.nan) == "–")
        #expect(FigureText.milliseconds(12.345) == "12.3")
    }

    @Test func gaugeSummarySkipsUndefinedWindows() {
        let gauge = GaugeSummary([.nan, 3, 1, 4, .nan])
        #expect(gauge.first == 3)
        #expect(gauge.last == 4)
        #expect(gauge.minimum == 1)
        #expect(gauge.maximum == 4)
    }

    @Test func endOfWindowSamplesAreDrawnFromTheirSamplingTime() {
        // Sampled at 1 s, 2 s, 3 s, 4 s: the drop seen at the end of window 1 holds over window 2.
        #expect(SummaryCharts.sampledAtWindowEnd([2, 1, 1, 2]) == [2, 2, 1, 1])
        #expect(SummaryCharts.sampledAtWindowEnd([]) == [])
    }

    @Test func figureNamesAreStableAndOrdered() {
        // Scenario files bound these names: renaming one breaks users' expectations.
        #expect(FigureName.allCases.map(\.rawValue) == [
            "mttd", "mttr", "recoveryAfterRemoval", "metastable", "retryAmplificationPeak", "retryStormEpisodes",
            "retryStormExtraAttempts", "oscillating", "oscillationPeriod", "stateFlipsPerMinute", "breakerOpens",
            "sloAttainment", "errorBudgetConsumed", "successRatio", "latencyP99Ms", "goodputRatio", "fallbackHitRatio",
            "shedShare", "rejectedShare", "offeredRequests", "canaryRolledBack", "canaryRollbackTime", "canaryExposure",
            "canaryFailures", "scaleEventsPerHour", "controllerConflicts",
        ])
        #expect(FigureName.mttd < .offeredRequests)
        #expect(!(FigureName.shedShare < .mttr))
    }
}
