import Testing
@testable import Scenarios

@Suite struct OverrideTests {
    let document = try! JSON5Parser.parse("""
        {services: [{name: 'api', policy: {retry: {maxAttempts: 3}}}, {name: 'db'}],
         edges: [{from: 'web', to: 'api'}], duration: '1m'}
        """)

    func apply(_ text: String) throws -> String {
        try Override(parsing: text).apply(to: document).json(indent: 0)
    }

    @Test func selectsArrayElementsByNameAndSetsNumbers() throws {
        let result = try apply("services.api.policy.retry.maxAttempts=2")
        #expect(result.contains(#"{"name":"api","policy":{"retry":{"maxAttempts":2}}}"#))
    }

    @Test func createsMissingObjectsAndTakesBareWordsAsStrings() throws {
        let result = try apply("services.db.queueDiscipline=lifo")
        #expect(result.contains(#"{"name":"db","queueDiscipline":"lifo"}"#))
        #expect(try apply("duration=10m").contains(#""duration":"10m""#))
    }

    @Test func selectsEdgesByFromArrowToAndArraysByIndex() throws {
        #expect(try apply("edges.web->api.poolSize=4").contains(#"{"from":"web","to":"api","poolSize":4}"#))
        #expect(try apply("services.1.instances=7").contains(#"{"name":"db","instances":7}"#))
    }

    @Test func unknownElementIsAnErrorWithSuggestion() {
        #expect(throws: OverrideError(override: "services.apii.instances=2",
                                      message: "services has no element named \"apii\" (elements: api, db) (did you mean \"api\"?)")) {
            try Override(parsing: "services.apii.instances=2").apply(to: document)
        }
    }

    @Test func malformedOverridesAreRejected() {
        #expect(throws: OverrideError(override: "duration", message: "expected path=value")) { try Override(parsing: "duration") }
        #expect(throws: OverrideError(override: "a..b=1", message: "the path \"a..b\" has an empty segment")) { try Override(parsing: "a..b=1") }
        #expect(throws: OverrideError(override: "duration.x=1", message: "duration is a string, not an object or array, so it has no \"x\"")) {
            try Override(parsing: "duration.x=1").apply(to: document)
        }
    }

    @Test func deepMergeKeepsFieldsTheOverlayDoesNotMention() throws {
        let base = try JSON5Parser.parse("{retry: {maxAttempts: 3, backoff: {base: '10ms'}}, breaker: {}}")
        let overlay = try JSON5Parser.parse("{retry: {backoff: {cap: '1s'}}}")
        #expect(base.merging(overlay).json(indent: 0) == #"{"retry":{"maxAttempts":3,"backoff":{"base":"10ms","cap":"1s"}},"breaker":{}}"#)
    }

    /// A scenario whose api has an exponential load-latency curve (`threshold` is that kind's field).
    static let curved = """
        {schemaVersion: 1, services: [{name: 'api', loadLatency: {kind: 'exponential', coefficient: 1, threshold: 1.5}}],
         clients: [{name: 'web', target: 'api'}]}
        """

    static func load(_ text: String, _ overrides: String...) throws(ScenarioLoadError) -> Scenario {
        var parsed: [Override] = []
        for text in overrides { parsed.append(try! Override(parsing: text)) }
        return try ScenarioLoader.load(text: text, file: "curved.json5", defaultName: "curved", overrides: parsed)
    }

    @Test func aKindSwitchedOnTheCommandLineLeavesTheFilesFieldsUnused() throws {
        // The baseline-vs-candidate experiment: the file's threshold lies unused, not wrong.
        let flat = try Self.load(Self.curved, "services.api.loadLatency.kind=none")
        #expect(flat.services[0].loadLatency.kind == .none)
        #expect(flat.services[0].loadLatency.threshold == 1.5)
        // Written in the file, the same combination is refused.
        let written = """
            {schemaVersion: 1, services: [{name: 'api', loadLatency: {kind: 'none', coefficient: 1, threshold: 1.5}}],
             clients: [{name: 'web', target: 'api'}]}
            """
        #expect(throws: ScenarioLoadError.self) { try Self.load(written) }
    }

    @Test func aFieldTheFilesKindDoesNotReadIsRefusedEvenFromTheCommandLine() {
        do {
            _ = try Self.load(Self.curved, "services.api.loadLatency.exponent=3")
            Issue.record("an exponent on an exponential curve was accepted")
        } catch {
            #expect(error.issues.map(\.path.description) == ["services[0].loadLatency.exponent"])
            #expect(error.issues.map(\.message) == ["an exponential load-latency curve does not read exponent (it reads coefficient, threshold, maxMultiplier)"])
        }
    }
}
