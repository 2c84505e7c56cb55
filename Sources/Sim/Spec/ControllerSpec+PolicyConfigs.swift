/// The Policy library's control-loop configurations as parts of the scenario
/// format: `policy` inside a controller's block, merged field by field over
/// `init()`, or starting from `preset: "kubernetes"` / `"google-sre"`.
extension CanaryConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension AutoscalerConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
extension BurnRateAlertConfig: PolicyConfigSpec { public static var defaultValue: Self { Self() } }
