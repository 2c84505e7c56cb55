import Testing
@testable import Scenarios

/// Malformed scenario documents: the schema reports exactly these violations,
/// and the scenario decoder rejects each at the same paths (the schema and the
/// decoder agree on what is wrong and where).
@Suite struct SchemaMalformedTests {
    static let duration = #"^(never|-?[0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))$"#
    static let kinds = "constant, uniform, exponential, normal, lognormal, pareto, samples, percentiles, mixture"

    static let cases: [(document: String, violations: [String])] = [
        // Unknown fields, with the nearest known name.
        (#"{servics: []}"#, [#"servics: unknown field "servics" (did you mean "services"?)"#]),
        (#"{services: [{name: "api", calls: [{target: "db", retries: 2}]}]}"#, [#"services[0].calls[0].retries: unknown field "retries""#]),
        (#"{services: [{name: "api", calls: [{parallel: [{target: "db"}], target: "x"}]}]}"#,
         [#"services[0].calls[0].target: unknown field "target""#]),
        // Wrong types.
        (#"{seed: "one"}"#, [#"seed: expected an integer, got "one""#]),
        (#"{seed: -1}"#, ["seed: expected a number >= 0, got -1"]),
        (#"{services: {name: "api"}}"#, ["services: expected an array, got an object"]),
        (#"{services: [{name: "api", policy: {retry: {maxAttempts: 2.5}}}]}"#, ["services[0].policy.retry.maxAttempts: expected an integer, got 2.5"]),
        (#"{services: [{name: "api", split: 3}]}"#, ["services[0].split: expected an object or null, got 3"]),
        (#"{limits: {maxEvents: Infinity}}"#, ["limits.maxEvents: expected an integer, got Infinity"]),
        (#"{clients: [{name: "w", rate: {rateRps: true}}]}"#, ["clients[0].rate.rateRps: expected a number or a string (Rate), got true"]),
        (#"{faults: [{kind: "crash", startMs: "10"}]}"#, [#"faults[0].startMs: expected a number, got "10""#]),
        // Bad enum values and presets.
        (#"{services: [{name: "api", queueDiscipline: "fofo"}]}"#,
         [#"services[0].queueDiscipline: expected one of fifo, lifo, got "fofo" (did you mean "fifo"?)"#]),
        (#"{services: [{name: "api", policy: {retry: {retryOn: ["timeout", "5xx"]}}}]}"#,
         [#"services[0].policy.retry.retryOn[1]: expected one of success, timeout, serverError, overloaded, throttled, connectionError, clientError, rejected, got "5xx""#]),
        (#"{services: [{name: "api", policy: {preset: "istio"}}]}"#,
         [#"services[0].policy.preset: expected one of resilience4j, hystrix, polly-v8, envoy, grpc, finagle, aws-standard, aws-2026, google-sre, got "istio""#]),
        (#"{services: [{name: "api", serviceTime: {kind: "lognormel", median: "1ms", p99: "5ms"}}]}"#,
         [#"services[0].serviceTime.kind: expected one of \#(kinds), got "lognormel" (did you mean "lognormal"?)"#]),
        // Bad durations, rates and percentages.
        (#"{duration: "5 minutes"}"#, [#"duration: expected a string matching \#(duration) (Duration), got "5 minutes""#]),
        (#"{duration: 300}"#, ["duration: expected a string (Duration), got 300"]),
        (#"{services: [{name: "api", serviceTime: "20xs"}]}"#, [#"services[0].serviceTime: expected a string matching \#(duration) (Duration), got "20xs""#]),
        (#"{services: [{name: "api", serviceTime: 20}]}"#, ["services[0].serviceTime: expected a string or an object (DurationDistributionSpec), got 20"]),
        (#"{services: [{name: "api", serviceTime: {kind: "lognormal", median: "1ms", p99: 5}}]}"#,
         ["services[0].serviceTime.p99: expected a string (Duration), got 5"]),
        (#"{clients: [{name: "w", rate: {rateRps: "5 rps"}}]}"#,
         [#"clients[0].rate.rateRps: expected a string matching ^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?rps$ (Rate), got "5 rps""#]),
        (#"{services: [{name: "api", errors: {serverErrorPercent: "5 %"}}]}"#,
         [#"services[0].errors.serverErrorPercent: expected a string matching ^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?%$ (Percent), got "5 %""#]),
        // Missing fields where there is no default.
        (#"{services: [{name: "api", serviceTime: {kind: "uniform", low: "1ms"}}]}"#, [#"services[0].serviceTime: missing required field "high""#]),
        (#"{services: [{name: "api", split: {targets: [{name: "v1"}]}}]}"#, [#"services[0].split.targets[0]: missing required field "weightPercent""#]),
        // Several problems: all of them, in document order.
        (#"{seed: 1.5, services: [{name: 7, instances: "two"}], window: "1 s"}"#, [
            "seed: expected an integer, got 1.5",
            "services[0].name: expected a string, got 7",
            #"services[0].instances: expected an integer, got "two""#,
            #"window: expected a string matching \#(duration) (Duration), got "1 s""#,
        ]),
    ]

    @Test(arguments: cases.indices)
    func malformedDocumentGetsExactlyTheExpectedViolations(index: Int) throws {
        let (document, expected) = Self.cases[index]
        #expect(try SchemaFixture.violations(document) == expected)
    }

    @Test(arguments: cases.indices)
    func theDecoderRejectsTheSameDocumentAtTheSamePaths(index: Int) throws {
        let document = try JSON5Parser.parse(Self.cases[index].document)
        let schemaPaths = SchemaFixture.validator.validate(document).map(\.path.description)
        let (_, issues) = SpecDecoder.decode(Scenario.self, from: document)
        #expect(issues.map(\.path.description) == schemaPaths)
    }
}

/// `expect` keys are read dynamically by the decoder and checked by the
/// validator; the schema mirrors the validator's rules so editors flag them too.
@Suite struct SchemaExpectationTests {
    @Test func badExpectationsAreFlaggedByTheSchema() throws {
        #expect(try SchemaFixture.violations(#"{expect: {mtr: {max: "2m"}}}"#)
                == [#"expect.mtr: unknown field "mtr" (did you mean "mttr"?)"#])
        #expect(try SchemaFixture.violations(#"{expect: {mttr: {max: 2}}}"#).map { String($0.prefix(30)) }
                == ["expect.mttr.max: expected a st"])
        let flagAsRange = try SchemaFixture.violations(#"{expect: {metastable: {max: 1}}}"#)
        #expect(flagAsRange == [#"expect.metastable.max: unknown field "max""#, #"expect.metastable: missing required field "equals""#])
        #expect(try SchemaFixture.violations(#"{expect: {metastable: false, sloAttainment: [{min: 0.99}, {min: 0.9, entity: "service:api"}], mttr: {max: "2m"}}}"#) == [])
    }
}
