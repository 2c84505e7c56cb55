/// How often one entity changed state: the flapping measure of oscillation.
///
/// flips = number of state-change events of `category` for `entity` whose
/// `from` differs from `to`; perMinute = flips / (observed duration in minutes).
/// A breaker cycling closed -> open -> half-open -> closed is three flips.
public struct StateFlipRate: Sendable, Equatable {
    /// The entity that changed (`EntityName.text`).
    public var entity: String
    /// The kind of state counted.
    public var category: StateChangeCategory
    /// Changes with `from != to`.
    public var flips: Int
    /// flips / run minutes.
    public var perMinute: Double

    /// A rate as computed by `rates(_:category:duration:)`.
    public init(entity: String, category: StateChangeCategory, flips: Int, perMinute: Double) {
        self.entity = entity
        self.category = category
        self.flips = flips
        self.perMinute = perMinute
    }

    /// Flip rates of every entity with at least one flip of `category` in
    /// `events`, sorted by entity name, over `duration` (the run's length).
    public static func rates(_ events: [StateChangeEvent], category: StateChangeCategory, duration: SimTime) -> [StateFlipRate] {
        precondition(duration.ns > 0, "flip rates need a duration > 0")
        var counts: [String: Int] = [:]
        for event in events where event.category == category && event.from != event.to {
            counts[event.entity, default: 0] += 1
        }
        let minutes = duration.seconds / 60
        // Sorted keys: Dictionary order is randomised per process and must never reach a report.
        return counts.keys.sorted().map { entity in
            StateFlipRate(entity: entity, category: category, flips: counts[entity]!, perMinute: Double(counts[entity]!) / minutes)
        }
    }
}
