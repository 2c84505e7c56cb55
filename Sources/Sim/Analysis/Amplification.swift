/// Retry amplification: how many attempts each original request turned into.
///
/// amplification(window) = attempts / offered, where `offered` counts original
/// requests (calls, for an edge) and `attempts` every try sent, retries and
/// hedges included. 1.0 means no extra load; 3.0 means every request was
/// tried three times. Undefined (NaN) in a window with no offered requests.
public enum Amplification {
    /// attempts / offered per window; NaN where offered is 0 or either is NaN.
    public static func perWindow(attempts: [Double], offered: [Double]) -> [Double] {
        precondition(attempts.count == offered.count, "attempts and offered need one value per window")
        return attempts.indices.map { index in
            let demand = offered[index]
            guard demand > 0, !attempts[index].isNaN else { return .nan }
            return attempts[index] / demand
        }
    }

    /// The highest amplification in any window whose offered load is at least
    /// `minimumOffered` (so a window with 1 request and 3 attempts does not
    /// dominate), or NaN when no window qualifies.
    public static func peak(attempts: [Double], offered: [Double], minimumOffered: Double) -> Double {
        var best = Double.nan
        for (index, value) in perWindow(attempts: attempts, offered: offered).enumerated()
        where !value.isNaN && offered[index] >= minimumOffered {
            if best.isNaN || value > best { best = value }
        }
        return best
    }
}
