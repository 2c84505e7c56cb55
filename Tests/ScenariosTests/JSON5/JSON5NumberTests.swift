import Testing
@testable import Scenarios

/// Numbers keep their source text, a double, and an exact `Int64` when whole.
/// Spec section "Numbers" plus ECMAScript 5.1 NumericLiteral (7.8.3).
@Suite struct JSON5NumberTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        let double: Double
        let int64: Int64?
        var testDescription: String { source }
    }

    static let cases: [Case] = [
        Case(source: "0", double: 0, int64: 0),
        Case(source: "-0", double: -0.0, int64: 0),
        Case(source: "123", double: 123, int64: 123),
        Case(source: "+1", double: 1, int64: 1),
        Case(source: "-17", double: -17, int64: -17),
        Case(source: "123.456", double: 123.456, int64: nil),
        Case(source: ".456", double: 0.456, int64: nil),
        Case(source: "-.5", double: -0.5, int64: nil),
        Case(source: "+.5", double: 0.5, int64: nil),
        Case(source: "5.", double: 5, int64: 5),
        Case(source: "5.e3", double: 5000, int64: 5000),
        Case(source: "1e3", double: 1000, int64: 1000),
        Case(source: "1E+3", double: 1000, int64: 1000),
        Case(source: "2.50e1", double: 25, int64: 25),
        Case(source: "1500e-3", double: 1.5, int64: nil),
        Case(source: "1000e-3", double: 1, int64: 1),
        Case(source: "0.0", double: 0, int64: 0),
        Case(source: "0e99999999999999999999", double: 0, int64: 0),
        Case(source: "1e-3", double: 0.001, int64: nil),
        Case(source: "123e-456", double: 0, int64: nil),
        Case(source: "1e400", double: .infinity, int64: nil),
        Case(source: "-1e400", double: -.infinity, int64: nil),
        Case(source: "0xdecaf", double: 912_559, int64: 912_559),
        Case(source: "-0xC0FFEE", double: -12_648_430, int64: -12_648_430),
        Case(source: "0X1f", double: 31, int64: 31),
        Case(source: "+0x10", double: 16, int64: 16),
        Case(source: "0x7FFFFFFFFFFFFFFF", double: 0x1p63, int64: .max),
        Case(source: "-0x8000000000000000", double: -0x1p63, int64: .min),
        Case(source: "0x8000000000000000", double: 0x1p63, int64: nil),
        Case(source: "0xFFFFFFFFFFFFFFFFFFFF", double: 0x1p80, int64: nil),
        Case(source: "9007199254740993", double: 9_007_199_254_740_992, int64: 9_007_199_254_740_993),
        Case(source: "9223372036854775807", double: 0x1p63, int64: .max),
        Case(source: "-9223372036854775808", double: -0x1p63, int64: .min),
        Case(source: "9223372036854775808", double: 0x1p63, int64: nil),
        Case(source: "92233720368547758070e-1", double: 0x1p63, int64: .max),
        Case(source: "1e19", double: 1e19, int64: nil),
        Case(source: "Infinity", double: .infinity, int64: nil),
        Case(source: "+Infinity", double: .infinity, int64: nil),
        Case(source: "-Infinity", double: -.infinity, int64: nil),
    ]

    @Test(arguments: cases)
    func keepsTextDoubleAndExactInteger(_ testCase: Case) throws {
        let value = try JSON5Parser.parse("[\(testCase.source)]")
        let number = try #require(value[0]?.numberValue)
        #expect(number.text == testCase.source)
        #expect(number.doubleValue == testCase.double)
        #expect(number.doubleValue.sign == testCase.double.sign)
        #expect(number.int64Value == testCase.int64)
    }

    @Test(arguments: ["NaN", "+NaN", "-NaN"])
    func parsesNaN(_ source: String) throws {
        let number = try #require(try JSON5Parser.parse(source).numberValue)
        #expect(number.text == source)
        #expect(number.doubleValue.isNaN)
        #expect(number.int64Value == nil)
    }

    @Test func numbersCompareByValueNotSpelling() throws {
        #expect(try JSON5Parser.parse("16") == JSON5Parser.parse("0x10"))
        #expect(try JSON5Parser.parse("16") == JSON5Parser.parse("1.6e1"))
        #expect(try JSON5Parser.parse("1") == JSON5Parser.parse("1.0"))
        #expect(try JSON5Parser.parse("NaN") == JSON5Parser.parse("-NaN"))
        #expect(try JSON5Parser.parse("9007199254740993") != JSON5Parser.parse("9007199254740992"))
        #expect(try JSON5Parser.parse("1.5") != JSON5Parser.parse("1"))
    }

    @Test func numbersBuiltInCodeHaveJSON5Text() {
        #expect(JSONNumber(Int64(-42)).text == "-42")
        #expect(JSONNumber(2.5).text == "2.5")
        #expect(JSONNumber(2.0).int64Value == 2)
        #expect(JSONNumber(1e-5).text == "1e-05")
        #expect(JSONNumber(Double.infinity).text == "Infinity")
        #expect(JSONNumber(-Double.infinity).text == "-Infinity")
        #expect(JSONNumber(Double.nan).text == "NaN")
        #expect(JSONNumber(0x1p63).int64Value == nil)
        #expect(JSONNumber(-0x1p63).int64Value == .min)
    }
}
