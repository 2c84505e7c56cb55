import Testing
@testable import Scenarios
import Sim

enum Mode: String, Codable, CaseIterable, SpecEnum { case fast, slow }

struct Inner: PresetSpec, Equatable {
    var timeout: Nanoseconds = .seconds(1)
    var retries: Int = 3
    var mode: Mode = .fast
    static let defaultValue = Inner()
    static func preset(named name: String) -> Inner? {
        name == "careful" ? Inner(timeout: .seconds(5), retries: 1, mode: .slow) : nil
    }
    static let presetNames = ["careful"]
}

struct Outer: SpecDefaults, Equatable {
    var name = "x"
    var inner = Inner(retries: 5)
    var items: [Inner] = []
    var rateRps = 10.0
    var errorPercent = 0.0
    var latency: DurationDistributionSpec = .constant(.ms(20))
    var optionalInner: Inner? = nil
    static let defaultValue = Outer()
}

func decode(_ text: String) throws -> (Outer?, [String]) {
    let (value, issues) = SpecDecoder.decode(Outer.self, from: try JSON5Parser.parse(text))
    return (value, issues.map { $0.located(in: "f.json5") })
}

@Suite struct SpecDecoderTests {
    @Test func anEmptyObjectIsTheDefault() throws {
        let (value, issues) = try decode("{}")
        #expect(issues.isEmpty)
        #expect(value == Outer())
    }

    @Test func fieldsNotWrittenKeepTheEnclosingDefault() throws {
        // Outer's default inner has retries 5 (not Inner's 3): the enclosing default wins.
        let (value, issues) = try decode("{inner: {timeout: '2s'}}")
        #expect(issues.isEmpty)
        #expect(value?.inner == Inner(timeout: .seconds(2), retries: 5, mode: .fast))
    }

    @Test func arrayElementsStartFromTheirTypeDefault() throws {
        let (value, _) = try decode("{items: [{retries: 1}, {}]}")
        #expect(value?.items == [Inner(retries: 1), Inner()])
    }

    @Test func unitSuffixedKeysAndUnitStringsAreAccepted() throws {
        let (value, issues) = try decode("{inner: {timeoutMs: 700}, rateRps: '1200rps', errorPercent: '2.5%'}")
        #expect(issues.isEmpty)
        #expect(value?.inner.timeout == .ms(700))
        #expect(value?.rateRps == 1200)
        #expect(value?.errorPercent == 2.5)
    }

    @Test func unknownFieldIsReportedWithPositionAndSuggestion() throws {
        let (_, issues) = try decode("{\n  inner: {\n    retires: 2,\n  },\n}")
        #expect(issues == ["f.json5:3:5: inner.retires: unknown field \"retires\" (did you mean \"retries\"?)"])
    }

    @Test func everyProblemIsReportedInSourceOrder() throws {
        let (value, issues) = try decode("{name: 5, inner: {retries: 'x', mode: 'fsat'}, rateRps: true}")
        #expect(issues == [
            "f.json5:1:8: name: expected a string, got 5",
            "f.json5:1:28: inner.retries: expected an integer, got \"x\"",
            "f.json5:1:39: inner.mode: expected one of fast, slow, got \"fsat\" (did you mean \"fast\"?)",
            "f.json5:1:57: rateRps: expected a rate such as 1200 or \"1200rps\", got true",
        ])
        // Bad values fall back to their defaults so decoding can finish.
        #expect(value?.inner.retries == 5)
    }

    @Test func durationsNeedUnits() throws {
        let (_, issues) = try decode("{inner: {timeout: 250}}")
        #expect(issues == ["f.json5:1:19: inner.timeout: expected a duration with a unit such as \"250ms\" or \"2s\" (or a number in `timeoutMs`), got 250"])
        let (_, twice) = try decode("{inner: {timeout: '1s', timeoutMs: 5}}")
        #expect(twice == ["f.json5:1:25: inner.timeoutMs: gives \"timeout\" twice (as \"timeout\" and \"timeoutMs\"); keep one"])
    }

    @Test func kindTaggedValuesReplaceTheDefaultWhole() throws {
        let (value, issues) = try decode("{latency: {kind: 'exponential', mean: '5ms'}}")
        #expect(issues.isEmpty)
        #expect(value?.latency == .exponential(mean: .ms(5)))
        let (_, wrong) = try decode("{latency: {kind: 'exponential', median: '5ms'}}")
        #expect(wrong == [
            "f.json5:1:11: latency: missing required field \"mean\"",
            "f.json5:1:33: latency.median: unknown field \"median\" (did you mean \"mean\"?)",
        ])
    }

    @Test func presetsStartFromALibrarysNumbers() throws {
        let (value, issues) = try decode("{inner: {preset: 'careful', retries: 9}}")
        #expect(issues.isEmpty)
        #expect(value?.inner == Inner(timeout: .seconds(5), retries: 9, mode: .slow))
        let (_, unknown) = try decode("{inner: {preset: 'carefull'}}")
        #expect(unknown == ["f.json5:1:18: inner.preset: unknown preset \"carefull\"; expected one of careful (did you mean \"careful\"?)"])
    }

    @Test func optionalSpecsAreAbsentUntilWrittenThenDefaulted() throws {
        #expect(try decode("{}").0?.optionalInner == nil)
        #expect(try decode("{optionalInner: {retries: 2}}").0?.optionalInner == Inner(retries: 2))
    }

    @Test func wrongContainerTypesAreReported() throws {
        let (value, issues) = try decode("{inner: [1, 2], items: {}}")
        #expect(issues == [
            "f.json5:1:9: inner: expected an object, got an array",
            "f.json5:1:24: items: expected an array, got an object",
        ])
        #expect(value?.inner == Inner(retries: 5))
    }
}

@Suite struct JSONValueEncoderTests {
    @Test func encodesInDeclarationOrderWithUnitStrings() throws {
        let json = try JSONValueEncoder.encode(Inner(timeout: .ms(1500), retries: 2, mode: .slow)).json(indent: 0)
        #expect(json == #"{"timeout":"1500ms","retries":2,"mode":"slow"}"#)
    }
}
