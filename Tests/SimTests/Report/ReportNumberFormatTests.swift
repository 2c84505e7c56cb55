import Testing
@testable import Sim

@Suite struct ReportNumberFormatTests {
    @Test func fixedRoundsTheShortestDecimalHalfAwayFromZero() {
        // 2.675 and 1.005 are stored slightly below the decimal; people expect them to round up.
        #expect(NumberFormat.fixed(2.675, decimals: 2) == "2.68")
        #expect(NumberFormat.fixed(1.005, decimals: 2) == "1.01")
        #expect(NumberFormat.fixed(-2.5, decimals: 0) == "-3")
        #expect(NumberFormat.fixed(0.5, decimals: 0) == "1")
        #expect(NumberFormat.fixed(0.4999, decimals: 0) == "0")
    }

    @Test func fixedCarriesThroughNines() {
        #expect(NumberFormat.fixed(9.999, decimals: 2) == "10.00")
        #expect(NumberFormat.fixed(0.0996, decimals: 2) == "0.10")
        #expect(NumberFormat.fixed(999.5, decimals: 0) == "1000")
    }

    @Test func fixedPadsWithZerosAndHandlesExponentForms() {
        #expect(NumberFormat.fixed(0, decimals: 3) == "0.000")
        #expect(NumberFormat.fixed(3, decimals: 1) == "3.0")
        #expect(NumberFormat.fixed(123.456, decimals: 0) == "123")
        #expect(NumberFormat.fixed(1.5e-5, decimals: 6) == "0.000015")
        #expect(NumberFormat.fixed(1e20, decimals: 1) == "100000000000000000000.0")
        #expect(NumberFormat.fixed(1.25e16, decimals: 0) == "12500000000000000")
        #expect(NumberFormat.fixed(Double.leastNonzeroMagnitude, decimals: 2) == "0.00")
    }

    @Test func valuesRoundingToZeroHaveNoMinusSign() {
        #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-0.0, decimals: 1) == "0.0")
        #expect(NumberFormat.trimmed(-0.0001, maxDecimals: 2) == "0")
        #expect(NumberFormat.fixed(-0.006, decimals: 2) == "-0.01")
    }

    @Test func nonFiniteValuesAreSpelledOut() {
        #expect(NumberFormat.fixed(.nan, decimals: 2) == "NaN")
        #expect(NumberFormat.fixed(.infinity, decimals: 2) == "inf")
        #expect(NumberFormat.trimmed(-.infinity, maxDecimals: 2) == "-inf")
        #expect(NumberFormat.percent(.nan, decimals: 1) == "NaN")
    }

    @Test func trimmedDropsTrailingZerosAndBarePoint() {
        #expect(NumberFormat.trimmed(2.50, maxDecimals: 3) == "2.5")
        #expect(NumberFormat.trimmed(3.0, maxDecimals: 3) == "3")
        #expect(NumberFormat.trimmed(1.23456, maxDecimals: 3) == "1.235")
        #expect(NumberFormat.trimmed(100, maxDecimals: 0) == "100")
        #expect(NumberFormat.trimmed(1.0 / 3.0, maxDecimals: 4) == "0.3333")
    }

    @Test func percentScalesARatio() {
        #expect(NumberFormat.percent(0.9991, decimals: 1) == "99.9%")
        #expect(NumberFormat.percent(0.999, decimals: 2) == "99.90%")
        #expect(NumberFormat.percent(1, decimals: 0) == "100%")
    }

    @Test func durationsReadLikeAPersonWouldWriteThem() {
        #expect(DurationFormat.human(.zero) == "0ms")
        #expect(DurationFormat.human(.ms(250)) == "250ms")
        #expect(DurationFormat.human(.us(500)) == "0.5ms")
        #expect(DurationFormat.human(.ms(2250)) == "2.25s")
        #expect(DurationFormat.human(.seconds(59)) == "59s")
        #expect(DurationFormat.human(.seconds(90)) == "1m 30s")
        #expect(DurationFormat.human(.ms(90_500)) == "1m 30.5s")
        #expect(DurationFormat.human(.minutes(2)) == "2m")
        #expect(DurationFormat.human(.hours(1) + .seconds(5)) == "1h 5s")
        #expect(DurationFormat.human(.ms(-1500)) == "-1.5s")
        #expect(DurationFormat.human(.max) == "never")
    }
}
