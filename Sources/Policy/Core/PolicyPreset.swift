/// The production libraries and books whose default numbers FaultSim ships as presets.
///
/// Each configuration type offers `static func preset(_:) -> Self?`, returning
/// `nil` when that library has no such policy. A scenario writes
/// `preset: "resilience4j"` and overrides single fields on top.
public enum PolicyPreset: String, Codable, CaseIterable, Sendable {
    case resilience4j
    case hystrix
    case pollyV8 = "polly-v8"
    case envoy
    case grpc
    case finagle
    case awsStandard = "aws-standard"
    case aws2026 = "aws-2026"
    case googleSRE = "google-sre"
    case netflix
    /// Kubernetes controllers (HPA defaults).
    case kubernetes
}
