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
    var sequence: UInt64 = 0
    var inFlight = 0

    init(spec: ClientSpec, index: Int32, target: Int32, edge: Int32, entity: Int32, streams: RandomStreams,
         surges: [FaultSpec], duration: SimTime) throws(WorldBuildError) {
        specBox = SpecBox(spec)
        self.index = index
        self.target = target
        self.edge = edge
        self.entity = entity
        var rate = spec.rate.compile()
        for surge in surges {
            rate = rate.multiplied(by: RateFunction.Factor(start: surge.start, end: surge.end, ramp: surge.ramp, multiplier: surge.multiplier))
        }
        arrivals = ArrivalProcess(rate: rate, end: duration)
        keys = KeySampler(spec: spec.keys)
        do { thinkTime = try spec.thinkTime.build() } catch {
            throw WorldBuildError(path: "clients[\(index)].thinkTime.\(error.parameter)", message: error.reason)
        }
        random = streams.stream("client.\(spec.name)")
        identitySeed = streams.seed(for: "client.\(spec.name).requests")
    }

    /// The next arrival strictly after `t`, drawn from the client's own stream.
    /// Mutating so that it runs on the record in place: a non-mutating read of
    /// `arrivals` through the World's table copies the process (and retains its
    /// arrays) on every arrival.
    mutating func nextArrival(after t: SimTime) -> SimTime? {
        arrivals.nextArrival(after: t, using: &random)
    }
}
