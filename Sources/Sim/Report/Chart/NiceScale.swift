/// Axis ticks at "nice" steps: 1, 2 or 5 times a power of ten.
///
/// The step is the smallest nice step that covers `[lower, upper]` in at most
/// `maxIntervals` intervals; the axis then runs from the tick at or below the
/// data to the tick at or above it. Tick values are integer multiples of the
/// step (`k * step`), never accumulated sums, so 0.1 + 0.2 style drift cannot
/// creep into labels; labels print with exactly the decimals the step needs.
struct NiceScale: Equatable {
    /// First tick (the axis minimum).
    var lower: Double
    /// Last tick (the axis maximum).
    var upper: Double
    /// Distance between ticks.
    var step: Double
    /// Decimals needed to print every tick exactly (0 for steps >= 1).
    var decimals: Int
    /// Tick values from `lower` to `upper`.
    var ticks: [Double]

    /// Nice ticks covering `[minimum, maximum]`. A degenerate range (equal or
    /// non-finite ends) is widened first so an axis always has some extent.
    init(minimum: Double, maximum: Double, maxIntervals: Int) {
        precondition(maxIntervals >= 1, "an axis needs at least one interval")
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if low > high { swap(&low, &high) }
        if high == low {
            let pad = low == 0 ? 1 : low.magnitude * 0.1
            low -= low == 0 ? 0 : pad
            high += pad
        }
        let rough = (high - low) / Double(maxIntervals)
        var exponent = 0
        while NiceScale.powerOfTen(exponent + 1) <= rough { exponent += 1 }
        while NiceScale.powerOfTen(exponent) > rough { exponent -= 1 }
        // Candidates in increasing size; 10 x 10^e closes the loop for rounding edge cases.
        let candidates: [(Double, Int)] = [(1, exponent), (2, exponent), (5, exponent), (1, exponent + 1), (2, exponent + 1)]
        var chosen = candidates[candidates.count - 1]
        for (mantissa, power) in candidates {
            let step = mantissa * NiceScale.powerOfTen(power)
            let first = (low / step + 1e-9).rounded(.down)
            let last = (high / step - 1e-9).rounded(.up)
            if last - first <= Double(maxIntervals) {
                chosen = (mantissa, power)
                break
            }
        }
        let chosenStep = chosen.0 * NiceScale.powerOfTen(chosen.1)
        step = chosenStep
        decimals = max(0, -chosen.1)
        let firstIndex = Int((low / chosenStep + 1e-9).rounded(.down))
        let lastIndex = max(firstIndex + 1, Int((high / chosenStep - 1e-9).rounded(.up)))
        ticks = (firstIndex...lastIndex).map { Double($0) * chosenStep }
        lower = ticks[0]
        upper = ticks[ticks.count - 1]
    }

    /// 10^exponent, exact for exponent >= 0 up to 22; for negative exponents the
    /// correctly rounded 1 / 10^-exponent (so 10^-1 is exactly the double 0.1).
    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent.magnitude { value *= 10 }
        return exponent >= 0 ? value : 1 / value
    }
}
