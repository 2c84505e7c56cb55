/// Draws from the unit exponential, Exp(1), by the ziggurat method (Marsaglia
/// and Tsang, "The Ziggurat Method for Generating Random Variables", 2000),
/// without a logarithm on the common path.
///
/// The area under e^-x is covered by 256 layers of equal area `area`. Layer
/// 0 is the base rectangle [0, r] x [0, e^-r] plus the tail beyond r; layer i
/// (1...255) is the rectangle of width x[i-1] between the heights e^-x[i-1]
/// and e^-x[i], with x[0] = r, e^-x[i] = e^-x[i-1] + area / x[i-1], and
/// x[255] = 0 at the top. One 64-bit draw picks a layer (its low 8 bits) and
/// a point across it (its high 53 bits). A point left of x[i] lies under the
/// curve whatever its height: it is the answer, 97.8% of the time, for one
/// comparison and one multiplication. Otherwise (`sampleSlow`) a point in the
/// base layer past r stands for the tail, r + Exp(1) (the exponential is
/// memoryless); a point in a wedge gets a height and is kept when under e^-x;
/// anything else starts over with a new draw.
///
/// Every operation is IEEE-754 `+ - * /` and `DeterministicMath`, so the
/// draws are the same on every machine. The value is a fixed function of the
/// generator's output: a job that draws from its own generator gets the same
/// service time whatever the policy, and `mean * sample` scales exactly with
/// the mean (common random numbers, as inversion gave).
enum UnitExponential {
    /// What the common path reads of a layer (16 bytes: a draw picks a layer
    /// at random, so the table to keep in the cache is 4 KB).
    struct Layer {
        /// `u` (53 bits) below this is left of the next layer's width: accept at once.
        var threshold: UInt64
        /// The layer's width divided by 2^53: `u * scale` is the point's x.
        var scale: Double
    }

    /// e^-x at a layer's bottom and top edges, for the wedge test only.
    struct Heights {
        var bottom: Double
        var top: Double
    }

    static let layerCount = 256
    /// Where the tail begins, and the area of each layer, for 256 layers.
    static let r = 7.69711747013104972
    static let area = 0.0039496598225815571993
    /// Rejections in a row before `sampleSlow` gives up on the ziggurat and
    /// inverts the CDF instead. A real generator gets there with probability
    /// below 10^-100; a test generator stuck on one value would loop forever.
    static let maxRejections = 64

    /// The 256 layers and their heights, built once from `r` and `area` and
    /// never changed. Kept apart: with the heights beside them, the layers
    /// took 8 KB of cache instead of 4 (cachegrind: 226 k first-level misses
    /// in 50 k requests of the three-tier bench).
    nonisolated(unsafe) static let layers: UnsafePointer<Layer> = tables.layers
    nonisolated(unsafe) static let heights: UnsafePointer<Heights> = tables.heights
    nonisolated(unsafe) private static let tables = makeTables()

    /// One Exp(1) draw.
    @inline(__always) static func sample(using rng: inout some RandomNumberGenerator) -> Double {
        let bits = rng.next()
        let layer = layers + Int(bits & 0xFF)
        let u = bits >> 11
        if u < layer.pointee.threshold { return Double(u) * layer.pointee.scale }
        return sampleSlow(bits, using: &rng)
    }

    /// The 2.2% of draws that fall outside their layer's sure part.
    @inline(never) static func sampleSlow(_ first: UInt64, using rng: inout some RandomNumberGenerator) -> Double {
        var bits = first
        var offset = 0.0
        for _ in 0..<maxRejections {
            let index = Int(bits & 0xFF)
            let layer = layers[index]
            let u = bits >> 11
            let x = Double(u) * layer.scale
            if u < layer.threshold { return offset + x }
            if index == 0 {
                // The base layer past r stands for the tail: r + Exp(1).
                offset += r
            } else if heights[index].bottom + rng.nextUnit() * (heights[index].top - heights[index].bottom) < DeterministicMath.exp(-x) {
                return offset + x
            }
            bits = rng.next()
        }
        return offset - DeterministicMath.log(1 - rng.nextUnit())
    }

    static func makeTables() -> (layers: UnsafePointer<Layer>, heights: UnsafePointer<Heights>) {
        // x[i]: the right edge of layer i + 1 and the left of what layer i covers for sure.
        var x = [Double](repeating: 0, count: layerCount)
        x[0] = r
        for i in 1..<(layerCount - 1) {
            x[i] = -DeterministicMath.log(DeterministicMath.exp(-x[i - 1]) + area / x[i - 1])
        }
        let twoTo53 = 0x1.0p53
        let layers = UnsafeMutablePointer<Layer>.allocate(capacity: layerCount)
        let heights = UnsafeMutablePointer<Heights>.allocate(capacity: layerCount)
        // The base: a rectangle as wide as its area over its height, so that it
        // has `area` like the others; the part past r is the tail's share.
        let baseWidth = area / DeterministicMath.exp(-r)
        layers[0] = Layer(threshold: UInt64(r / baseWidth * twoTo53), scale: baseWidth / twoTo53)
        heights[0] = Heights(bottom: 0, top: DeterministicMath.exp(-r))
        for i in 1..<layerCount {
            let width = x[i - 1]
            layers[i] = Layer(threshold: UInt64(x[i] / width * twoTo53), scale: width / twoTo53)
            heights[i] = Heights(bottom: DeterministicMath.exp(-x[i - 1]), top: DeterministicMath.exp(-x[i]))
        }
        return (UnsafePointer(layers), UnsafePointer(heights))
    }
}
