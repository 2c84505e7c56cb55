import Foundation
import Testing
@testable import Policy

/// Envoy's preset numbers pinned (outlier_detection.proto field docs and
/// DetectorConfig defaults read with the code search), validation field names,
/// JSON round-trip.
@Suite struct OutlierDetectionConfigTests {
    @Test func envoyDefaults() throws {
        let config = try #require(OutlierDetectionConfig.preset(.envoy))
        #expect(config == OutlierDetectionConfig())
        #expect(config.consecutive5xx == 5)
        #expect(config.enforcingConsecutive5xxPercent == 100)
        #expect(config.consecutiveGatewayFailure == 5)
        #expect(config.enforcingConsecutiveGatewayFailurePercent == 0)
        #expect(config.interval == .seconds(10))
        #expect(config.baseEjectionTime == .seconds(30))
        #expect(config.maxEjectionTime == .seconds(300))
        #expect(config.maxEjectionTimeJitter == .zero)
        #expect(config.maxEjectionPercent == 10)
        #expect(config.alwaysEjectOneHost == false)
        #expect(config.enforcingSuccessRatePercent == 100)
        #expect(config.successRateMinimumHosts == 5)
        #expect(config.successRateRequestVolume == 100)
        #expect(config.successRateStdevFactorThousandths == 1900)
        #expect(config.failurePercentageThreshold == 85)
        #expect(config.enforcingFailurePercentagePercent == 0)
        #expect(config.failurePercentageMinimumHosts == 5)
        #expect(config.failurePercentageRequestVolume == 50)
    }

    @Test func onlyEnvoyHasHostEjection() {
        for preset in PolicyPreset.allCases where preset != .envoy {
            #expect(OutlierDetectionConfig.preset(preset) == nil)
        }
    }

    @Test func nonsenseFieldsAreNamed() {
        func field(_ change: (inout OutlierDetectionConfig) -> Void) -> String? { validationField(OutlierDetectionConfig(), change) }
        #expect(field { _ in } == nil)
        #expect(field { $0.consecutive5xx = -1 } == "consecutive5xx")
        #expect(field { $0.enforcingConsecutive5xxPercent = 101 } == "enforcingConsecutive5xxPercent")
        #expect(field { $0.consecutiveGatewayFailure = -1 } == "consecutiveGatewayFailure")
        #expect(field { $0.enforcingConsecutiveGatewayFailurePercent = -1 } == "enforcingConsecutiveGatewayFailurePercent")
        #expect(field { $0.interval = .zero } == "interval")
        #expect(field { $0.baseEjectionTime = .zero } == "baseEjectionTime")
        #expect(field { $0.maxEjectionTime = .seconds(29) } == "maxEjectionTime")
        #expect(field { $0.maxEjectionTimeJitter = .ms(-1) } == "maxEjectionTimeJitter")
        #expect(field { $0.maxEjectionPercent = 101 } == "maxEjectionPercent")
        #expect(field { $0.enforcingSuccessRatePercent = 101 } == "enforcingSuccessRatePercent")
        #expect(field { $0.successRateMinimumHosts = -1 } == "successRateMinimumHosts")
        #expect(field { $0.successRateRequestVolume = -1 } == "successRateRequestVolume")
        #expect(field { $0.successRateStdevFactorThousandths = -1 } == "successRateStdevFactorThousandths")
        #expect(field { $0.failurePercentageThreshold = 101 } == "failurePercentageThreshold")
        #expect(field { $0.enforcingFailurePercentagePercent = 101 } == "enforcingFailurePercentagePercent")
        #expect(field { $0.failurePercentageMinimumHosts = -1 } == "failurePercentageMinimumHosts")
        #expect(field { $0.failurePercentageRequestVolume = -1 } == "failurePercentageRequestVolume")
        #expect(field { $0.maxEjectionTime = .seconds(30) } == nil)
    }

    @Test func maxEjectionTimeErrorNamesTheBase() {
        #expect(throws: PolicyConfigError(field: "maxEjectionTime", expected: "a duration >= baseEjectionTime (30s)", got: "10s")) {
            try OutlierDetectionConfig(maxEjectionTime: .seconds(10)).validate()
        }
    }

    @Test func roundTripsThroughJSONWithEveryKeyPresent() throws {
        let config = OutlierDetectionConfig(maxEjectionTimeJitter: .ms(250), alwaysEjectOneHost: true)
        let data = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(OutlierDetectionConfig.self, from: data) == config)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.count == 18)
        #expect(object["interval"] as? String == "10s")
        #expect(object["maxEjectionTime"] as? String == "5m")
        #expect(object["maxEjectionTimeJitter"] as? String == "250ms")
        #expect(object["alwaysEjectOneHost"] as? Bool == true)
    }
}
