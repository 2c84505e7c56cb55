/// The integral over time of a piecewise-constant integer quantity (number in
/// system, busy servers): for time averages and Little's law.
public struct TimeIntegral: Sendable {
    public private(set) var value = 0
    public private(set) var lastChange: SimTime
    /// Sum of value x duration, in value-nanoseconds.
    public private(set) var area: Double = 0

    public init(start: SimTime = .zero) { lastChange = start }

    /// Sets the quantity at `now` (accumulating the area since the last change).
    public mutating func set(_ newValue: Int, at now: SimTime) {
        area += Double(value) * Double(now.ns - lastChange.ns)
        lastChange = now
        value = newValue
    }

    public mutating func add(_ delta: Int, at now: SimTime) { set(value + delta, at: now) }

    /// The area up to `now` (value x nanoseconds).
    public func totalArea(at now: SimTime) -> Double {
        area + Double(value) * Double(now.ns - lastChange.ns)
    }

    /// The time average over [start, now].
    public func average(from start: SimTime, to now: SimTime) -> Double {
        let total = area + Double(value) * Double(now.ns - lastChange.ns)
        let span = Double(now.ns - start.ns)
        return span > 0 ? total / span : 0
    }
}
