/// Policy configurations as parts of the scenario format.
///
/// Each configuration's default initialiser is its default in a file, and a
/// `preset: "name"` starts from that library's numbers (see the README's
/// preset tables); sub-configurations merge field by field.
public protocol PolicyConfigSpec: PresetSpec, ValidatedConfig {
    static func preset(_ preset: PolicyPreset) -> Self?
}

extension PolicyConfigSpec {
    public static func preset(named name: String) -> Self? { PolicyPreset(rawValue: name).flatMap { preset($0) } }
    public static var presetNames: [String] { PolicyPreset.allCases.filter { preset($0) != nil }.map(\.rawValue) }
}

extension ClientPipelineConfig: PolicyConfigSpec { public static var defaultValue: Self { .edgeDefault } }
extension RetryConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension BackoffConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension RetryBudgetConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension HedgingConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension CircuitBreakerConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension OutlierDetectionConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension RateLimiterConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension ConcurrencyLimitConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension AdaptiveThrottleConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension LoadBalancerConfig: PolicyConfigSpec { public static var defaultValue: Self { Self(kind: .roundRobin) } }

extension LoadShedderConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
extension TrafficSplitConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
extension RatioBudgetConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
extension ConcurrencyBudgetConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
extension TokenThrottleConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
extension RetryQuotaConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
extension AIMDLimitConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
extension Gradient2LimitConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
extension VegasLimitConfig: SpecDefaults { public static var defaultValue: Self { Self() } }
