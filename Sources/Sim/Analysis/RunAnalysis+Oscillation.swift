/// The rhythm of one key series of a run.
public struct SeriesOscillation: Sendable, Equatable {
    /// The entity (`service:api`).
    public var entity: String
    /// The metric (`inFlight`).
    public var metric: Metric
    /// Period, amplitude, autocorrelation and verdict.
    public var oscillation: Oscillation
}

extension RunAnalysis {
    /// The series whose rhythm the report judges, in this order: the
    /// client-visible success ratio; per service, requests in flight and
    /// instances up; per version, the traffic weight; per edge, the breaker
    /// state. These are where a control loop that hunts (a breaker flapping,
    /// an autoscaler or a canary controller see-sawing, a limiter pumping)
    /// shows itself. Series that are not recorded are left out.
    static func keySeries(_ recording: Recording) -> [(entity: String, metric: Metric)] {
        var keys: [(entity: String, metric: Metric)] = [(EntityName.run.text, .successRatio)]
        for service in recording.entities(ofKind: .service) {
            keys.append((service, .inFlight))
            keys.append((service, .instancesUp))
        }
        for version in recording.entities(ofKind: .version) { keys.append((version, .weightPercent)) }
        for edge in recording.entities(ofKind: .edge) { keys.append((edge, .breakerState)) }
        return keys.filter { recording.hasSeries($0.entity, $0.metric) }
    }

    /// Flip rates of `categories`, sorted by entity and then by the order of `categories`.
    static func flipRates(_ recording: Recording, categories: [StateChangeCategory]) -> [StateFlipRate] {
        let rates = categories.flatMap { recording.stateFlipRates($0) }
        return rates.sorted { a, b in
            a.entity != b.entity ? a.entity < b.entity
                : categories.firstIndex(of: a.category)! < categories.firstIndex(of: b.category)!
        }
    }

    /// The oscillating key series with the highest autocorrelation at its
    /// period (the most regular rhythm), or nil when none oscillates.
    public var dominantOscillation: SeriesOscillation? {
        var best: SeriesOscillation? = nil
        for item in oscillations where item.oscillation.isOscillating {
            if best == nil || item.oscillation.autocorrelationAtPeriod > best!.oscillation.autocorrelationAtPeriod { best = item }
        }
        return best
    }

    /// Flips per minute of each entity that changed, all counted categories
    /// together, sorted by entity (flips / run minutes, as `StateFlipRate`).
    public var flipsPerMinuteByEntity: [(entity: String, flips: Int, perMinute: Double)] {
        var merged: [(entity: String, flips: Int)] = []
        for rate in flipRates {
            if merged.last?.entity == rate.entity { merged[merged.count - 1].flips += rate.flips } else { merged.append((rate.entity, rate.flips)) }
        }
        let minutes = duration.seconds / 60
        return merged.map { ($0.entity, $0.flips, Double($0.flips) / minutes) }
    }
}
