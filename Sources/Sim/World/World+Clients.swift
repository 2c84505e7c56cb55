/// Clients: open-loop arrivals, bursts, closed-loop users, and the end of each request.
extension World {
    mutating func primeClient(_ c: Int32, _ scheduler: inout Scheduler<Event>) {
        let client = Int(c)
        switch clients[client].spec.mode {
        case .open:
            if let first = clients[client].arrivals.nextArrival(after: .zero, using: &clients[client].random) {
                scheduler.scheduleInOrder(.arrival(client: c), at: first, source: client)
            }
        case .closed:
            // Users start spread over one think time each, not all at once.
            for _ in 0..<clients[client].spec.users {
                scheduler.schedule(.userStart(client: c), after: clients[client].thinkTime.sampleDuration(using: &clients[client].random))
            }
        }
        for burst in clients[client].spec.rate.bursts where burst.count > 0 && burst.at <= spec.duration {
            scheduler.schedule(.burst(client: c, count: Int32(burst.count)), at: burst.at)
        }
    }

    mutating func clientArrival(_ c: Int, scheduler: inout Scheduler<Event>) {
        let (key, priority) = clients[c].drawKeyAndPriority()
        // With a conditional surge in the rate, only some arrivals are sent.
        if !clients[c].thinsArrivals || clients[c].keepsArrival(at: scheduler.now, key: key, priority: priority) {
            sendClientRequest(c, key: key, priority: priority, scheduler: &scheduler)
        }
        let next = clients[c].nextArrival(after: scheduler.now)
        if let next { scheduler.scheduleInOrder(.arrival(client: Int32(c)), at: next, source: c) }
    }

    mutating func clientBurst(_ c: Int, count: Int, scheduler: inout Scheduler<Event>) {
        for _ in 0..<count { startClientRequest(c, scheduler: &scheduler) }
    }

    /// A client sends one request (a root call on its edge).
    mutating func startClientRequest(_ c: Int, scheduler: inout Scheduler<Event>) {
        let (key, priority) = clients[c].drawKeyAndPriority()
        sendClientRequest(c, key: key, priority: priority, scheduler: &scheduler)
    }

    /// A client sends one request with this key and priority.
    mutating func sendClientRequest(_ c: Int, key: UInt64, priority: UInt8, scheduler: inout Scheduler<Event>) {
        clients[c].sequence &+= 1
        let identity = SplitMix64.mix(clients[c].identitySeed ^ clients[c].sequence)
        recorder.count(clients[c].entity, .offered)
        if !runMirrorsClient { recorder.count(runEntity, .offered) }
        clients[c].inFlight += 1
        startCall(edge: clientEdge(c, identity: identity), slot: 0, parent: .none, client: Int32(c), message: -1, identity: identity, key: key,
                  priority: priority, origin: Int32(c), deadline: scheduler.now.saturatingAdd(clients[c].spec.deadline), required: true,
                  fallbackLatency: .zero, scheduler: &scheduler)
    }

    /// A client request ended: the client-visible outcome.
    mutating func clientRequestFinished(client c: Int, outcome: OutcomeClass, latency: SimTime, scheduler: inout Scheduler<Event>) {
        let measured: SimTime? = outcome == .rejected ? nil : latency
        recorder.outcome(clients[c].entity, outcome, latency: measured)
        if !runMirrorsClient { recorder.outcome(runEntity, outcome, latency: measured) }
        clients[c].inFlight -= 1
        if clients[c].spec.mode == .closed && scheduler.now < spec.duration {
            scheduler.schedule(.userStart(client: Int32(c)), after: clients[c].thinkTime.sampleDuration(using: &clients[c].random))
        }
    }
}
