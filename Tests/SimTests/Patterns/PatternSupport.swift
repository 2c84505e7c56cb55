@testable import Sim

/// Reading a recording in pattern tests.
extension Recording {
    func series(_ entity: String, _ metric: Metric) -> [Double] {
        series.first { $0.entity == entity && $0.metric == metric.rawValue }?.values ?? []
    }

    /// Sum of a counter over windows [from, to) (seconds, 1 s windows).
    func total(_ entity: String, _ metric: Metric, from: Int = 0, to: Int = Int.max) -> Double {
        let values = series(entity, metric)
        return values[min(from, values.count)..<min(to, values.count)].filter { !$0.isNaN }.reduce(0, +)
    }

    /// Successes / (successes + failures) over windows [from, to).
    func successRatio(_ entity: String, from: Int, to: Int) -> Double {
        let good = total(entity, .successes, from: from, to: to)
        let bad = total(entity, .failures, from: from, to: to)
        return good + bad > 0 ? good / (good + bad) : .nan
    }

    /// Mean of a gauge or ratio over windows [from, to), ignoring NaN.
    func mean(_ entity: String, _ metric: Metric, from: Int, to: Int) -> Double {
        let values = series(entity, metric)[from..<min(to, series(entity, metric).count)].filter { !$0.isNaN }
        return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}

/// A client edge policy with fixed retries and a per-try timeout.
func retrying(_ attempts: Int, perTry: SimTime, budget: RetryBudgetConfig.Kind = .none) -> ClientPipelineConfig {
    var policy = ClientPipelineConfig()
    policy.retry = RetryConfig(maxAttempts: attempts, perTryTimeout: perTry, deadline: .max,
                               backoff: BackoffConfig(kind: .constant, base: .ms(10), jitter: .none))
    policy.retryBudget.kind = budget
    return policy
}
