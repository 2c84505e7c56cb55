import Foundation
import Testing
@testable import Policy

/// Every preset number pinned, each nonsense field named, JSON round-trip.
/// Sources: REFERENCE.md; Resilience4j CircuitBreakerConfig defaults; Hystrix
/// HystrixCommandProperties defaults; Polly.Core CircuitBreakerConstants
/// (0.1, 100, 30 s, 5 s) and AdvancedCircuitBehavior (`>=` on both).
@Suite struct CircuitBreakerConfigTests {
    @Test func resilience4jDefaults() throws {
        let config = try #require(CircuitBreakerConfig.preset(.resilience4j))
        #expect(config == CircuitBreakerConfig())
        #expect(config.mode == .slidingWindow)
        #expect(config.slidingWindowType == .countBased)
        #expect(config.slidingWindowSize == 100)
        #expect(config.minimumNumberOfCalls == 100)
        #expect(config.failureRateThresholdPercent == 50)
        #expect(config.slowCallRateThresholdPercent == 100)
        #expect(config.slowCallDuration == .seconds(60))
        #expect(config.waitInOpen == .seconds(60))
        #expect(config.permittedCallsInHalfOpen == 10)
        #expect(config.maxWaitInHalfOpen == .zero)
        #expect(config.automaticTransitionFromOpenToHalfOpen == false)
        #expect(config.consecutiveFailureThreshold == 5)
        #expect(config.recordedFailures == [.timeout, .serverError, .overloaded, .throttled, .connectionError, .clientError])
    }

    @Test func hystrixDefaults() throws {
        let config = try #require(CircuitBreakerConfig.preset(.hystrix))
        #expect(config.mode == .slidingWindow)
        #expect(config.slidingWindowType == .timeBased && config.slidingWindowSize == 10)
        #expect(config.minimumNumberOfCalls == 20)
        #expect(config.failureRateThresholdPercent == 50)
        #expect(config.slowCallDuration == .max && config.slowCallRateThresholdPercent == 100)
        #expect(config.waitInOpen == .ms(5_000))
        #expect(config.permittedCallsInHalfOpen == 1)
        #expect(config.maxWaitInHalfOpen == .zero && !config.automaticTransitionFromOpenToHalfOpen)
        #expect(config.recordedFailures == .transientFailures)
    }

    @Test func pollyV8Defaults() throws {
        let config = try #require(CircuitBreakerConfig.preset(.pollyV8))
        #expect(config.slidingWindowType == .timeBased && config.slidingWindowSize == 30)
        #expect(config.minimumNumberOfCalls == 100)
        #expect(config.failureRateThresholdPercent == 10)
        #expect(config.slowCallDuration == .max)
        #expect(config.waitInOpen == .seconds(5))
        #expect(config.permittedCallsInHalfOpen == 1)
        #expect(config.maxWaitInHalfOpen == .zero && !config.automaticTransitionFromOpenToHalfOpen)
        #expect(config.recordedFailures == CircuitBreakerConfig.resilience4jRecordedFailures)
    }

    @Test func librariesWithoutAStateMachineBreakerHaveNoPreset() {
        // Envoy's circuit breakers are connection/request limits, not a breaker.
        for preset in [PolicyPreset.envoy, .grpc, .finagle, .awsStandard, .aws2026, .googleSRE, .netflix, .kubernetes] {
            #expect(CircuitBreakerConfig.preset(preset) == nil)
        }
    }

    @Test(arguments: PolicyPreset.allCases)
    func everyPresetValidates(preset: PolicyPreset) {
        #expect(throws: Never.self) { try CircuitBreakerConfig.preset(preset)?.validate() }
    }

    @Test func hystrixPresetTripsAtTwentyRequestsWithHalfFailingInTenSeconds() {
        var breaker = CircuitBreaker(config: CircuitBreakerConfig.preset(.hystrix)!)
        for index in 0..<19 {
            let transition = breaker.record(now: .ms(Int64(index) * 100), outcome: index % 2 == 0 ? .timeout : .success, duration: .ms(5))
            #expect(transition == nil)
        }
        let trip = breaker.record(now: .ms(1_900), outcome: .success, duration: .ms(5))  // 10 of 20
        #expect(trip?.cause == .failureRateExceeded(ratePercent: 50, thresholdPercent: 50))
        // One test request after the 5 s sleep window; it closes the circuit.
        let early = breaker.tryAcquire(now: .ms(6_900))
        #expect(!early.permitted)
        let test = breaker.tryAcquire(now: .ms(6_901))
        let second = breaker.tryAcquire(now: .ms(6_902))
        #expect(test.permitted && !second.permitted)
        let closed = breaker.record(now: .ms(6_950), outcome: .success, duration: .ms(5))
        #expect(closed?.to == .closed)
    }

    @Test func pollyPresetTripsAtTenPercentOfAHundredCallsInThirtySeconds() {
        var breaker = CircuitBreaker(config: CircuitBreakerConfig.preset(.pollyV8)!)
        for index in 0..<99 {
            let transition = breaker.record(now: .ms(Int64(index) * 250), outcome: index < 10 ? .serverError : .success, duration: .ms(5))
            #expect(transition == nil)
        }
        // The 100th call, at 24.75 s: 10 failures of 100 = 10% >= 10%.
        let trip = breaker.record(now: .ms(24_750), outcome: .success, duration: .ms(5))
        #expect(trip?.cause == .failureRateExceeded(ratePercent: 10, thresholdPercent: 10))
    }

    @Test func nonsenseFieldsAreNamed() {
        func field(_ change: (inout CircuitBreakerConfig) -> Void) -> String? { validationField(CircuitBreakerConfig(), change) }
        #expect(field { _ in } == nil)
        #expect(field { $0.slidingWindowSize = 0 } == "slidingWindowSize")
        #expect(field { $0.slidingWindowSize = 1_000_001 } == "slidingWindowSize")
        #expect(field { $0.slidingWindowType = .timeBased; $0.slidingWindowSize = 86_401 } == "slidingWindowSize")
        #expect(field { $0.minimumNumberOfCalls = 0 } == "minimumNumberOfCalls")
        #expect(field { $0.failureRateThresholdPercent = 0 } == "failureRateThresholdPercent")
        #expect(field { $0.failureRateThresholdPercent = 100.5 } == "failureRateThresholdPercent")
        #expect(field { $0.failureRateThresholdPercent = .nan } == "failureRateThresholdPercent")
        #expect(field { $0.slowCallRateThresholdPercent = -1 } == "slowCallRateThresholdPercent")
        #expect(field { $0.slowCallDuration = .zero } == "slowCallDuration")
        #expect(field { $0.waitInOpen = .zero } == "waitInOpen")
        #expect(field { $0.permittedCallsInHalfOpen = 0 } == "permittedCallsInHalfOpen")
        #expect(field { $0.maxWaitInHalfOpen = .ms(-1) } == "maxWaitInHalfOpen")
        #expect(field { $0.consecutiveFailureThreshold = 0 } == "consecutiveFailureThreshold")
        #expect(field { $0.recordedFailures = [.success, .timeout] } == "recordedFailures")
        #expect(field { $0.failureRateThresholdPercent = 100; $0.maxWaitInHalfOpen = .zero } == nil)
    }

    @Test func thresholdErrorSaysWhatWasExpected() {
        #expect(throws: PolicyConfigError(field: "failureRateThresholdPercent", expected: "a percentage in (0, 100]", got: "0.0")) {
            try CircuitBreakerConfig(failureRateThresholdPercent: 0).validate()
        }
    }

    @Test func roundTripsThroughJSONWithEveryKeyPresent() throws {
        let config = try #require(CircuitBreakerConfig.preset(.hystrix))
        let data = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(CircuitBreakerConfig.self, from: data) == config)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == [
            "mode", "slidingWindowType", "slidingWindowSize", "minimumNumberOfCalls", "failureRateThresholdPercent",
            "slowCallRateThresholdPercent", "slowCallDuration", "waitInOpen", "permittedCallsInHalfOpen",
            "maxWaitInHalfOpen", "automaticTransitionFromOpenToHalfOpen", "consecutiveFailureThreshold", "recordedFailures",
        ])
        #expect(object["waitInOpen"] as? String == "5s")
        #expect(object["maxWaitInHalfOpen"] as? String == "0s")
        #expect(object["slidingWindowType"] as? String == "timeBased")
        #expect(object["recordedFailures"] as? [String] == ["timeout", "serverError", "overloaded", "throttled", "connectionError"])
    }
}
