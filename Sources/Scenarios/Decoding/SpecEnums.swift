import Sim

// Every string enum of the scenario format lists its cases in errors
// ("expected one of fifo, lifo") and in the JSON Schema.
extension QueueDiscipline: SpecEnum {}
extension OutcomeClass: SpecEnum {}
extension PolicyPreset: SpecEnum {}
extension ServiceSpec.Kind: SpecEnum {}
extension ServiceSpec.DeadlineMode: SpecEnum {}
extension LoadLatencySpec.Kind: SpecEnum {}
extension CacheSpec.Mode: SpecEnum {}
extension CacheSpec.Eviction: SpecEnum {}
extension NetworkSpec.PartitionMode: SpecEnum {}
extension FaultSpec.Kind: SpecEnum {}
extension EdgeSpec.Scope: SpecEnum {}
extension ClientSpec.Mode: SpecEnum {}
extension RateSchedule.Kind: SpecEnum {}
extension KeySpec.Popularity: SpecEnum {}
extension DurationDistributionSpec.Kind: SpecEnum {}
extension BackoffConfig.Kind: SpecEnum {}
extension BackoffConfig.Jitter: SpecEnum {}
extension RetryBudgetConfig.Kind: SpecEnum {}
extension CircuitBreakerConfig.Mode: SpecEnum {}
extension CircuitBreakerConfig.SlidingWindowType: SpecEnum {}
extension RateLimiterConfig.Refill: SpecEnum {}
extension ConcurrencyLimitConfig.Kind: SpecEnum {}
extension LoadShedderConfig.Kind: SpecEnum {}
extension LoadBalancerConfig.Kind: SpecEnum {}
extension ClientPipelineConfig.Stage: SpecEnum {}
extension TrafficSplitConfig.Mode: SpecEnum {}
extension ControllerSpec.Kind: SpecEnum {}
extension AutoscalerControllerSpec.Metric: SpecEnum {}
extension AdaptiveRoutingSpec.Signal: SpecEnum {}
extension CanaryConfig.InsufficientSampleAction: SpecEnum {}
extension Policy.BurnRateRule.Severity: SpecEnum {}
