import Testing
@testable import Sim
import Policy

/// A generator that counts its draws.
private struct CountingGenerator: RandomNumberGenerator {
    var inner: Xoshiro256StarStar
    var draws = 0
    mutating func next() -> UInt64 {
        draws += 1
        return inner.next()
    }
}

/// A broken generator: the same value for ever.
private struct StuckGenerator: RandomNumberGenerator {
    let value: UInt64
    mutating func next() -> UInt64 { value }
}

@Suite struct UnitExponentialTests {
    @Test func layersHaveEqualAreaAndCloseAtTheTop() {
        let layers = UnitExponential.layers, heights = UnitExponential.heights
        for i in 1..<UnitExponential.layerCount {
            let width = layers[i].scale * 0x1.0p53
            let area = width * (heights[i].top - heights[i].bottom)
            #expect(abs(area / UnitExponential.area - 1) < 1e-9, "layer \(i): area \(area)")
        }
        // The base layer: its rectangle plus the tail past r, each as the curve gives them.
        let base = UnitExponential.r * heights[0].top + heights[0].top
        #expect(abs(base / UnitExponential.area - 1) < 1e-9)
        // The top layer reaches e^0 = 1, and its bottom plus its share closes the recursion.
        #expect(heights[255].top == 1)
        #expect(layers[255].threshold == 0)
        #expect(abs(heights[255].bottom + UnitExponential.area / (layers[255].scale * 0x1.0p53) - 1) < 1e-9)
    }

    /// The common path's table is 16 bytes a layer; the heights beside it
    /// stack without gaps (each layer's top is the next one's bottom).
    @Test func layersAreCompactAndHeightsStack() {
        var mismatched: [Int] = []
        for i in 1..<(UnitExponential.layerCount - 1) {
            let top = UnitExponential.heights[i].top, nextBottom = UnitExponential.heights[i + 1].bottom
            if top.bitPattern != nextBottom.bitPattern { mismatched.append(i) }
        }
        #expect(mismatched == [])
        #expect(MemoryLayout<UnitExponential.Layer>.stride == 16)
    }

    /// One million draws: mean and variance 1, and the largest gap between
    /// the sample's CDF and 1 - e^-x (Kolmogorov-Smirnov) below its 1% critical value.
    @Test func drawsFollowTheUnitExponential() {
        var rng = Xoshiro256StarStar(seed: 1)
        let count = 1_000_000
        var draws = [Double](repeating: 0, count: count)
        for i in 0..<count { draws[i] = UnitExponential.sample(using: &rng) }
        let mean = draws.reduce(0, +) / Double(count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        // Standard error of the mean is 1 / sqrt(n) = 0.001; allow 4 of them.
        #expect(abs(mean - 1) < 0.004)
        #expect(abs(variance - 1) < 0.012)
        draws.sort()
        var distance = 0.0
        for (i, x) in draws.enumerated() {
            let cdf = 1 - DeterministicMath.exp(-x)
            distance = max(distance, abs(cdf - Double(i) / Double(count)), abs(cdf - Double(i + 1) / Double(count)))
        }
        #expect(distance < 1.63 / Double(count).squareRoot())
        #expect(draws[0] >= 0)
    }

    /// The tail past r comes from the base layer: as often as e^-r says, and
    /// memoryless (its excess over r is again Exp(1)).
    @Test func theTailPastRIsExponentialToo() {
        var rng = Xoshiro256StarStar(seed: 2)
        let count = 4_000_000
        var tail = 0, excess = 0.0
        for _ in 0..<count {
            let x = UnitExponential.sample(using: &rng)
            if x > UnitExponential.r {
                tail += 1
                excess += x - UnitExponential.r
            }
        }
        let expected = Double(count) * DeterministicMath.exp(-UnitExponential.r)  // 1,817
        #expect(abs(Double(tail) - expected) < 4 * expected.squareRoot())
        #expect(abs(excess / Double(tail) - 1) < 4 / Double(tail).squareRoot())
    }

    /// 97.8% of draws take exactly one value from the generator (the fast
    /// path): the average over the layers of the sure part's share of each,
    /// (r / base width + sum of x[i] / x[i-1]) / 256 = 0.97778.
    @Test func almostEveryDrawTakesOneValue() {
        var rng = CountingGenerator(inner: Xoshiro256StarStar(seed: 3))
        let count = 100_000
        var single = 0
        for _ in 0..<count {
            let before = rng.draws
            _ = UnitExponential.sample(using: &rng)
            if rng.draws - before == 1 { single += 1 }
        }
        #expect(single > 97_580 && single < 97_980, "\(single)")  // 97,778 +- 4 sd (46)
    }

    /// The values are pinned: any change to the layers or the arithmetic
    /// changes every report, and must show here first.
    @Test func drawsArePinned() {
        var rng = Xoshiro256StarStar(seed: 42)
        let bits = (0..<6).map { _ in UnitExponential.sample(using: &rng).bitPattern }
        #expect(bits == [4599841563600482366, 4603962944219452991, 4606043039746228882,
                         4608027976091842674, 4611763459126087687, 4612159351669125777])
    }

    /// A generator stuck on one value cannot loop for ever: after
    /// `maxRejections` the CDF is inverted instead.
    @Test func aStuckGeneratorStillGetsAnAnswer() {
        for value: UInt64 in [.max, 0xFFFF_FFFF_FFFF_FF01, 0x8000_0000_0000_00FE] {
            var rng = StuckGenerator(value: value)
            let x = UnitExponential.sample(using: &rng)
            #expect(x.isFinite && x >= 0, "\(value): \(x)")
        }
        var zero = StuckGenerator(value: 0)
        #expect(UnitExponential.sample(using: &zero) == 0)
    }
}
