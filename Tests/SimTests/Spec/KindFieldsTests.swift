import Testing
@testable import Sim

/// The tables of which fields each kind reads: every field is read by some
/// kind (none is dead), a default value sets nothing, and a field set on a
/// kind that does not read it is reported with its value.
@Suite struct KindFieldsTests {
    /// The fields read by at least one of `specs` (one spec per kind).
    static func readByAnyKind<Spec: KindFields>(_ specs: [Spec]) -> [String] {
        Set(specs.flatMap { $0.readFields.map(\.rawValue) }).sorted()
    }

    static func allFields<Spec: KindFields>(_: Spec.Type) -> [String] { Spec.Field.allCases.map(\.rawValue).sorted() }

    @Test func everyFieldIsReadBySomeKind() {
        let faults = FaultSpec.Kind.allCases.map { FaultSpec(kind: $0) }
        let rates = RateSchedule.Kind.allCases.map { RateSchedule(kind: $0) }
        let caches = CacheSpec.Mode.allCases.map { CacheSpec(mode: $0) }
        let curves = LoadLatencySpec.Kind.allCases.map { LoadLatencySpec(kind: $0) }
        let clients = ClientSpec.Mode.allCases.map { ClientSpec(mode: $0) }
        #expect(Self.readByAnyKind(clients) == Self.allFields(ClientSpec.self))
        #expect(Self.readByAnyKind(faults) == Self.allFields(FaultSpec.self))
        #expect(Self.readByAnyKind(rates) == Self.allFields(RateSchedule.self))
        #expect(Self.readByAnyKind(caches) == Self.allFields(CacheSpec.self))
        #expect(Self.readByAnyKind(curves) == Self.allFields(LoadLatencySpec.self))
    }

    @Test func defaultsSetNoField() {
        #expect(FaultSpec.Field.allCases.allSatisfy { FaultSpec.defaultValue.setValue($0) == nil })
        #expect(RateSchedule.Field.allCases.allSatisfy { RateSchedule.defaultValue.setValue($0) == nil })
        #expect(CacheSpec.Field.allCases.allSatisfy { CacheSpec.defaultValue.setValue($0) == nil })
        #expect(LoadLatencySpec.Field.allCases.allSatisfy { LoadLatencySpec.defaultValue.setValue($0) == nil })
        #expect(ClientSpec.Field.allCases.allSatisfy { ClientSpec.defaultValue.setValue($0) == nil })
    }

    @Test func aFieldOfAnotherKindIsReportedWithItsValue() {
        let ramp = RateSchedule(kind: .ramp, rateRps: 500, fromRps: 10, toRps: 20, start: .zero, end: .seconds(30), multiplier: 3)
        #expect(ramp.unreadFields.map(\.field) == [.rateRps, .multiplier])
        #expect(ramp.unreadFields.map(\.value) == ["500.0", "3.0"])
        #expect(ramp.unreadMessage(.rateRps, noun: "rate") == "a ramp rate does not read rateRps (it reads fromRps, toRps, start, end)")
        let flush = FaultSpec(kind: .cacheFlush, target: "cache", ramp: .seconds(5))
        #expect(flush.unreadFields.map(\.field) == [.ramp])
        #expect(flush.unreadMessage(.ramp, noun: "fault") == "a cacheFlush fault does not read ramp (it reads none of the optional fields)")
        let keyed = CacheSpec(mode: .keyed, hitRatioPercent: 50, capacity: 7)
        #expect(keyed.unreadFields.map(\.field) == [.hitRatioPercent])
        // Bursts are read in both modes: a closed-loop client with only bursts sets no unread field.
        let bursts = RateSchedule(bursts: [RateSchedule.Burst(at: .seconds(5), count: 10)])
        #expect(ClientSpec(mode: .closed, rate: bursts).unreadFields.isEmpty)
        let paced = ClientSpec(mode: .closed, rate: .constant(50), users: 10)
        #expect(paced.unreadFields.map(\.field) == [.rate])
        #expect(paced.unreadMessage(.rate, noun: "client") == "a closed-loop client does not read rate (it reads users, thinkTime)")
        #expect(ClientSpec(users: 5).unreadMessage(.users, noun: "client") == "an open-loop client does not read users (it reads rate)")
        #expect(KindName.withArticle("errors") == "an errors")
        #expect(KindName.withArticle("latency") == "a latency")
    }
}
