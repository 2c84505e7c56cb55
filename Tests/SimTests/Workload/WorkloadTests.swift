import Testing
@testable import Sim

@Suite struct RateFunctionTests {
    @Test func shapesEvaluateExactlyAtKnotsAndBetween() {
        let ramp = RateSchedule(kind: .ramp, fromRps: 100, toRps: 300, start: .seconds(10), end: .seconds(20)).compile()
        #expect(ramp.rate(at: .seconds(5)) == 100)
        #expect(ramp.rate(at: .seconds(15)) == 200)
        #expect(ramp.rate(at: .seconds(30)) == 300)
        let spike = RateSchedule(kind: .spike, rateRps: 50, start: .seconds(60), duration: .seconds(30), multiplier: 10).compile()
        #expect(spike.rate(at: .ms(59_999)) == 50)
        #expect(spike.rate(at: .seconds(60)) == 500)
        #expect(spike.rate(at: .ms(89_999)) == 500)
        #expect(spike.rate(at: .seconds(90)) == 50)
        let step = RateSchedule(kind: .step, points: [.init(at: .seconds(1), rateRps: 10), .init(at: .seconds(3), rateRps: 40)]).compile()
        #expect(step.rate(at: .ms(500)) == 0)
        #expect(step.rate(at: .seconds(2)) == 10)
        #expect(step.rate(at: .seconds(3)) == 40)
        let piecewise = RateSchedule(kind: .piecewise, points: [.init(at: .seconds(10), rateRps: 10), .init(at: .seconds(20), rateRps: 30)]).compile()
        #expect(piecewise.rate(at: .zero) == 10)
        #expect(piecewise.rate(at: .seconds(12)) == 14)
        #expect(piecewise.rate(at: .seconds(99)) == 30)
    }

    @Test func diurnalPeaksAtAQuarterPeriod() {
        let diurnal = RateSchedule(kind: .diurnal, rateRps: 100, amplitudePercent: 50, period: .seconds(400)).compile()
        #expect(abs(diurnal.rate(at: .zero) - 100) < 1e-9)
        #expect(abs(diurnal.rate(at: .seconds(100)) - 150) < 1e-9)
        #expect(abs(diurnal.rate(at: .seconds(300)) - 50) < 1e-9)
    }

    @Test func surgeFactorsRampInAndEnd() {
        let surged = RateSchedule.constant(100).compile()
            .multiplied(by: .init(start: .seconds(10), end: .seconds(30), ramp: .seconds(10), multiplier: 11))
        #expect(surged.rate(at: .seconds(5)) == 100)
        #expect(surged.rate(at: .seconds(15)) == 600)
        #expect(surged.rate(at: .seconds(25)) == 1_100)
        #expect(surged.rate(at: .seconds(30)) == 100)
        #expect(surged.upperBound(from: .zero, to: .seconds(12)) == 1_100)
    }

    @Test func csvParsesSecondsAndUnitsAndNamesBadLines() throws {
        let schedule = try RateSchedule.fromCSV("time,rate\n0,10\n90s,20\n2m,5\n")
        #expect(schedule.points == [.init(at: .zero, rateRps: 10), .init(at: .seconds(90), rateRps: 20), .init(at: .minutes(2), rateRps: 5)])
        #expect(throws: PolicyConfigError(field: "line 3.rate", expected: "a rate >= 0", got: "\"-4\"")) {
            try RateSchedule.fromCSV("time,rate\n0,10\n5,-4\n")
        }
        #expect(throws: PolicyConfigError(field: "line 2", expected: "two fields: time,rate", got: "\"7\"")) {
            try RateSchedule.fromCSV("time,rate\n7\n")
        }
    }

    @Test func validationNamesTheField() {
        func field(_ schedule: RateSchedule) -> String? {
            do { try schedule.validate(); return nil } catch { return error.field }
        }
        #expect(field(RateSchedule(rateRps: -1)) == "rateRps")
        #expect(field(RateSchedule(kind: .step, points: [.init(at: .seconds(2), rateRps: 1), .init(at: .seconds(1), rateRps: 1)])) == "points[1].at")
        #expect(field(RateSchedule(kind: .diurnal, amplitudePercent: 120)) == "amplitudePercent")
        #expect(field(RateSchedule(kind: .diurnal, period: .zero)) == "period")
        #expect(field(RateSchedule(kind: .ramp, start: .seconds(5), end: .seconds(5))) == "end")
        #expect(field(RateSchedule(kind: .piecewise)) == "points")
        #expect(field(RateSchedule(bursts: [.init(at: .zero, count: -1)])) == "bursts[0].count")
    }
}

@Suite struct ArrivalProcessTests {
    /// Arrivals in [0, end): Poisson with mean = integral of the rate; allow 4 sd.
    func countArrivals(_ rate: RateFunction, end: SimTime, seed: UInt64) -> Int {
        let process = ArrivalProcess(rate: rate, end: end)
        var rng = Xoshiro256StarStar(seed: seed)
        var t = SimTime.zero
        var count = 0
        while let next = process.nextArrival(after: t, using: &rng) {
            #expect(next > t)
            t = next
            count += 1
        }
        return count
    }

    static let shapes: [(String, RateSchedule, Double)] = [
        ("constant", RateSchedule.constant(200), 120_000),
        ("ramp", RateSchedule(kind: .ramp, fromRps: 0, toRps: 400, start: .zero, end: .seconds(600)), 120_000),
        ("diurnal", RateSchedule(kind: .diurnal, rateRps: 200, amplitudePercent: 80, period: .seconds(300)), 120_000),
        ("spike", RateSchedule(kind: .spike, rateRps: 100, start: .seconds(100), duration: .seconds(60), multiplier: 10), 114_000),
    ]

    @Test(arguments: shapes)
    func countsMatchTheIntegralOfTheRate(name: String, schedule: RateSchedule, expected: Double) {
        let count = countArrivals(schedule.compile(), end: .seconds(600), seed: 17)
        #expect(abs(Double(count) - expected) <= 4 * expected.squareRoot(), "\(name): \(count) vs \(expected)")
    }

    @Test func constantRateGapsAreExponential() {
        let process = ArrivalProcess(rate: RateSchedule.constant(50).compile(), end: .seconds(4_000))
        var rng = Xoshiro256StarStar(seed: 3)
        var t = SimTime.zero
        var gaps: [Double] = []
        while let next = process.nextArrival(after: t, using: &rng) {
            gaps.append((next - t).seconds)
            t = next
        }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let variance = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count - 1)
        // Mean 0.02 s with standard error 0.02/sqrt(n); coefficient of variation 1.
        #expect(abs(mean - 0.02) < 4 * 0.02 / Double(gaps.count).squareRoot())
        #expect(abs(variance.squareRoot() / mean - 1) < 0.02)
    }

    @Test func sameSeedSameArrivalsAndZeroRateEnds() {
        let process = ArrivalProcess(rate: RateSchedule.constant(10).compile(), end: .seconds(10))
        var a = Xoshiro256StarStar(seed: 5), b = Xoshiro256StarStar(seed: 5)
        #expect(process.nextArrival(after: .zero, using: &a) == process.nextArrival(after: .zero, using: &b))
        let silent = ArrivalProcess(rate: RateSchedule.constant(0).compile(), end: .seconds(10))
        #expect(silent.nextArrival(after: .zero, using: &a) == nil)
    }

    /// A constant rate takes the fast path, with the same draws and times as
    /// the general thinning: the same rate written as two equal knots past
    /// the end (the general path) gives exactly the same arrivals, across
    /// many 10 s segments and from the same generator state.
    @Test func theConstantRatePathMatchesTheGeneralOne() {
        let end = SimTime.seconds(95)
        let fast = ArrivalProcess(rate: RateFunction(times: [0], rates: [37], sine: nil, factors: []), end: end)
        let general = ArrivalProcess(rate: RateFunction(times: [0, 2 * end.ns], rates: [37, 37], sine: nil, factors: []), end: end)
        #expect(fast.constantRate == 37 && general.constantRate == nil)
        var a = Xoshiro256StarStar(seed: 11), b = Xoshiro256StarStar(seed: 11)
        var t = SimTime.zero, arrivals = 0
        while let next = fast.nextArrival(after: t, using: &a) {
            let expected = general.nextArrival(after: t, using: &b)
            #expect(next == expected)
            if next != expected { break }
            t = next
            arrivals += 1
        }
        #expect(general.nextArrival(after: t, using: &b) == nil)
        #expect(arrivals > 3_000 && a.next() == b.next())
    }
}

@Suite struct KeySamplerTests {
    @Test(arguments: [(0.0, 10), (0.8, 1_000), (1.0, 1_000), (1.2, 1_000_000)])
    func zipfTopRanksMatchTheirProbabilities(exponent: Double, count: Int) {
        let sampler = KeySampler(spec: KeySpec(count: count, popularity: .zipf, zipfExponent: exponent))
        var rng = Xoshiro256StarStar(seed: 21)
        let draws = 200_000
        var top = [Int](repeating: 0, count: 5)
        for _ in 0..<draws {
            let key = sampler.sample(using: &rng)
            #expect(key < UInt64(count))
            if key < 5 { top[Int(key)] += 1 }
        }
        // Normaliser: the generalised harmonic number H(N, s).
        var harmonic = 0.0
        for k in 1...count { harmonic += DeterministicMath.pow(Double(k), -exponent) }
        for rank in 0..<5 {
            let p = DeterministicMath.pow(Double(rank + 1), -exponent) / harmonic
            let sd = (Double(draws) * p * (1 - p)).squareRoot()
            #expect(abs(Double(top[rank]) - Double(draws) * p) <= 4.5 * sd, "s=\(exponent) rank \(rank)")
        }
    }

    @Test func priorityMixSharesMatch() {
        let mix = PriorityMix(percents: [10, 30, 60])
        var rng = Xoshiro256StarStar(seed: 8)
        var counts = [0, 0, 0]
        for _ in 0..<100_000 { counts[Int(mix.sample(using: &rng))] += 1 }
        for (index, p) in [0.1, 0.3, 0.6].enumerated() {
            #expect(abs(Double(counts[index]) - 100_000 * p) <= 4 * (100_000 * p * (1 - p)).squareRoot())
        }
    }

    @Test func validation() {
        #expect(throws: PolicyConfigError(field: "count", expected: "an integer in 1...1000000000", got: "0")) { try KeySpec(count: 0).validate() }
        #expect(throws: PolicyConfigError(field: "zipfExponent", expected: "a number in 0.0...10.0", got: "-1.0")) {
            try KeySpec(popularity: .zipf, zipfExponent: -1).validate()
        }
        #expect(throws: PolicyConfigError(field: "percents", expected: "shares summing to 100", got: "90.0")) {
            try PriorityMix(percents: [50, 40]).validate()
        }
    }
}
