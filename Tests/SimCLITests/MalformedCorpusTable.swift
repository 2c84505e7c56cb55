/// The malformed-scenario corpus (files in `Malformed/`) and what `faultsim`
/// must say about each: exit status 2 and these problems, in this order, each
/// as `FILE:LINE:COLUMN: json.path: message`.
///
/// Every file is a small, realistic mistake (a typo, a wrong unit, a dangling
/// name), not noise. File names start with their category: `syntax-`, `type-`,
/// `unknown-`, `unit-`, `enum-`, `ref-`, `cycle-`, `split-`, `size-`, `policy-`,
/// `fault-`, `calls-`, `distribution-`, `rate-`, `network-`, `schema-`, `many-`.
/// Positions and messages were read from the files and checked by hand
/// against what a user needs to fix them.

/// One problem the CLI must report.
struct ExpectedIssue: Sendable {
    /// `line:column` of the offending key or value; nil where the spot is not pinned.
    var at: String?
    /// The JSON path; empty for problems with the document as a whole (syntax).
    var path: String
    /// A fragment of the message (most entries give the whole message).
    var message: String

    static func at(_ at: String?, _ path: String, _ message: String) -> ExpectedIssue {
        ExpectedIssue(at: at, path: path, message: message)
    }
}

/// A corpus file and the problems it must produce.
struct MalformedCase: Sendable, CustomStringConvertible {
    var file: String
    var issues: [ExpectedIssue]
    /// Why other lines are tolerated besides `issues` (a product issue to
    /// fix); nil means exactly `issues` are reported.
    var tolerating: String?
    /// A known product bug this case exposes: its failures are recorded as a
    /// known issue, and once the bug is fixed the test says so (remove this then).
    var bug: String?
    /// The product traps on this file: drive the real executable in a child
    /// process so the trap cannot take the test runner down with it.
    var crashes: Bool

    init(_ file: String, _ issues: ExpectedIssue..., tolerating: String? = nil, bug: String? = nil, crashes: Bool = false) {
        self.file = file
        self.issues = issues
        self.tolerating = tolerating
        self.bug = bug
        self.crashes = crashes
    }

    var description: String { file }
}

extension MalformedCase {
    static let syntax: [MalformedCase] = [
        MalformedCase("syntax-bad-escape.json5", .at("4:33", "", "expected 4 hex digits after '\\u', found 'sers'")),
        MalformedCase("syntax-comments-only.json5", .at("3:1", "", "expected a value, found end of input")),
        MalformedCase("syntax-duplicate-key.json5",
                      .at("8:7", "", "duplicate key \"instances\" in object: it is already defined at line 6, column 7")),
        MalformedCase("syntax-empty-file.json5", .at("1:1", "", "expected a value, found end of input")),
        MalformedCase("syntax-invalid-utf8.json5",
                      .at("3:13", "", "expected UTF-8 text, found the byte 0xE9, which does not start a valid UTF-8 sequence")),
        MalformedCase("syntax-leading-zero.json5",
                      .at("3:40", "", "invalid number: a leading '0' must not be followed by a digit (octal literals are not allowed), found '8'")),
        MalformedCase("syntax-missing-colon.json5", .at("3:8", "", "expected ':' after key \"seed\", found '4'")),
        MalformedCase("syntax-missing-comma.json5", .at("4:3", "", "expected ',' or '}' after object member, found 'services'")),
        MalformedCase("syntax-too-deep.json5", .at("4:143", "", "nesting too deep: more than 128 levels of arrays and objects (the limit)")),
        MalformedCase("syntax-top-level-array.json5", .at("1:1", "", "expected the scenario to be an object, got an array")),
        MalformedCase("syntax-trailing-garbage.json5", .at("6:1", "", "expected the end of the document after its value, found '}'")),
        MalformedCase("syntax-unclosed-object.json5",
                      .at("5:1", "", "expected a key or '}', found end of input (the object at line 1, column 1 is not closed)")),
        MalformedCase("syntax-unquoted-value.json5", .at("3:45", "", "expected a value, found 'lifo' (strings must be quoted)")),
        MalformedCase("syntax-unterminated-comment.json5",
                      .at("3:3", "", "unterminated comment: expected '*/' to close this '/*', found end of input")),
        MalformedCase("syntax-unterminated-string.json5",
                      .at("4:9", "", "unterminated string: expected a closing '\"' before the end of the line")),
    ]

    static let types: [MalformedCase] = [
        MalformedCase("type-array-for-object.json5", .at("4:48", "clients[0].rate", "expected an object, got an array")),
        MalformedCase("type-fraction-for-integer.json5", .at("3:41", "services[0].concurrency", "expected an integer, got 2.5")),
        MalformedCase("type-infinite-rate.json5", .at("4:76", "clients[0].rate.rateRps", "expected a finite number, got Infinity")),
        MalformedCase("type-negative-seed.json5", .at("3:9", "seed", "expected a non-negative integer, got -1")),
        MalformedCase("type-number-for-policy.json5", .at("4:44", "services[0].policy.retry", "expected an object, got a number")),
        MalformedCase("type-number-for-string.json5", .at("4:50", "clients[0].region", "expected a string, got 1")),
        MalformedCase("type-object-for-array.json5", .at("4:13", "services", "expected an array, got an object")),
        MalformedCase("type-seed-too-large.json5", .at("3:9", "seed", "expected a non-negative integer, got 18446744073709551616")),
        MalformedCase("type-string-for-bool.json5", .at("4:65", "services[0].calls[0].required", "expected true or false, got \"no\"")),
        MalformedCase("type-string-for-number.json5", .at("3:39", "services[0].instances", "expected an integer, got \"2\"")),
        MalformedCase("type-string-for-service.json5", .at("3:14", "services[0]", "expected an object, got a string")),
        MalformedCase("schema-version-string.json5", .at("2:18", "schemaVersion", "expected an integer, got \"1.0\"")),
    ]

    /// An unknown key at every level of the format, with a suggestion where one is close.
    static let unknownFields: [MalformedCase] = [
        MalformedCase("unknown-top-level.json5", .at("3:3", "durration", "unknown field \"durration\" (did you mean \"duration\"?)")),
        MalformedCase("unknown-service-field.json5", .at("3:28", "services[0].replicas", "unknown field \"replicas\"")),
        MalformedCase("unknown-call-field.json5", .at("4:42", "services[0].calls[0].timeout", "unknown field \"timeout\"")),
        MalformedCase("unknown-parallel-call-field.json5",
                      .at("4:68", "services[0].calls[0].parallel[1].optional", "unknown field \"optional\"")),
        MalformedCase("unknown-policy-field.json5", .at("3:37", "services[0].policy.retries", "unknown field \"retries\"")),
        MalformedCase("unknown-retry-field.json5", .at("3:45", "services[0].policy.retry.maxRetries", "unknown field \"maxRetries\"")),
        MalformedCase("unknown-backoff-field.json5",
                      .at("6:85", "services[0].policy.retry.backoff.jiter", "unknown field \"jiter\" (did you mean \"jitter\"?)")),
        MalformedCase("unknown-breaker-field.json5",
                      .at("4:67", "services[0].policy.breaker.failureRateThreshold",
                          "unknown field \"failureRateThreshold\" (did you mean \"failureRateThresholdPercent\"?)")),
        MalformedCase("unknown-field-after-preset.json5",
                      .at("3:62", "services[0].policy.retry.maxAttemps", "unknown field \"maxAttemps\" (did you mean \"maxAttempts\"?)")),
        MalformedCase("unknown-fault-field.json5", .at("5:45", "faults[0].at", "unknown field \"at\"")),
        MalformedCase("unknown-client-field.json5", .at("4:42", "clients[0].rps", "unknown field \"rps\"")),
        MalformedCase("unknown-rate-field.json5", .at("4:101", "clients[0].rate.stop", "unknown field \"stop\"")),
        MalformedCase("unknown-edge-field.json5", .at("5:50", "edges[0].keepAlive", "unknown field \"keepAlive\"")),
        MalformedCase("unknown-network-field.json5", .at("5:29", "network.jitter", "unknown field \"jitter\"")),
        MalformedCase("unknown-limits-field.json5", .at("5:12", "limits.maxEvent", "unknown field \"maxEvent\" (did you mean \"maxEvents\"?)")),
        MalformedCase("unknown-version-field.json5", .at("3:66", "services[0].versions[1].image", "unknown field \"image\"")),
        MalformedCase("unknown-entry-field.json5",
                      .at("3:36", "services[0].entry.rateLimiter", "unknown field \"rateLimiter\" (did you mean \"rateLimit\"?)")),
        MalformedCase("unknown-distribution-field.json5",
                      .at("3:77", "services[0].serviceTime.p999", "unknown field \"p999\" (did you mean \"p99\"?)")),
        // A byte-order mark and CRLF line ends must not shift lines or columns.
        MalformedCase("unknown-field-crlf-bom.json5", .at("4:28", "services[0].replicas", "unknown field \"replicas\"")),
    ]

    static let units: [MalformedCase] = [
        MalformedCase("unit-missing.json5", .at("3:41", "services[0].startupTime",
                                                "expected a duration with a unit such as \"250ms\" or \"2s\" (or a number in `startupTimeMs`), got \"250\"")),
        MalformedCase("unit-space.json5", .at("3:13", "duration", "got \"2 s\"")),
        MalformedCase("unit-mins.json5", .at("3:13", "duration", "(or a number in `durationMs`), got \"5 mins\"")),
        MalformedCase("unit-days.json5", .at("3:13", "duration", "got \"400d\"")),
        MalformedCase("unit-two-dots.json5", .at("3:60", "services[0].policy.retry.perTryTimeout", "got \"1.5.2s\"")),
        MalformedCase("unit-bare-number.json5", .at("3:76", "services[0].policy.retry.perTryTimeout",
                                                    "expected a duration with a unit such as \"250ms\" or \"2s\" (or a number in `perTryTimeoutMs`), got 700")),
        MalformedCase("unit-rate-word.json5", .at("4:76", "clients[0].rate.rateRps", "expected a rate such as 1200 or \"1200rps\", got \"fast\"")),
        MalformedCase("unit-rate-per-minute.json5", .at("4:76", "clients[0].rate.rateRps", "got \"1200rpm\"")),
        MalformedCase("unit-percent-word.json5",
                      .at("3:57", "services[0].errors.serverErrorPercent", "expected a percentage such as 50 or \"50%\", got \"5 percent\"")),
        MalformedCase("unit-alias-twice.json5",
                      .at("3:66", "services[0].policy.retry.perTryTimeoutMs",
                          "gives \"perTryTimeout\" twice (as \"perTryTimeout\" and \"perTryTimeoutMs\"); keep one")),
        // Product issue: the message calls a known alias "unknown field" when the
        // fault is its value (a string where the Ms form takes a number); only the path is pinned.
        MalformedCase("unit-alias-string.json5", .at("3:62", "services[0].policy.retry.perTryTimeoutMs",
                                                        "\"perTryTimeoutMs\" takes a number (it is \"perTryTimeout\" in those units), got \"700\"")),
    ]

    static let enums: [MalformedCase] = [
        MalformedCase("enum-queue-discipline.json5",
                      .at("3:45", "services[0].queueDiscipline", "expected one of fifo, lifo, got \"LIFO\" (did you mean \"lifo\"?)")),
        MalformedCase("enum-fault-kind.json5", .at("5:19", "faults[0].kind", "controlPlaneOutage, got \"crsh\" (did you mean \"crash\"?)")),
        MalformedCase("enum-service-kind.json5", .at("3:85", "services[1].kind", "expected one of service, database, cache, queue, got \"db\"")),
        MalformedCase("enum-jitter.json5",
                      .at("3:79", "services[0].policy.retry.backoff.jitter", "expected one of none, full, equal, decorrelated, got \"random\"")),
        MalformedCase("enum-retry-on.json5", .at("3:82", "services[0].policy.retry.retryOn[1]", "clientError, rejected, got \"5xx\"")),
        MalformedCase("enum-client-mode.json5", .at("4:48", "clients[0].mode", "expected one of open, closed, got \"closed-loop\"")),
        MalformedCase("enum-pipeline-stage.json5",
                      .at("3:54", "services[0].policy.order[1]",
                          "expected one of retry, breaker, throttle, rateLimit, bulkhead, got \"circuitBreaker\"")),
        MalformedCase("enum-distribution-kind.json5",
                      .at("3:48", "services[0].serviceTime.kind", "percentiles, mixture, got \"gaussian\""),
                      tolerating: "product issue: after a bad kind, the kind's own fields are also reported as unknown (\"mean\" with a hint of \"median\")"),
    ]

    static let references: [MalformedCase] = [
        MalformedCase("ref-call-target.json5",
                      .at("4:41", "services[0].calls[0].target", "unknown service \"paymnet\" (did you mean \"payment\"?)")),
        MalformedCase("ref-client-target.json5", .at("4:35", "clients[0].target", "unknown service \"apl\" (did you mean \"api\"?)")),
        MalformedCase("ref-edge-from.json5", .at("5:18", "edges[0].from", "unknown client or service \"wbe\" (did you mean \"web\"?)")),
        MalformedCase("ref-edge-to.json5", .at("5:29", "edges[0].to", "unknown service \"database\"")),
        MalformedCase("ref-edge-unused.json5", .at("5:11", "edges[0]", "\"web\" never calls \"db\", so this edge would do nothing")),
        MalformedCase("ref-fault-service.json5", .at("5:37", "faults[0].target", "unknown service \"payments\" (did you mean \"payment\"?)")),
        MalformedCase("ref-fault-version.json5", .at("5:41", "faults[0].target", "service \"api\" has no version \"v3\" (did you mean \"v1\"?)")),
        MalformedCase("ref-fault-instance.json5", .at("5:36", "faults[0].target", "\"api/2\" names no instance: api has 2, numbered from 0")),
        MalformedCase("ref-fault-instance-text.json5",
                      .at("5:36", "faults[0].target", "\"api/first\": the part after / must be an instance number")),
        MalformedCase("ref-fault-region.json5",
                      .at("5:43", "faults[0].target", "no service or client is in region \"us-est\" (did you mean \"us-east\"?)")),
        MalformedCase("ref-fault-client.json5", .at("5:36", "faults[0].target", "unknown client \"mobile\"")),
        MalformedCase("ref-fault-edge-caller.json5", .at("5:38", "faults[0].target", "unknown caller \"app\" in \"app->db\"")),
        MalformedCase("ref-fault-wrong-target-kind.json5",
                      .at("6:36", "faults[0].target", "a surge fault targets a client (client:name), got \"api\"")),
        MalformedCase("ref-fault-partition-peer.json5", .at("5:53", "faults[0].peer", "unknown service \"dbs\" (did you mean \"db\"?)")),
        MalformedCase("ref-fault-condition-version.json5",
                      .at("5:79", "faults[0].condition.version", "service \"api\" has no version \"v2\" (did you mean \"v1\"?)")),
        MalformedCase("ref-split-target.json5",
                      .at("7:69", "services[0].split.targets[1].name", "service \"api\" has no version \"canery\" (did you mean \"canary\"?)")),
        MalformedCase("ref-queue-target.json5",
                      .at("5:59", "services[1].queue.target", "unknown service \"order-worker\" (did you mean \"orders-worker\"?)")),
        MalformedCase("ref-cache-flush-not-cache.json5",
                      .at("5:41", "faults[0].target", "a cacheFlush fault targets a service of kind \"cache\", got \"db\"")),
        MalformedCase("ref-cache-block-on-service.json5",
                      .at("3:35", "services[0].cache", "only a service of kind \"cache\" takes a cache block (this one is \"service\")")),
        MalformedCase("ref-duplicate-service.json5", .at("3:50", "services[2].name", "duplicate service \"api\" (also services[0])")),
        MalformedCase("ref-empty-service-name.json5", .at("3:36", "services[1].name", "a service needs a name")),
        MalformedCase("ref-service-name-with-slash.json5", .at("3:21", "services[0].name", "\"payments/v2\" cannot name a service")),
        MalformedCase("ref-client-named-like-service.json5",
                      .at("4:20", "clients[0].name", "\"api\" is already a service name; clients and services share names in edges")),
    ]

    static let structure: [MalformedCase] = [
        MalformedCase("cycle-two-services.json5", .at("4:29", "services[0].calls", "dependency cycle: orders -> inventory -> orders")),
        MalformedCase("cycle-three-services.json5",
                      .at("5:29", "services[1].calls", "dependency cycle: orders -> billing -> ledger -> orders")),
        MalformedCase("cycle-self-call.json5", .at("3:45", "services[0].calls[0].target", "service \"api\" calls itself")),
        MalformedCase("split-weights-not-100.json5", .at("7:24", "services[0].split.targets", "expected weightPercent values summing to 100, got 95.0")),
        MalformedCase("split-shadow-unknown-version.json5",
                      .at("7:81", "services[0].split.shadows[0].name", "service \"api\" has no version \"canery\" (did you mean \"canary\"?)")),
        MalformedCase("split-rule-unknown-attribute.json5",
                      .at("9:29", "services[0].split.rules[0].attribute",
                          "no request carries attribute \"cohrt\": every request has client and priority, and clients set cohort (did you mean \"cohort\"?)")),
        MalformedCase("split-client-attribute-builtin.json5",
                      .at("4:62", "clients[0].attributes[0].name", "\"priority\" is built in (every request has it); choose another name")),
        MalformedCase("calls-empty-parallel.json5", .at("3:47", "services[0].calls[0].parallel", "a parallel step needs at least one call")),
        // A job counts its step and its pending calls in 16 bits: 40,000 calls in one step trapped before this bound.
        MalformedCase("calls-parallel-too-wide.json5",
                      .at("3:47", "services[0].calls[0].parallel", "expected a number of parallel calls in 0...1000, got 1001")),
        MalformedCase("calls-too-many-steps.json5", .at("3:35", "services[0].calls", "expected a number of steps in 0...1000, got 1001")),
        MalformedCase("calls-percent-150.json5", .at("3:60", "services[0].calls[0].percent", "expected a percentage in 0...100, got 150")),
        MalformedCase("kind-fields-of-another-mode.json5",
                      .at("5:118", "services[0].cache.capacity", "a hitRatio cache does not read capacity (it reads hitRatioPercent, refillTime)"),
                      .at("5:128", "services[0].cache.ttl", "a hitRatio cache does not read ttl (it reads hitRatioPercent, refillTime)"),
                      .at("7:97", "services[1].loadLatency.threshold",
                          "a polynomial load-latency curve does not read threshold (it reads coefficient, exponent, maxMultiplier)")),
        MalformedCase("rate-field-of-another-kind.json5",
                      .at("5:72", "clients[0].rate.rateRps", "a ramp rate does not read rateRps (it reads fromRps, toRps, start, end)")),
        MalformedCase("client-mode-fields.json5",
                      .at("5:41", "clients[0].users", "an open-loop client does not read users (it reads rate); set mode: \"closed\" for users who wait and think"),
                      .at("5:57", "clients[0].thinkTime", "an open-loop client does not read thinkTime (it reads rate); set mode: \"closed\" for users who wait and think"),
                      .at("6:69", "clients[1].rate", "a closed-loop client does not read rate (it reads users, thinkTime); only rate.bursts is read in both modes")),
        MalformedCase("rate-step-out-of-order.json5",
                      .at("5:121", "clients[0].rate.points[2].at", "expected a time after the previous point (2m), got 1m")),
        MalformedCase("distribution-empty-samples.json5", .at("3:68", "services[0].serviceTime.samples", "must not be empty")),
        MalformedCase("distribution-percentiles-no-p100.json5",
                      .at("4:107", "services[0].serviceTime.points[1].percentile", "must be 100 (the maximum)")),
        // The message gives the bounds in raw nanoseconds (900000000.0), not as written; only the gist is pinned.
        MalformedCase("distribution-uniform-reversed.json5",
                      .at("9:73", "services[0].serviceTime.components[1].distribution.high", "must be >= low")),
    ]

    static let sizes: [MalformedCase] = [
        MalformedCase("size-instances-1e9.json5", .at("3:39", "services[0].instances", "expected instances in 0...10000, got 1000000000")),
        MalformedCase("size-concurrency-zero.json5", .at("3:41", "services[0].concurrency", "expected concurrency in 1...100000, got 0")),
        MalformedCase("size-queue-capacity-negative.json5",
                      .at("3:43", "services[0].queueCapacity", "expected a queue capacity in 0...10000000, got -1")),
        MalformedCase("size-zero-instances.json5", .at("3:39", "services[0].instances", "service \"api\" has no instances at all")),
        MalformedCase("size-duration-400-days.json5", .at("3:13", "duration", "expected a duration in (0s, 720h], got 9600h"),
                      tolerating: "product issue: the window check also fires on the out-of-range duration, at 1:1 for a window the file never wrote"),
        MalformedCase("size-window-longer-than-run.json5", .at("4:11", "window", "the metrics window (1m) is longer than the run (30s)")),
        MalformedCase("size-too-many-windows.json5", .at("4:11", "window", "8640000 windows exceed the limit of 1000000; use a wider window")),
        MalformedCase("size-no-services.json5",
                      .at("3:13", "services", "a scenario needs at least one service"),
                      .at("4:12", "clients", "a scenario needs at least one client")),
        MalformedCase("size-attempt-limit.json5", .at("5:32", "limits.maxAttemptsPerCall", "expected attempts in 1...100, got 1000")),
        MalformedCase("size-closed-users.json5", .at("4:65", "clients[0].users", "expected users in 1...1000000, got 0")),
        MalformedCase("size-version-instances-overflow.json5",
                      .at("4:63", "services[0].versions[0].instances", "expected instances in 0...10000, got 9000000000000000000"),
                      .at("4:94", "services[0].versions[1].instances", "expected instances in 0...10000, got 9000000000000000000"), crashes: true),
    ]

    static let policies: [MalformedCase] = [
        MalformedCase("policy-max-attempts-zero.json5", .at("3:58", "services[0].policy.retry.maxAttempts", "expected an integer > 0, got 0")),
        MalformedCase("policy-hedging-nine.json5", .at("3:60", "services[0].policy.hedging.maxAttempts", "expected an integer in 1...5, got 9")),
        MalformedCase("policy-negative-timeout.json5",
                      .at("3:76", "services[0].policy.retry.perTryTimeout", "expected a duration > 0, got -100ms")),
        MalformedCase("policy-edge-zero-deadline.json5", .at("5:63", "edges[0].policy.retry.deadline", "expected a duration > 0, got 0s")),
        MalformedCase("policy-threshold-150.json5",
                      .at("4:96", "services[0].policy.breaker.failureRateThresholdPercent", "expected a percentage in (0, 100], got 150.0")),
        MalformedCase("policy-order-without-retry.json5",
                      .at("3:44", "services[0].policy.order", "expected a list containing \"retry\" exactly once, got [breaker]")),
        MalformedCase("policy-cap-below-base.json5",
                      .at("4:100", "services[0].policy.retry.backoff.cap", "expected a duration >= base (2s), got 500ms")),
        MalformedCase("policy-unknown-preset.json5",
                      .at("3:45", "services[0].policy.preset", "unknown preset \"istio\"; expected one of resilience4j, hystrix, polly-v8, envoy")),
        MalformedCase("policy-misspelt-preset.json5",
                      .at("3:84", "services[0].policy.breaker.preset", "unknown preset \"resilience5j\"; expected one of resilience4j, hystrix, polly-v8 (did you mean \"resilience4j\"?)")),
        MalformedCase("policy-error-rates-over-100.json5", .at("3:36", "services[0].errors", "error percentages add up to 110.0, more than 100")),
        MalformedCase("distribution-negative-constant.json5", .at("4:41", "services[0].serviceTime", "a duration must be >= 0, got -5ms")),
        MalformedCase("network-negative-latency.json5", .at("5:45", "network.latency.low", "a duration must be >= 0, got -3ms")),
    ]

    static let faults: [MalformedCase] = [
        MalformedCase("fault-partition-mode-on-latency.json5",
                      .at("5:96", "faults[0].partitionMode", "a latency fault does not read partitionMode (it reads addedLatency, latencyMultiplier, ramp, condition); only partition does")),
        MalformedCase("fault-after-run.json5", .at("6:52", "faults[0].start", "the fault starts at 10m, outside the run (0s to 1m)")),
        MalformedCase("fault-negative-start.json5", .at("5:52", "faults[0].start", "the fault starts at -5s, outside the run (0s to 5m)")),
        MalformedCase("fault-zero-duration.json5",
                      .at("5:71", "faults[0].duration", "expected a duration > 0 (or \"never\" to last until the end), got 0s")),
        MalformedCase("fault-success-class.json5",
                      .at("5:70", "faults[0].errorClass", "a fault's error class must be a failure a server returns, not \"success\"")),
        MalformedCase("fault-condition-on-crash.json5",
                      .at("5:70", "faults[0].condition",
                          "a crash fault does not read condition (it reads count, restartAfter); only latency, errors, failFirst, blackHole, surge, badRelease do")),
        MalformedCase("fault-condition-keyfrom-only.json5",
                      .at("5:79", "faults[0].condition.keyFrom", "keyFrom 500 needs keyTo (the first key not hit): keyTo 0 means every key")),
        MalformedCase("fault-surge-closed-client.json5",
                      .at("5:36", "faults[0].target", "a surge multiplies an open-loop client's arrival rate; client \"users\" is closed-loop (its 50 users wait for each answer and think), so nothing would change")),
        MalformedCase("fault-surge-condition-version.json5",
                      .at("5:100", "faults[0].condition.version", "a surge adds requests at the client, before a version is chosen: pick them by keyFrom/keyTo or priorities")),
        MalformedCase("fault-surge-priority-not-sent.json5",
                      .at("5:107", "faults[0].condition.priorities[1]", "client \"web\" sends no requests of priority class 3 (it sends 0, 1), so the surge would add nothing")),
        MalformedCase("fault-ramp-on-capacity-loss.json5",
                      .at("5:91", "faults[0].ramp", "a capacityLoss fault does not read ramp (it reads capacityPercent, latencyMultiplier); only latency, errors, surge, badRelease do")),
        MalformedCase("fault-percent-on-latency.json5",
                      .at("7:91", "faults[0].percent", "a latency fault does not read percent (it reads addedLatency, latencyMultiplier, ramp, condition); only errors, badRelease do"),
                      .at("7:107", "faults[0].multiplier", "a latency fault does not read multiplier (it reads addedLatency, latencyMultiplier, ramp, condition); only surge does")),
        MalformedCase("schema-version-2.json5", .at("2:18", "schemaVersion", "this faultsim reads schemaVersion 1, the file says 2")),
    ]

    /// Files with many mistakes: every one is reported, in source order.
    static let many: [MalformedCase] = [
        MalformedCase("many-decode-errors.json5",
                      .at("4:3", "durration", "unknown field \"durration\" (did you mean \"duration\"?)"),
                      .at("8:18", "services[0].instances", "expected an integer, got \"3\""),
                      .at("9:24", "services[0].queueDiscipline", "got \"LIFO\" (did you mean \"lifo\"?)"),
                      .at("10:20", "services[0].startupTime", "got \"2 s\""),
                      .at("11:24", "services[0].policy.retry.maxRetries", "unknown field \"maxRetries\""),
                      .at("11:54", "services[0].policy.retry.perTryTimeout", "(or a number in `perTryTimeoutMs`), got 700"),
                      .at("14:76", "clients[0].rate.rateRps", "got \"fast\""),
                      .at("15:19", "faults[0].kind", "got \"crsh\" (did you mean \"crash\"?)")),
        MalformedCase("many-reference-errors.json5",
                      .at("6:41", "services[0].calls[0].target", "unknown service \"paymnet\" (did you mean \"payment\"?)"),
                      .at("7:34", "services[1].instances", "service \"payment\" has no instances at all"),
                      .at("9:35", "clients[0].target", "unknown service \"chekout\" (did you mean \"checkout\"?)"),
                      .at("10:18", "edges[0].from", "unknown client or service \"mobile\""),
                      .at("11:36", "faults[0].target", "\"payment/3\" names no instance: payment has 0, numbered from 0"),
                      .at("11:56", "faults[0].start", "the fault starts at 2m, outside the run (0s to 1m)")),
    ]

    /// The whole corpus.
    static let all: [MalformedCase] = syntax + types + unknownFields + units + enums + references + structure + sizes + policies + faults + many
}
