import Foundation
import Testing
@testable import Policy

/// Each nonsense field is reported with its path; every preset number is
/// pinned; configurations round-trip through JSON with every key present (the
/// scenario layer overlays user keys on the encoded defaults).
@Suite struct AdmissionConfigTests {
    @Test func defaultsAndPresetsValidate() {
        #expect(validationField(RateLimiterConfig()) == nil)
        #expect(validationField(ConcurrencyLimitConfig()) == nil)
        #expect(validationField(LoadShedderConfig()) == nil)
        #expect(validationField(AdaptiveThrottleConfig()) == nil)
        for preset in PolicyPreset.allCases {
            if let config = RateLimiterConfig.preset(preset) { #expect(validationField(config) == nil) }
            if let config = ConcurrencyLimitConfig.preset(preset) { #expect(validationField(config) == nil) }
            if let config = AdaptiveThrottleConfig.preset(preset) { #expect(validationField(config) == nil) }
        }
        for kind in ConcurrencyLimitConfig.Kind.allCases {
            #expect(validationField(ConcurrencyLimitConfig.netflix(kind)) == nil)
        }
    }

    @Test func rateLimiterFieldsName() {
        let continuous = RateLimiterConfig()
        #expect(validationField(continuous) { $0.burst = 0 } == "burst")
        #expect(validationField(continuous) { $0.maxWait = .ns(-1) } == "maxWait")
        #expect(validationField(continuous) { $0.rateRps = 0 } == "rateRps")
        #expect(validationField(continuous) { $0.rateRps = 0.0001 } == "rateRps")
        #expect(validationField(continuous) { $0.rateRps = .nan } == "rateRps")
        // 0.001 rps is one permit per 1000 s: a burst of 10 million overflows the units.
        #expect(validationField(continuous) { $0.rateRps = 0.001; $0.burst = 10_000_000 } == "burst")
        // Continuous refill does not read the periodic fields.
        #expect(validationField(continuous) { $0.limitForPeriod = 0; $0.refreshPeriod = .zero } == nil)
        let periodic = RateLimiterConfig.preset(.resilience4j)!
        #expect(validationField(periodic) { $0.limitForPeriod = 0 } == "limitForPeriod")
        #expect(validationField(periodic) { $0.refreshPeriod = .zero } == "refreshPeriod")
        #expect(validationField(periodic) { $0.refreshPeriod = .hours(1); $0.limitForPeriod = 3_000_000 } == "limitForPeriod")
        #expect(validationField(periodic) { $0.rateRps = -1; $0.burst = 0 } == nil)
        #expect(validationField(periodic) { $0.maxWait = .zero } == nil)
    }

    @Test func concurrencyLimitFieldsNameTheirPath() {
        let base = ConcurrencyLimitConfig()
        #expect(validationField(base) { $0.maxConcurrent = 0 } == "maxConcurrent")
        #expect(validationField(base) { $0.maxWait = .ms(-1) } == "maxWait")
        #expect(validationField(base) { $0.dropOutcomes.insert(.success) } == "dropOutcomes")
        #expect(validationField(base) { $0.ignoredOutcomes.insert(.timeout) } == "ignoredOutcomes")
        #expect(validationField(base) { $0.aimd.minLimit = 0 } == "aimd.minLimit")
        #expect(validationField(base) { $0.aimd.maxLimit = 10 } == "aimd.maxLimit")
        #expect(validationField(base) { $0.aimd.initialLimit = 201 } == "aimd.initialLimit")
        #expect(validationField(base) { $0.aimd.backoffRatio = 1 } == "aimd.backoffRatio")
        #expect(validationField(base) { $0.aimd.backoffRatio = 0.4 } == "aimd.backoffRatio")
        #expect(validationField(base) { $0.aimd.rttTimeout = .zero } == "aimd.rttTimeout")
        #expect(validationField(base) { $0.gradient2.smoothing = 0 } == "gradient2.smoothing")
        #expect(validationField(base) { $0.gradient2.smoothing = 1.5 } == "gradient2.smoothing")
        #expect(validationField(base) { $0.gradient2.queueSize = -1 } == "gradient2.queueSize")
        #expect(validationField(base) { $0.gradient2.longWindow = 0 } == "gradient2.longWindow")
        #expect(validationField(base) { $0.gradient2.rttTolerance = 0.9 } == "gradient2.rttTolerance")
        #expect(validationField(base) { $0.gradient2.initialLimit = 19 } == "gradient2.initialLimit")
        #expect(validationField(base) { $0.vegas.probeMultiplier = 0 } == "vegas.probeMultiplier")
        #expect(validationField(base) { $0.vegas.alphaLog10Multiplier = 0 } == "vegas.alphaLog10Multiplier")
        #expect(validationField(base) { $0.vegas.betaLog10Multiplier = 2 } == "vegas.betaLog10Multiplier")
        #expect(validationField(base) { $0.vegas.smoothing = .infinity } == "vegas.smoothing")
        #expect(validationField(base) { $0.vegas.maxLimit = 0 } == "vegas.maxLimit")
    }

    @Test func loadShedderFieldsNameTheirIndex() {
        let base = LoadShedderConfig()
        #expect(validationField(base) { $0.maxQueueLength = 0 } == "maxQueueLength")
        #expect(validationField(base) { $0.codelTarget = .zero } == "codelTarget")
        #expect(validationField(base) { $0.codelInterval = .ms(-100) } == "codelInterval")
        #expect(validationField(base) { $0.priorityThresholdsPercent = [] } == "priorityThresholdsPercent")
        #expect(validationField(base) { $0.priorityThresholdsPercent = [100, 101] } == "priorityThresholdsPercent[1]")
        #expect(validationField(base) { $0.priorityThresholdsPercent = [100, 50, 75] } == "priorityThresholdsPercent[2]")
        #expect(validationField(base) { $0.priorityThresholdsPercent = [-1] } == "priorityThresholdsPercent[0]")
        #expect(validationField(base) { $0.priorityThresholdsPercent = [90, 90, 0] } == nil)
    }

    @Test func adaptiveThrottleFieldsName() {
        let base = AdaptiveThrottleConfig()
        #expect(validationField(base) { $0.k = 0.5 } == "k")
        #expect(validationField(base) { $0.k = .nan } == "k")
        #expect(validationField(base) { $0.window = .zero } == "window")
        #expect(validationField(base) { $0.bucketWidth = .zero } == "bucketWidth")
        #expect(validationField(base) { $0.bucketWidth = .seconds(7) } == "bucketWidth")
        #expect(validationField(base) { $0.bucketWidth = .ms(1) } == "bucketWidth")   // 120000 buckets
        #expect(validationField(base) { $0.requestsPadding = 0 } == "requestsPadding")
        #expect(validationField(base) { $0.acceptedOutcomes = [.serverError] } == "acceptedOutcomes")
        #expect(base.bucketCount == 120)
    }

    @Test func rateLimiterPresetsArePinned() {
        // Resilience4j RateLimiterConfig defaults: 50 per 500 ns, timeout 5 s.
        let r4j = RateLimiterConfig.preset(.resilience4j)
        #expect(r4j?.refill == .periodic && r4j?.limitForPeriod == 50 && r4j?.refreshPeriod == .ns(500) && r4j?.maxWait == .seconds(5))
        #expect(r4j?.capacity == 50 && r4j?.permitsPerSecond == 100_000_000)
        // init(): our continuous 100 rps / burst 100 / no wait, with Resilience4j's periodic numbers.
        #expect(RateLimiterConfig() == RateLimiterConfig(refill: .continuous, rateRps: 100, burst: 100, limitForPeriod: 50,
                                                         refreshPeriod: .ns(500), maxWait: .zero))
        let others = PolicyPreset.allCases.filter { $0 != .resilience4j }
        #expect(others.allSatisfy { RateLimiterConfig.preset($0) == nil })
    }

    @Test func concurrencyPresetsArePinned() {
        let fixed: [(PolicyPreset, Int)] = [(.resilience4j, 25), (.hystrix, 10), (.pollyV8, 1000), (.envoy, 1024)]
        for (preset, limit) in fixed {
            let config = ConcurrencyLimitConfig.preset(preset)
            #expect(config?.kind == .fixed && config?.maxConcurrent == limit && config?.maxWait == .zero, "\(preset)")
        }
        #expect(ConcurrencyLimitConfig() == ConcurrencyLimitConfig.preset(.resilience4j))
        let netflix = ConcurrencyLimitConfig.preset(.netflix)
        #expect(netflix?.kind == .vegas)
        #expect(netflix?.aimd == AIMDLimitConfig(initialLimit: 20, minLimit: 20, maxLimit: 200, backoffRatio: 0.9, rttTimeout: .seconds(5)))
        #expect(netflix?.gradient2 == Gradient2LimitConfig(initialLimit: 20, minLimit: 20, maxLimit: 200, smoothing: 0.2,
                                                           queueSize: 4, longWindow: 600, rttTolerance: 1.5))
        #expect(netflix?.vegas == VegasLimitConfig(initialLimit: 20, minLimit: 1, maxLimit: 1000, smoothing: 1,
                                                   probeMultiplier: 30, alphaLog10Multiplier: 3, betaLog10Multiplier: 6))
        #expect(netflix?.dropOutcomes == [.timeout, .overloaded, .throttled])
        #expect(netflix?.ignoredOutcomes == [.connectionError, .rejected])
        #expect(ConcurrencyLimitConfig.netflix(.gradient2).kind == .gradient2)
        let none: [PolicyPreset] = [.grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .kubernetes]
        #expect(none.allSatisfy { ConcurrencyLimitConfig.preset($0) == nil })
    }

    @Test func loadShedderDefaultsArePinnedAndNoLibraryHasAPreset() {
        let config = LoadShedderConfig()
        #expect(config.kind == .none && config.maxQueueLength == 1024)
        #expect(config.codelTarget == .ms(5) && config.codelInterval == .ms(100))
        #expect(config.priorityThresholdsPercent == [100, 75, 50])
        #expect(PolicyPreset.allCases.allSatisfy { LoadShedderConfig.preset($0) == nil })
    }

    @Test func adaptiveThrottlePresetsArePinned() {
        #expect(AdaptiveThrottleConfig.preset(.googleSRE) == AdaptiveThrottleConfig(
            k: 2, window: .minutes(2), bucketWidth: .seconds(1), requestsPadding: 1, acceptedOutcomes: [.success, .serverError, .clientError]))
        #expect(AdaptiveThrottleConfig() == AdaptiveThrottleConfig.preset(.googleSRE))
        let grpc = AdaptiveThrottleConfig.preset(.grpc)
        #expect(grpc == AdaptiveThrottleConfig(k: 2, window: .seconds(30), bucketWidth: .ms(300), requestsPadding: 8))
        #expect(grpc?.bucketCount == 100)
        let others = PolicyPreset.allCases.filter { $0 != .googleSRE && $0 != .grpc }
        #expect(others.allSatisfy { AdaptiveThrottleConfig.preset($0) == nil })
    }

    static func keys(_ data: Data) throws -> Set<String> {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Set(object.keys)
    }

    @Test func configsRoundTripThroughJSONWithEveryKeyPresent() throws {
        let rate = try JSONEncoder().encode(RateLimiterConfig.tokenBucket(rateRps: 2.5, burst: 4, maxWait: .ms(250)))
        #expect(try JSONDecoder().decode(RateLimiterConfig.self, from: rate) == .tokenBucket(rateRps: 2.5, burst: 4, maxWait: .ms(250)))
        #expect(try Self.keys(rate) == ["refill", "rateRps", "burst", "limitForPeriod", "refreshPeriod", "maxWait"])

        let concurrency = try JSONEncoder().encode(ConcurrencyLimitConfig.preset(.netflix)!)
        #expect(try JSONDecoder().decode(ConcurrencyLimitConfig.self, from: concurrency) == ConcurrencyLimitConfig.preset(.netflix)!)
        #expect(try Self.keys(concurrency) == ["kind", "maxConcurrent", "maxWait", "dropOutcomes", "ignoredOutcomes", "aimd", "gradient2", "vegas"])
        let object = try #require(try JSONSerialization.jsonObject(with: concurrency) as? [String: Any])
        #expect(object["kind"] as? String == "vegas")
        #expect(object["dropOutcomes"] as? [String] == ["timeout", "overloaded", "throttled"])
        let aimd = try #require(object["aimd"] as? [String: Any])
        #expect(aimd["rttTimeout"] as? String == "5s")

        let shedder = try JSONEncoder().encode(LoadShedderConfig(kind: .priority, priorityThresholdsPercent: [100, 90, 60, 30]))
        #expect(try JSONDecoder().decode(LoadShedderConfig.self, from: shedder).priorityThresholdsPercent == [100, 90, 60, 30])
        #expect(try Self.keys(shedder) == ["kind", "maxQueueLength", "codelTarget", "codelInterval", "priorityThresholdsPercent"])

        let throttle = try JSONEncoder().encode(AdaptiveThrottleConfig.preset(.grpc)!)
        #expect(try JSONDecoder().decode(AdaptiveThrottleConfig.self, from: throttle) == AdaptiveThrottleConfig.preset(.grpc)!)
        #expect(try Self.keys(throttle) == ["k", "window", "bucketWidth", "requestsPadding", "acceptedOutcomes"])
    }
}
