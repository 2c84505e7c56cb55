import Testing
@testable import Scenarios

/// Documents the decoder accepts: the schema accepts them too (unit aliases,
/// unit strings, presets, every distribution kind, both call-step forms,
/// `null` for optional blocks), so editors do not flag valid files.
@Suite struct SchemaAcceptanceTests {
    static let valid: [String] = [
        #"{durationSeconds: 60, windowMs: 500, seed: 18446744073709549568}"#,
        #"{faults: [{kind: "crash", target: "api/0", startMs: 10, restartAfterSeconds: 5.5, durationMinutes: 1}]}"#,
        #"{clients: [{name: "w", target: "api", thinkTimeMs: 500, deadlineSeconds: 2, rate: {rateRps: "1200rps"}}]}"#,
        #"{clients: [{name: "w", rate: {kind: "step", points: [{at: "1s", rateRps: ".5rps"}, {at: "2s", rateRps: "1e3rps"}]}}]}"#,
        #"{network: {latencyMs: 1, regions: [{from: "a", to: "b", latencyMs: 40}]}}"#,
        #"{services: [{name: "c", kind: "cache", cache: {ttlMinutes: 2, hitRatioPercent: "95%"}, split: null}]}"#,
        #"{services: [{name: "api", errors: {serverErrorPercent: "50%", overloadedPercent: 2.5}}]}"#,
        #"{services: [{name: "api", policy: {preset: "resilience4j", breaker: {preset: "hystrix", waitInOpenSeconds: 5}}}]}"#,
        #"{services: [{name: "api", policy: {retry: {preset: "envoy", perTryTimeoutMs: 700, backoff: {jitter: "full"}}}}]}"#,
        #"{services: [{name: "api", calls: [{target: "db", fallbackLatencyMs: 3}, {parallel: [{target: "a"}, {target: "b", required: false}]}]}]}"#,
        #"{services: [{name: "api", versions: [{name: "v2", instances: 1, serviceTime: "5ms"}], split: {targets: [{name: "v2", weightPercent: 100}]}}]}"#,
        #"{services: [{name: "api", serviceTime: {kind: "constant", value: "5ms"}}]}"#,
        #"{services: [{name: "api", serviceTime: {kind: "uniform", low: "1ms", high: "2ms"}}]}"#,
        #"{services: [{name: "api", serviceTime: {kind: "normal", mean: "5ms", standardDeviation: "1ms"}}]}"#,
        #"{services: [{name: "api", serviceTime: {kind: "pareto", scale: "1ms", shape: 1.5}}]}"#,
        #"{services: [{name: "api", serviceTime: {kind: "samples", samples: ["1ms", "2ms"]}}]}"#,
        #"{services: [{name: "api", serviceTime: {kind: "percentiles", points: [{percentile: 0, value: "1ms"}, {percentile: 100, value: "9ms"}]}}]}"#,
        #"{services: [{name: "api", serviceTime: {kind: "mixture", components: [{weight: 99, distribution: "1ms"}, {weight: 1, distribution: {kind: "exponential", mean: "1s"}}]}}]}"#,
        #"{edges: [{from: "web", to: "api", poolSize: 4, poolMaxWaitMs: 50, scope: "callerInstance", policy: {order: ["retry", "breaker"]}}]}"#,
    ]

    @Test(arguments: valid.indices)
    func aDocumentTheDecoderAcceptsHasNoViolations(index: Int) throws {
        let document = try JSON5Parser.parse(Self.valid[index])
        let (_, issues) = SpecDecoder.decode(Scenario.self, from: document)
        #expect(issues.map(\.message) == [])
        #expect(SchemaFixture.validator.validate(document).map(\.description) == [])
    }

    /// A documented difference: the decoder lays a partial distribution object
    /// over the field's default, but the schema asks for the documented form
    /// (a `kind` and all of that kind's fields), which never depends on a default.
    @Test func aPartialDistributionObjectIsStricterInTheSchemaThanInTheDecoder() throws {
        let text = #"{services: [{name: "api", serviceTime: {median: "5ms"}}]}"#
        let (_, issues) = SpecDecoder.decode(Scenario.self, from: try JSON5Parser.parse(text))
        #expect(issues.isEmpty)
        #expect(try SchemaFixture.violations(text) == [
            #"services[0].serviceTime: missing required field "kind""#,
            #"services[0].serviceTime: missing required field "p99""#,
        ])
    }
}
