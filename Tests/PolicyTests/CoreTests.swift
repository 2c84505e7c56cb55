import Foundation
import Testing
@testable import Policy

@Suite struct NanosecondsTests {
    @Test func constructorsScaleToNanoseconds() {
        #expect(Nanoseconds.ms(250).ns == 250_000_000)
        #expect(Nanoseconds.seconds(2).ns == 2_000_000_000)
        #expect(Nanoseconds.minutes(5).ns == 300_000_000_000)
        #expect(Nanoseconds.us(7).ns == 7_000)
        #expect(Nanoseconds(seconds: 1.5).ns == 1_500_000_000)
    }

    @Test func descriptionPrintsSecondsWithMilliseconds() {
        #expect((Nanoseconds.seconds(2) + .ms(250)).description == "2.250s")
        #expect(Nanoseconds.zero.description == "0.000s")
        #expect(Nanoseconds.ms(5).description == "0.005s")
        #expect(Nanoseconds.ms(-1500).description == "-1.500s")
        #expect(Nanoseconds.max.description == "never")
    }

    @Test(arguments: [
        ("250ms", Int64(250_000_000)), ("2s", 2_000_000_000), ("1.5s", 1_500_000_000),
        ("5m", 300_000_000_000), ("1h", 3_600_000_000_000), ("10us", 10_000), ("500ns", 500),
        ("0.1s", 100_000_000), ("-3ms", -3_000_000), ("0s", 0),
    ])
    func parsesUnitStrings(text: String, ns: Int64) {
        #expect(Nanoseconds(parsing: text)?.ns == ns)
    }

    @Test(arguments: ["", "250", "ms", "2 s", "1.5.2s", "1e3ms", "0.5ns", "2sec", "+2s", "1.s", ".5s", "99999999999999999999s", "2S"])
    func rejectsMalformedUnitStrings(text: String) {
        #expect(Nanoseconds(parsing: text) == nil)
    }

    @Test func unitStringRoundTripsExactly() {
        for ns: Int64 in [0, 1, 999, 1_000, 1_500_000, 250_000_000, 1_500_000_000, 60_000_000_000, 7_200_000_000_000, 123_456_789] {
            let value = Nanoseconds(ns: ns)
            #expect(Nanoseconds(parsing: value.unitString) == value)
        }
        #expect(Nanoseconds.ms(1500).unitString == "1500ms")
        #expect(Nanoseconds.minutes(2).unitString == "2m")
        #expect(Nanoseconds.max.unitString == "never")
        #expect(Nanoseconds(parsing: "never") == .max)
    }

    @Test func saturatingAddKeepsNeverAsNever() {
        #expect(Nanoseconds.max.saturatingAdd(.seconds(1)) == .max)
        #expect(Nanoseconds.seconds(1).saturatingAdd(.seconds(1)) == .seconds(2))
    }
}

@Suite struct RandomHelperTests {
    @Test func splitMixIsFixed() {
        // Reference values for SplitMix64 seeded with 0 (first three outputs).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func xoshiroMatchesReferenceOutputs() {
        // Reference: xoshiro256** from state {1, 2, 3, 4} (Blackman & Vigna's C code).
        var rng = Xoshiro256StarStar(seed: 0)
        rng.s0 = 1; rng.s1 = 2; rng.s2 = 3; rng.s3 = 4
        #expect(rng.next() == 11_520)
        #expect(rng.next() == 0)
        #expect(rng.next() == 1_509_978_240)
        #expect(rng.next() == 1_215_971_899_390_074_240)
    }

    @Test func xoshiroSeedingIsFixed() {
        // The state is four SplitMix64 outputs of the seed: every simulator stream depends on it.
        var rng = Xoshiro256StarStar(seed: 42)
        #expect(rng.next() == 0x1578_0B2E_0C2E_C716)
        #expect(rng.next() == 0x6104_D986_6D11_3A7E)
        #expect(rng.next() == 0xAE17_5332_39E4_99A1)
    }

    @Test func nextBelowStaysInRangeAndCoversIt() {
        var rng = SplitMix64(seed: 42)
        var seen = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 { seen[Int(rng.nextBelow(7))] += 1 }
        // Each of 7 values expected 1000 times; 6 sigma is about 180.
        #expect(seen.allSatisfy { abs($0 - 1000) < 180 })
    }

    @Test func nextUnitIsInHalfOpenInterval() {
        var rng = SplitMix64(seed: 1)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = rng.nextUnit()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        // Mean 0.5, standard error sqrt(1/12/1e5) ~ 0.00091; 5 sigma.
        #expect(abs(sum / 100_000 - 0.5) < 0.0046)
    }
}

@Suite struct StableHashTests {
    @Test func fnv1aMatchesPublishedVectors() {
        #expect(StableHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash.fnv1a("foobar") == 0x8594_4171_F739_67E8)
    }
}

struct Calls: WindowBucket {
    var total = 0
    var failed = 0
    static let zero = Calls()
    static func + (a: Calls, b: Calls) -> Calls { Calls(total: a.total + b.total, failed: a.failed + b.failed) }
    static func - (a: Calls, b: Calls) -> Calls { Calls(total: a.total - b.total, failed: a.failed - b.failed) }
}

@Suite struct SlidingWindowTests {
    @Test func bucketsExpireAsTimeAdvances() {
        var window = SlidingWindow<Calls>(bucketWidth: .seconds(1), bucketCount: 3)
        window.add(Calls(total: 1, failed: 1), at: .ms(100))
        window.add(Calls(total: 2, failed: 0), at: .ms(1_100))
        window.add(Calls(total: 4, failed: 1), at: .ms(2_900))
        let beforeExpiry = window.total(at: .ms(2_999))
        // At 3.0s the bucket [0s, 1s) falls out; at 4.0s the next one.
        let atThree = window.total(at: .seconds(3))
        let atFour = window.total(at: .seconds(4))
        let muchLater = window.total(at: .seconds(100))
        #expect(beforeExpiry == Calls(total: 7, failed: 2))
        #expect(atThree == Calls(total: 6, failed: 1))
        #expect(atFour == Calls(total: 4, failed: 1))
        #expect(muchLater == Calls(total: 0, failed: 0))
    }

    @Test func runningTotalAlwaysEqualsSumOfBuckets() {
        var window = SlidingWindow<Calls>(bucketWidth: .ms(250), bucketCount: 8)
        var rng = SplitMix64(seed: 9)
        var now = Nanoseconds.zero
        for _ in 0..<5_000 {
            now += .ms(Int64(rng.nextBelow(700)))
            let added = window.add(Calls(total: 1, failed: Int(rng.nextBelow(2))), at: now)
            let summed = window.bucketValues.reduce(Calls.zero, +)
            // What `add` returns is already the total at `now`.
            #expect(added == summed)
            let total = window.total(at: now)
            #expect(total == summed)
        }
    }

    /// The head bucket's end is cached so most updates skip the division:
    /// exact boundaries, a time earlier than the head, and the far end of time.
    @Test func cachedHeadBoundaryMatchesBucketArithmetic() {
        var window = SlidingWindow<Calls>(bucketWidth: .seconds(1), bucketCount: 2)
        window.add(Calls(total: 1, failed: 0), at: .ms(999))
        window.add(Calls(total: 2, failed: 0), at: .seconds(1))  // exactly the next bucket
        #expect(window.headIndex == 1 && window.headSlot == 1 && window.headEnd == 2_000_000_000)
        window.add(Calls(total: 4, failed: 0), at: .ms(500))  // earlier: counted in the newest bucket
        #expect(window.bucketValues == [Calls(total: 1, failed: 0), Calls(total: 6, failed: 0)])
        let atTwo = window.total(at: .seconds(2))  // [0s, 1s) falls out
        #expect(atTwo == Calls(total: 6, failed: 0))
        #expect(window.headSlot == 0)
        let atEnd = window.total(at: .max)
        #expect(atEnd == Calls(total: 0, failed: 0))
        #expect(window.headEnd == Int64.max)
        window.add(Calls(total: 8, failed: 1), at: .max)
        let stillAtEnd = window.total(at: .max)
        #expect(stillAtEnd == Calls(total: 8, failed: 1))
    }
}

/// `SlidingWindow` keeps its newest bucket in a stored value (`head`) and
/// writes it into the array only when time moves past it: these pin the
/// window against a plain list of (bucket, counts), through rotations,
/// wrap-around, late updates, resets and copies.
@Suite struct SlidingWindowHeadTests {
    /// The obvious implementation: every update with its bucket index.
    struct NaiveWindow {
        let width: Int64
        let count: Int64
        var newest: Int64 = 0
        var entries: [(bucket: Int64, calls: Calls)] = []

        mutating func add(_ calls: Calls, at now: Nanoseconds) {
            newest = max(newest, now.ns / width)  // an earlier time counts in the newest bucket
            entries.append((newest, calls))
        }

        mutating func total(at now: Nanoseconds) -> Calls {
            newest = max(newest, now.ns / width)
            return entries.filter { $0.bucket > newest - count }.map(\.calls).reduce(Calls.zero, +)
        }
    }

    @Test(arguments: [1, 2, 3, 10])
    func totalsMatchAPlainListOfUpdates(bucketCount: Int) {
        var window = SlidingWindow<Calls>(bucketWidth: .ms(100), bucketCount: bucketCount)
        var naive = NaiveWindow(width: 100_000_000, count: Int64(bucketCount))
        var rng = SplitMix64(seed: UInt64(bucketCount))
        var now = Nanoseconds.zero
        var mismatches = 0
        for step in 0..<3_000 {
            // Mostly small steps (same bucket), some jumps past the whole window, some late updates.
            let roll = rng.nextBelow(10)
            let time = roll == 0 ? now - .ms(Int64(rng.nextBelow(150))) : now
            if roll == 1 { now += .ms(Int64(rng.nextBelow(2_000))) } else if roll > 1 { now += .ms(Int64(rng.nextBelow(40))) }
            if step == 1_500 {
                window.reset()
                naive.entries.removeAll()
            }
            let calls = Calls(total: 1, failed: Int(rng.nextBelow(2)))
            let added = window.add(calls, at: time)
            naive.add(calls, at: time)
            let expected = naive.total(at: time)
            let total = window.total(at: now)
            let expectedNow = naive.total(at: now)
            if added != expected || total != expectedNow || window.bucketValues.reduce(Calls.zero, +) != expectedNow { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func aCopyKeepsItsOwnNewestBucket() {
        var original = SlidingWindow<Calls>(bucketWidth: .seconds(1), bucketCount: 3)
        original.add(Calls(total: 1, failed: 0), at: .ms(500))
        original.add(Calls(total: 2, failed: 0), at: .ms(1_500))
        var copy = original  // taken while [1s, 2s) is the head
        original.add(Calls(total: 4, failed: 4), at: .ms(1_600))
        copy.add(Calls(total: 8, failed: 0), at: .ms(1_700))
        let originalAtTwo = original.total(at: .ms(2_500))
        let copyAtTwo = copy.total(at: .ms(2_500))
        #expect(originalAtTwo == Calls(total: 7, failed: 4))
        #expect(copyAtTwo == Calls(total: 11, failed: 0))
        // At 3s [0s, 1s) expires; at 4s the bucket that was the head when copied.
        let originalAtFour = original.total(at: .seconds(4))
        let copyAtThree = copy.total(at: .seconds(3))
        #expect(originalAtFour == Calls(total: 0, failed: 0))
        #expect(copyAtThree == Calls(total: 10, failed: 0))
        #expect(original.bucketValues == [Calls.zero, Calls.zero, Calls.zero])
    }
}

@Suite struct OutcomeClassSetTests {
    @Test func encodesInDeclarationOrder() {
        let set: OutcomeClassSet = [.throttled, .timeout, .serverError]
        #expect(set.members == [.timeout, .serverError, .throttled])
        #expect(set.contains(.timeout) && !set.contains(.success))
    }
}

@Suite struct DeterministicMathTests {
    /// The inline rounding must give `Int64(x.rounded())` to the bit: ties, the
    /// largest double below 0.5, values past 2^52 (already whole) and random ones.
    @Test func roundedToInt64MatchesTheStandardLibrary() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                                4_503_599_627_370_495.5, -4_503_599_627_370_495.5, 4_503_599_627_370_497, 9.1e18, -9.1e18,
                                1e-300, 123_456.5, 999_999.499_999_9]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<100_000 {
            let magnitude = DeterministicMath.exp(generator.nextUnit() * 40)  // 1 ... 2.4e17
            values.append((generator.nextUnit() - 0.5) * magnitude)
        }
        var mismatches = 0
        for x in values where DeterministicMath.roundedToInt64(x) != Int64(x.rounded()) { mismatches += 1 }
        #expect(mismatches == 0)
        #expect(DeterministicMath.roundedToInt64(2.5) == 3)
        #expect(DeterministicMath.roundedToInt64(-2.5) == -3)
        #expect(DeterministicMath.roundedToInt64(0.49999999999999994) == 0)
    }

    /// Mantissas at sqrt(2), where `log` switches to halving the mantissa
    /// (the switch is computed from a sign bit, not branched on): both sides
    /// agree with the platform's `log` to within two units in the last place.
    @Test func logIsExactOnBothSidesOfTheHalvingSwitch() {
        let root2 = 1.4142135623730951
        for x in [root2.nextDown, root2, root2.nextUp, root2 * 4, root2.nextUp * 4, root2.nextDown / 1024] {
            let platform = Foundation.log(x)
            #expect(abs(DeterministicMath.log(x) - platform) <= platform.magnitude.ulp * 2, "log(\(x))")
        }
        // Exact on a power of two: the mantissa is 1, the polynomial contributes nothing.
        #expect(DeterministicMath.log(8) == 3 * 0.6931471805599453)
    }

    // Reference values from the closed forms (computed to 17 digits offline).
    @Test(arguments: [
        (1.0, 0.0), (2.718281828459045, 1.0), (2.0, 0.6931471805599453), (10.0, 2.302585092994046),
        (0.5, -0.6931471805599453), (1e-300, -690.7755278982137), (1e300, 690.7755278982137),
        (1.4142135623730951, 0.34657359027997264),
    ])
    func logMatchesClosedForm(x: Double, expected: Double) {
        #expect(abs(DeterministicMath.log(x) - expected) <= 4 * max(abs(expected), 1) * Double.ulpOfOne)
    }

    @Test(arguments: [
        (0.0, 1.0), (1.0, 2.718281828459045), (-1.0, 0.36787944117144233), (10.0, 22026.465794806718),
        (-20.0, 2.061153622438558e-09), (0.5, 1.6487212707001282), (700.0, 1.0142320547350045e+304),
    ])
    func expMatchesClosedForm(x: Double, expected: Double) {
        #expect(abs(DeterministicMath.exp(x) - expected) <= 4 * expected * Double.ulpOfOne)
    }

    @Test func decomposeMatchesTheStandardLibrary() {
        var rng = SplitMix64(seed: 12)
        var values: [Double] = [1, 2, 0.5, 1.4142135623730951, .leastNormalMagnitude, .leastNonzeroMagnitude,
                                .leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, .leastNormalMagnitude / 3, .leastNonzeroMagnitude * 7]
        for _ in 0..<100_000 {
            values.append(Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF | 1))  // finite, > 0, normal or subnormal
        }
        var subnormals = 0
        for x in values {
            let (exponent, significand) = DeterministicMath.decompose(x)
            #expect(exponent == Double(x.exponent) && significand == x.significand, "x = \(x)")
            if x.isSubnormal { subnormals += 1 }
        }
        #expect(subnormals >= 4)
    }

    /// The series runs as two Horner chains with constant reciprocals: across
    /// the whole mantissa range and many exponents it stays within 2 ulp of the
    /// platform's correctly rounded-or-nearly `log` (the reference, not the
    /// implementation: results must not depend on the platform's libm).
    @Test func logIsWithinTwoUlpOfThePlatformLog() {
        var rng = SplitMix64(seed: 21)
        var worstUlps = 0.0
        for _ in 0..<200_000 {
            // Uniform mantissa in [1, 2), exponent in [-60, 60].
            let x = (1 + rng.nextUnit()) * Foundation.pow(2, Double(Int(rng.next() % 121) - 60))
            let reference = Foundation.log(x)
            let ulps = abs(DeterministicMath.log(x) - reference) / max(reference.ulp, Double.leastNormalMagnitude)
            worstUlps = max(worstUlps, ulps)
        }
        #expect(worstUlps <= 2, "worst error \(worstUlps) ulp")
    }

    @Test func logAndExpAreInverse() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let x = rng.nextUnit() * 50 - 25
            let roundTrip = DeterministicMath.log(DeterministicMath.exp(x))
            #expect(abs(roundTrip - x) <= 1e-13 * max(1, abs(x)))
        }
    }

    @Test(arguments: [
        (0.0, 0.0, 1.0), (0.5, 0.479425538604203, 0.8775825618903728), (1.0, 0.8414709848078965, 0.5403023058681398),
        (3.141592653589793, 1.2246467991473532e-16, -1.0), (-2.0, -0.9092974268256817, -0.4161468365471424),
        (10.0, -0.5440211108893698, -0.8390715290764524), (86400.0, -0.08106995962062931, 0.9967084135528853),
    ])
    func sinAndCosMatchClosedForm(x: Double, sine: Double, cosine: Double) {
        #expect(abs(DeterministicMath.sin(x) - sine) <= 1e-14 * max(1, abs(x) / 100))
        #expect(abs(DeterministicMath.cos(x) - cosine) <= 1e-14 * max(1, abs(x) / 100))
    }

    @Test func pythagoreanIdentityHolds() {
        var rng = SplitMix64(seed: 8)
        for _ in 0..<10_000 {
            let x = rng.nextUnit() * 2_000 - 1_000
            let s = DeterministicMath.sin(x), c = DeterministicMath.cos(x)
            #expect(abs(s * s + c * c - 1) < 1e-14)
        }
    }

    @Test func edgeCases() {
        #expect(DeterministicMath.log(0) == -.infinity)
        #expect(DeterministicMath.log(-1).isNaN)
        #expect(DeterministicMath.exp(1000) == .infinity)
        #expect(DeterministicMath.exp(-1000) == 0)
        #expect(abs(DeterministicMath.log10(1000) - 3) < 1e-15)
        #expect(abs(DeterministicMath.pow(2, 10) - 1024) < 1e-12)
    }
}
