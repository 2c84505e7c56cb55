/// The offered rate of an open-loop client over time, in requests per second.
///
/// | kind | shape | fields |
/// |---|---|---|
/// | `constant` | `rateRps` throughout | rateRps |
/// | `step` | each point's rate from its time until the next point (0 before the first) | points |
/// | `ramp` | `fromRps` until `start`, linear to `toRps` at `end`, then `toRps` | fromRps, toRps, start, end |
/// | `spike` | `rateRps`, times `multiplier` during [start, start + duration) | rateRps, multiplier, start, duration |
/// | `diurnal` | `rateRps * (1 + amplitudePercent/100 * sin(2π (t - phase) / period))` | rateRps, amplitudePercent, period, phase |
/// | `piecewise` | linear between points, flat before the first and after the last | points (or CSV `time,rate`) |
///
/// `bursts` add `count` requests at once at time `at`, with any kind.
public struct RateSchedule: SpecDefaults, Equatable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case constant, step, ramp, spike, diurnal, piecewise
    }

    public struct Point: Codable, Equatable, Sendable {
        public var at: SimTime
        public var rateRps: Double
        public init(at: SimTime, rateRps: Double) {
            self.at = at
            self.rateRps = rateRps
        }
    }

    public struct Burst: Codable, Equatable, Sendable {
        public var at: SimTime
        public var count: Int
        public init(at: SimTime, count: Int) {
            self.at = at
            self.count = count
        }
    }

    public var kind: Kind
    public var rateRps: Double
    public var points: [Point]
    public var fromRps: Double
    public var toRps: Double
    public var start: SimTime
    public var end: SimTime
    public var duration: SimTime
    public var multiplier: Double
    public var amplitudePercent: Double
    public var period: SimTime
    public var phase: SimTime
    public var bursts: [Burst]

    public init(kind: Kind = .constant, rateRps: Double = 100, points: [Point] = [], fromRps: Double = 0, toRps: Double = 0,
                start: SimTime = .zero, end: SimTime = .zero, duration: SimTime = .zero, multiplier: Double = 1,
                amplitudePercent: Double = 0, period: SimTime = .hours(24), phase: SimTime = .zero, bursts: [Burst] = []) {
        self.kind = kind
        self.rateRps = rateRps
        self.points = points
        self.fromRps = fromRps
        self.toRps = toRps
        self.start = start
        self.end = end
        self.duration = duration
        self.multiplier = multiplier
        self.amplitudePercent = amplitudePercent
        self.period = period
        self.phase = phase
        self.bursts = bursts
    }

    public static let defaultValue = RateSchedule()
    public static func constant(_ rateRps: Double) -> RateSchedule { RateSchedule(rateRps: rateRps) }

    /// The largest number of requests one burst may add (a limit on memory and events).
    public static let maxBurstCount = 10_000_000

    public func validate() throws(PolicyConfigError) {
        func rate(_ value: Double, _ field: String) throws(PolicyConfigError) {
            try Check.that(value.isFinite && value >= 0, field, expected: "a rate >= 0 (requests per second)", got: "\(value)")
        }
        switch kind {
        case .constant, .spike, .diurnal:
            try rate(rateRps, "rateRps")
        case .ramp:
            try rate(fromRps, "fromRps")
            try rate(toRps, "toRps")
            try Check.nonNegative(start, "start")
            try Check.that(end > start, "end", expected: "a time after start (\(start.unitString))", got: end.unitString)
        case .step, .piecewise:
            try Check.that(!points.isEmpty, "points", expected: "at least one point", got: "none")
            for (index, point) in points.enumerated() {
                try rate(point.rateRps, "points[\(index)].rateRps")
                try Check.nonNegative(point.at, "points[\(index)].at")
                if index > 0 {
                    try Check.that(point.at > points[index - 1].at, "points[\(index)].at",
                                   expected: "a time after the previous point (\(points[index - 1].at.unitString))", got: point.at.unitString)
                }
            }
        }
        if kind == .spike {
            try Check.nonNegative(multiplier, "multiplier")
            try Check.nonNegative(start, "start")
            try Check.positive(duration, "duration")
        }
        if kind == .diurnal {
            try Check.inRange(amplitudePercent, 0...100, "amplitudePercent")
            try Check.positive(period, "period")
        }
        for (index, burst) in bursts.enumerated() {
            try Check.nonNegative(burst.at, "bursts[\(index)].at")
            try Check.inRange(burst.count, 0...RateSchedule.maxBurstCount, "bursts[\(index)].count")
        }
    }

    /// Reads `time,rate` lines (a header line first) into a piecewise schedule.
    /// Times are seconds (`90`, `1.5`) or durations with units (`90s`, `2m`).
    public static func fromCSV(_ text: String) throws(PolicyConfigError) -> RateSchedule {
        var points: [Point] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (number, raw) in lines.enumerated() where number > 0 {
            let line = raw.trimmingSpaces
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            let field = "line \(number + 1)"
            guard fields.count == 2 else {
                throw PolicyConfigError(field: field, expected: "two fields: time,rate", got: "\"\(line)\"")
            }
            let time: SimTime
            if let seconds = Double(fields[0]), seconds.isFinite {
                time = SimTime(seconds: seconds)
            } else if let parsed = SimTime(parsing: fields[0]) {
                time = parsed
            } else {
                throw PolicyConfigError(field: "\(field).time", expected: "seconds or a duration such as 90s", got: "\"\(fields[0])\"")
            }
            guard let rate = Double(fields[1]), rate.isFinite, rate >= 0 else {
                throw PolicyConfigError(field: "\(field).rate", expected: "a rate >= 0", got: "\"\(fields[1])\"")
            }
            points.append(Point(at: time, rateRps: rate))
        }
        let schedule = RateSchedule(kind: .piecewise, points: points)
        try schedule.validate()
        return schedule
    }

    /// The rate as a function of time.
    public func compile() -> RateFunction {
        var times: [Int64] = [0]
        var rates: [Double] = []
        var sine: RateFunction.Sine?
        switch kind {
        case .constant:
            rates = [rateRps]
        case .step:
            rates = [0]
            for point in points {
                times.append(point.at.ns)
                rates.append(rates.last!)
                times.append(point.at.ns)
                rates.append(point.rateRps)
            }
        case .ramp:
            rates = [fromRps]
            times += [start.ns, end.ns]
            rates += [fromRps, toRps]
        case .spike:
            let end = start.saturatingAdd(duration)
            rates = [rateRps]
            times += [start.ns, start.ns, end.ns, end.ns]
            rates += [rateRps, rateRps * multiplier, rateRps * multiplier, rateRps]
        case .diurnal:
            rates = [rateRps]
            sine = RateFunction.Sine(amplitude: amplitudePercent / 100, periodNs: period.ns, phaseNs: phase.ns)
        case .piecewise:
            rates = [points[0].rateRps]
            for point in points {
                times.append(point.at.ns)
                rates.append(point.rateRps)
            }
        }
        return RateFunction(times: times, rates: rates, sine: sine, factors: [])
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
