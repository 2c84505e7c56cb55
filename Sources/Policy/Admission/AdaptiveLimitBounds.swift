/// Checks shared by the adaptive concurrency-limit configurations: every one
/// has an initial limit that must lie within its `[minLimit, maxLimit]`, and the
/// smoothed ones a weight for the new estimate.
enum AdaptiveLimitBounds {
    static func validate(initial: Int, min: Int, max: Int) throws(PolicyConfigError) {
        try Check.positive(min, "minLimit")
        try Check.that(max >= min, "maxLimit", expected: "an integer >= minLimit (\(min))", got: "\(max)")
        try Check.inRange(initial, min...max, "initialLimit")
    }

    /// A smoothing weight in (0, 1]: 0 would freeze the limit forever.
    static func validate(smoothing: Double) throws(PolicyConfigError) {
        try Check.that(smoothing.isFinite && smoothing > 0 && smoothing <= 1, "smoothing",
                       expected: "a number in (0, 1]", got: "\(smoothing)")
    }
}
