/// A point or span of time in integer nanoseconds.
///
/// The one time representation shared by the policy library and the simulator
/// (`Sim.SimTime` is this type). Policies never read a clock: the caller passes
/// `now` in, as virtual time in the simulator or `ContinuousClock` time in
/// production. Integer nanoseconds keep arithmetic exact and runs reproducible.
///
/// - `description` prints seconds with millisecond precision (`2.250s`), the way
///   reports and logs show time.
/// - `Codable` uses an exact unit string (`"250ms"`, `"2s"`, `"1500us"`), so a
///   configuration round-trips without loss; decoding also accepts decimals
///   (`"1.5s"`) and the units `ns`, `us`, `ms`, `s`, `m`, `h`.
@frozen
public struct Nanoseconds: Hashable, Comparable, Sendable {
    /// The value in nanoseconds.
    public var ns: Int64

    @inlinable public init(ns: Int64) { self.ns = ns }

    @inlinable public static var zero: Nanoseconds { Nanoseconds(ns: 0) }
    /// The largest representable time: "never" for deadlines and limits.
    @inlinable public static var max: Nanoseconds { Nanoseconds(ns: Int64.max) }

    @inlinable public static func ns(_ value: Int64) -> Nanoseconds { Nanoseconds(ns: value) }
    @inlinable public static func us(_ value: Int64) -> Nanoseconds { Nanoseconds(ns: value * 1_000) }
    @inlinable public static func ms(_ value: Int64) -> Nanoseconds { Nanoseconds(ns: value * 1_000_000) }
    @inlinable public static func seconds(_ value: Int64) -> Nanoseconds { Nanoseconds(ns: value * 1_000_000_000) }
    @inlinable public static func minutes(_ value: Int64) -> Nanoseconds { Nanoseconds(ns: value * 60_000_000_000) }
    @inlinable public static func hours(_ value: Int64) -> Nanoseconds { Nanoseconds(ns: value * 3_600_000_000_000) }

    /// Converts fractional seconds, rounding to the nearest nanosecond.
    /// Values beyond the representable range saturate.
    @inlinable public init(seconds value: Double) {
        self = Nanoseconds(ns: 1_000_000_000).scaled(by: value)
    }

    /// The value in (fractional) seconds.
    @inlinable public var seconds: Double { Double(ns) / 1e9 }
    /// The value in (fractional) milliseconds.
    @inlinable public var milliseconds: Double { Double(ns) / 1e6 }

    @inlinable public static func < (a: Nanoseconds, b: Nanoseconds) -> Bool { a.ns < b.ns }
    @inlinable public static func + (a: Nanoseconds, b: Nanoseconds) -> Nanoseconds { Nanoseconds(ns: a.ns + b.ns) }
    @inlinable public static func - (a: Nanoseconds, b: Nanoseconds) -> Nanoseconds { Nanoseconds(ns: a.ns - b.ns) }
    @inlinable public static func += (a: inout Nanoseconds, b: Nanoseconds) { a.ns += b.ns }
    @inlinable public static func -= (a: inout Nanoseconds, b: Nanoseconds) { a.ns -= b.ns }
    @inlinable public static func * (a: Nanoseconds, k: Int64) -> Nanoseconds { Nanoseconds(ns: a.ns * k) }

    /// Addition that saturates at `.max` instead of trapping: deadlines built
    /// from "never" stay "never".
    @inlinable public func saturatingAdd(_ other: Nanoseconds) -> Nanoseconds {
        let (sum, overflow) = ns.addingReportingOverflow(other.ns)
        if overflow { return other.ns > 0 ? .max : Nanoseconds(ns: Int64.min) }
        return Nanoseconds(ns: sum)
    }

    /// A real number of nanoseconds, rounded to the nearest (half away from
    /// zero) and saturating at `.max` and `Int64.min` beyond +-9.2e18.
    @inlinable @inline(__always) public init(roundingSaturated value: Double) {
        // Doubles this large are whole numbers: comparing before rounding is the same test.
        if value >= 9.2e18 {
            self = .max
        } else if value <= -9.2e18 {
            self = Nanoseconds(ns: Int64.min)
        } else {
            self = Nanoseconds(ns: DeterministicMath.roundedToInt64(value))
        }
    }

    /// Scales by a real factor, rounding to the nearest nanosecond and saturating.
    @inlinable public func scaled(by factor: Double) -> Nanoseconds {
        Nanoseconds(roundingSaturated: Double(ns) * factor)
    }
}

extension Nanoseconds: CustomStringConvertible {
    /// Seconds with exactly three decimals: `2.250s`, `0.000s`, `-1.500s`.
    /// Sub-millisecond remainders are truncated towards zero.
    public var description: String {
        if self == .max { return "never" }
        let negative = ns < 0
        let magnitude = ns.magnitude
        let wholeSeconds = magnitude / 1_000_000_000
        let millis = (magnitude % 1_000_000_000) / 1_000_000
        let millisText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return (negative ? "-" : "") + "\(wholeSeconds).\(millisText)s"
    }
}
