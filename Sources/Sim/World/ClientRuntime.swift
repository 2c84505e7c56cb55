/// A client as the World runs it: its arrival process (with surges folded
/// in), key and priority draws, and its own random stream.
struct ClientRuntime {
    let specBox: SpecBox<ClientSpec>
    var spec: ClientSpec { specBox.value }
    let index: Int32
    let target: Int32
    let edge: Int32
    let entity: Int32
    let arrivals: ArrivalProcess
    let keys: KeySampler
    let thinkTime: Distribution
    /// Draws arrivals, keys and priorities: independent of every policy, so a
    /// baseline and a candidate see the same requests.
    var random: Xoshiro256StarStar
    let identitySeed: UInt64
    /// The routing attributes of its requests, without `priority` (added per request).
    let routeAttributes: RouteAttributes
    var sequence: UInt64 = 0
    var inFlight = 0
    /// Surges that multiply only the requests matching their condition.
    let conditionalSurges: [ConditionalSurge]
    /// Whether any arrival may be thinned (`keepsArrival`): a flag, so the
    /// request path does not read the array.
    let thinsArrivals: Bool

    init(spec: ClientSpec, index: Int32, target: Int32, edge: Int32, entity: Int32, streams: RandomStreams,
         surges: [FaultSpec], duration: SimTime) throws(WorldBuildError) {
        specBox = SpecBox(spec)
        self.index = index
        self.target = target
        self.edge = edge
        self.entity = entity
        var rate = spec.rate.compile()
        var conditional: [ConditionalSurge] = []
        for surge in surges {
            let factor = RateFunction.Factor(start: surge.start, end: surge.end, ramp: surge.ramp, multiplier: surge.multiplier)
            if surge.condition.isUnconditional {
                rate = rate.multiplied(by: factor)
            } else {
                // Arrivals come at the rate the surge would give every request;
                // `keepsArrival` thins them back for the requests it does not match.
                if surge.multiplier > 1 { rate = rate.multiplied(by: factor) }
                conditional.append(ConditionalSurge(factor: factor, condition: surge.condition))
            }
        }
        conditionalSurges = conditional
        thinsArrivals = !conditional.isEmpty
        arrivals = ArrivalProcess(rate: rate, end: duration)
        keys = KeySampler(spec: spec.keys)
        do { thinkTime = try spec.thinkTime.build() } catch {
            throw WorldBuildError(path: "clients[\(index)].thinkTime.\(error.parameter)", message: error.reason)
        }
        random = streams.stream("client.\(spec.name)")
        identitySeed = streams.seed(for: "client.\(spec.name).requests")
        var attributes = RouteAttributes()
        attributes.insert(name: RouteAttributes.key("client"), value: RouteAttributes.key(spec.name))
        for attribute in spec.attributes.prefix(ClientSpec.maxAttributes) {
            attributes.insert(name: RouteAttributes.key(attribute.name), value: RouteAttributes.key(attribute.value))
        }
        routeAttributes = attributes
    }

    // The draws below are mutating so that they run on the record in place:
    // reading `arrivals` or `keys` through the World's table from outside
    // copies them (and retains their arrays) on every request.

    /// The next arrival strictly after `t`, drawn from the client's own stream.
    mutating func nextArrival(after t: SimTime) -> SimTime? {
        arrivals.nextArrival(after: t, using: &random)
    }

    /// A new request's key and priority class, drawn from the client's own stream.
    mutating func drawKeyAndPriority() -> (key: UInt64, priority: UInt8) {
        let key = keys.sample(using: &random)
        return (key, spec.priorities.sample(using: &random))
    }

    /// Whether an arrival at `t` with this key and priority is sent. Arrivals
    /// come at the rate each conditional surge would give every request (its
    /// multiplier m where m > 1); a surge keeps a request it does not match
    /// with probability 1/m, and one it matches with probability m when m < 1.
    /// Keys and priorities are drawn independently of time, so the matching
    /// requests arrive m times as often and the others as often as before.
    /// Draws from the stream only when some request is dropped.
    mutating func keepsArrival(at t: SimTime, key: UInt64, priority: UInt8) -> Bool {
        var keep = 1.0
        for surge in conditionalSurges {
            let multiplier = surge.factor.value(at: t)
            keep *= (surge.condition.matches(key: key, priority: priority) ? multiplier : 1) / max(1, multiplier)
        }
        return keep >= 1 || random.nextUnit() < keep
    }
}

/// A `surge` fault with a condition: it multiplies the client's requests
/// whose key and priority match, and leaves the others alone.
struct ConditionalSurge {
    /// The surge's own multiplier and ramp over its span.
    let factor: RateFunction.Factor
    let condition: FaultConditionSpec
}
