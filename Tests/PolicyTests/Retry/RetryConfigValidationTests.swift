import Foundation
import Testing
@testable import Policy

/// Each nonsense field is reported with its path, and the configurations
/// round-trip through JSON with every key present (the scenario layer overlays
/// user keys on the encoded defaults).
@Suite struct RetryConfigValidationTests {
    @Test func defaultsValidate() {
        #expect(validationField(BackoffConfig()) == nil)
        #expect(validationField(RetryConfig()) == nil)
        #expect(validationField(RetryBudgetConfig()) == nil)
        #expect(validationField(HedgingConfig()) == nil)
    }

    @Test func backoffFieldsName() {
        func field(_ change: (inout BackoffConfig) -> Void) -> String? {
            var config = BackoffConfig()
            change(&config)
            return validationField(config)
        }
        #expect(field { $0.base = .ns(-1) } == "base")
        #expect(field { $0.cap = .ns(-1) } == "cap")
        #expect(field { $0.cap = .ms(50) } == "cap")
        #expect(field { $0.multiplier = 0.5 } == "multiplier")
        #expect(field { $0.multiplier = .nan } == "multiplier")
        #expect(field { $0.multiplier = .infinity } == "multiplier")
        #expect(field { $0.throttledBase = .ms(-5) } == "throttledBase")
        #expect(field { $0.base = .zero } == nil)
    }

    @Test func retryFieldsNameIncludingNestedBackoffPaths() {
        func field(_ change: (inout RetryConfig) -> Void) -> String? {
            var config = RetryConfig()
            change(&config)
            return validationField(config)
        }
        #expect(field { $0.maxAttempts = 0 } == "maxAttempts")
        #expect(field { $0.maxAttempts = -2 } == "maxAttempts")
        #expect(field { $0.retryOn = [.success, .timeout] } == "retryOn")
        #expect(field { $0.perTryTimeout = .zero } == "perTryTimeout")
        #expect(field { $0.deadline = .ms(-1) } == "deadline")
        #expect(field { $0.maxRetryAfter = .ms(-1) } == "maxRetryAfter")
        #expect(field { $0.backoff.base = .ms(-1) } == "backoff.base")
        #expect(field { $0.backoff.multiplier = 0 } == "backoff.multiplier")
        #expect(field { $0.retryOn = [] } == nil)
    }

    @Test func retryErrorSaysWhatWasExpectedAndGot() {
        var config = RetryConfig()
        config.backoff.cap = .ms(10)
        #expect(throws: PolicyConfigError(field: "backoff.cap", expected: "a duration >= base (100ms)", got: "10ms")) {
            try config.validate()
        }
    }

    @Test func budgetFieldsNameTheirSubConfiguration() {
        func field(_ change: (inout RetryBudgetConfig) -> Void) -> String? {
            var config = RetryBudgetConfig()
            change(&config)
            return validationField(config)
        }
        #expect(field { $0.ratio.percent = 1_001 } == "ratio.percent")
        #expect(field { $0.ratio.percent = -1 } == "ratio.percent")
        #expect(field { $0.ratio.minRetriesPerSecond = -1 } == "ratio.minRetriesPerSecond")
        #expect(field { $0.ratio.ttl = .zero } == "ratio.ttl")
        #expect(field { $0.ratio.ttl = .hours(25) } == "ratio.ttl")
        #expect(field { $0.concurrency.budgetPercent = 101 } == "concurrency.budgetPercent")
        #expect(field { $0.concurrency.minRetryConcurrency = -1 } == "concurrency.minRetryConcurrency")
        #expect(field { $0.grpcThrottle.maxTokens = 0 } == "grpcThrottle.maxTokens")
        #expect(field { $0.grpcThrottle.tokenRatio = -0.1 } == "grpcThrottle.tokenRatio")
        #expect(field { $0.grpcThrottle.countedFailures = [.success] } == "grpcThrottle.countedFailures")
        #expect(field { $0.awsStandard.capacity = 0 } == "awsStandard.capacity")
        #expect(field { $0.awsStandard.timeoutRetryCost = -1 } == "awsStandard.timeoutRetryCost")
        #expect(field { $0.aws2026.retryCost = -14 } == "aws2026.retryCost")
        #expect(field { $0.aws2026.throttlingRetryCost = -5 } == "aws2026.throttlingRetryCost")
        #expect(field { $0.aws2026.noRetryIncrement = -1 } == "aws2026.noRetryIncrement")
    }

    @Test func hedgingIsCappedAtFiveAttemptsLikeGrpc() {
        #expect(validationField(HedgingConfig(maxAttempts: 5)) == nil)
        #expect(validationField(HedgingConfig(maxAttempts: 6)) == "maxAttempts")
        #expect(validationField(HedgingConfig(maxAttempts: 0)) == "maxAttempts")
        #expect(validationField(HedgingConfig(maxAttempts: 2, hedgeDelay: .ms(-1))) == "hedgeDelay")
    }

    @Test func configsRoundTripThroughJSONWithEveryKeyPresent() throws {
        let retry = try JSONEncoder().encode(RetryConfig.preset(.grpc)!)
        #expect(try JSONDecoder().decode(RetryConfig.self, from: retry) == RetryConfig.preset(.grpc)!)
        let object = try #require(try JSONSerialization.jsonObject(with: retry) as? [String: Any])
        #expect(Set(object.keys) == ["maxAttempts", "retryOn", "perTryTimeout", "deadline", "honorRetryAfter", "maxRetryAfter", "backoff"])
        #expect(object["perTryTimeout"] as? String == "never")
        let backoff = try #require(object["backoff"] as? [String: Any])
        #expect(backoff["jitter"] as? String == "full" && backoff["base"] as? String == "100ms")

        let budget = try JSONEncoder().encode(RetryBudgetConfig.preset(.finagle)!)
        #expect(try JSONDecoder().decode(RetryBudgetConfig.self, from: budget) == RetryBudgetConfig.preset(.finagle)!)
        let budgetObject = try #require(try JSONSerialization.jsonObject(with: budget) as? [String: Any])
        #expect(Set(budgetObject.keys) == ["kind", "ratio", "concurrency", "grpcThrottle", "awsStandard", "aws2026"])

        let hedging = try JSONEncoder().encode(HedgingConfig.preset(.grpc)!)
        #expect(try JSONDecoder().decode(HedgingConfig.self, from: hedging) == HedgingConfig.preset(.grpc)!)
    }
}
