/// Small numeric helpers for analysing one series: linear detrending,
/// autocorrelation and percentiles. Plain IEEE arithmetic in a fixed order,
/// so the same series gives the same bits everywhere.
enum SeriesMath {
    /// Residuals after a least-squares line a + b*t over the defined (non-NaN)
    /// points; NaN points become 0 (they sit on the trend line), so they add
    /// nothing to the autocorrelation. Fewer than two defined points: the
    /// residuals from their mean.
    static func detrended(_ values: [Double]) -> [Double] {
        var count = 0.0, sumT = 0.0, sumX = 0.0
        for (t, x) in values.enumerated() where !x.isNaN {
            count += 1
            sumT += Double(t)
            sumX += x
        }
        guard count > 0 else { return values.map { _ in 0 } }
        let meanT = sumT / count, meanX = sumX / count
        var covariance = 0.0, varianceT = 0.0
        for (t, x) in values.enumerated() where !x.isNaN {
            covariance += (Double(t) - meanT) * (x - meanX)
            varianceT += (Double(t) - meanT) * (Double(t) - meanT)
        }
        let slope = varianceT > 0 ? covariance / varianceT : 0
        return values.enumerated().map { t, x in
            x.isNaN ? 0 : x - (meanX + slope * (Double(t) - meanT))
        }
    }

    /// The sample autocorrelation r(k) for k = 0...maxLag of a zero-mean series:
    /// r(k) = sum_{t < n-k} y_t * y_{t+k} / sum_t y_t^2 (the standard, biased
    /// estimator: it shrinks long lags, which keeps spurious long periods down).
    /// Empty when the series has no variance.
    static func autocorrelation(_ y: [Double], maxLag: Int) -> [Double] {
        let energy = y.reduce(0) { $0 + $1 * $1 }
        guard energy > 0 else { return [] }
        return (0...max(0, min(maxLag, y.count - 1))).map { lag in
            var sum = 0.0
            for t in 0..<(y.count - lag) { sum += y[t] * y[t + lag] }
            return sum / energy
        }
    }

    /// The q-quantile (0...1) of `sorted` by linear interpolation between
    /// closest ranks (h = (n - 1) q; numpy's default, "type 7"). NaN if empty.
    static func percentile(sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * q
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
