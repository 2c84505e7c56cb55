/// Checks shared by the adaptive concurrency-limit configurations: every one
/// has an initial limit that must lie within its `[minLimit, maxLimit]`.
enum AdaptiveLimitBounds {
    static func validate(initial: Int, min: Int, max: Int) throws(PolicyConfigError) {
        try Check.positive(min, "minLimit")
        try Check.that(max >= min, "maxLimit", expected: "an integer >= minLimit (\(min))", got: "\(max)")
        try Check.inRange(initial, min...max, "initialLimit")
    }
}
