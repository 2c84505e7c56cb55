/// `SimTime` as a person reads it in a report: `250ms`, `2.5s`, `1m 30s`, `1h 2m`.
///
/// Integer arithmetic on nanoseconds decides the parts, so the text is exact and
/// the same everywhere. Below one second: milliseconds with up to 3 decimals;
/// below one minute: seconds with up to 3 decimals; beyond: hours, minutes and
/// seconds, leaving out parts that are zero. `.max` (never) prints as `never`.
public enum DurationFormat {
    /// The human-readable text of `time`.
    public static func human(_ time: SimTime) -> String {
        if time == .max { return "never" }
        // Int64.min has no positive counterpart; one nanosecond less is invisible here.
        if time.ns < 0 { return "-" + human(SimTime(ns: time.ns == Int64.min ? Int64.max - 1 : -time.ns)) }
        let ns = time.ns
        if ns < 1_000_000_000 { return NumberFormat.trimmed(Double(ns) / 1e6, maxDecimals: 3) + "ms" }
        let minuteNs: Int64 = 60_000_000_000
        if ns < minuteNs { return secondsText(ns) }
        let hours = ns / 3_600_000_000_000
        let minutes = (ns % 3_600_000_000_000) / minuteNs
        let secondsNs = ns % minuteNs
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours)h") }
        if minutes > 0 { parts.append("\(minutes)m") }
        if secondsNs > 0 { parts.append(secondsText(secondsNs)) }
        return parts.joined(separator: " ")
    }

    /// Seconds with up to 3 decimals: `2.25s`. Truncates below a microsecond.
    static func secondsText(_ ns: Int64) -> String {
        NumberFormat.trimmed(Double(ns / 1_000) / 1e6, maxDecimals: 3) + "s"
    }
}
