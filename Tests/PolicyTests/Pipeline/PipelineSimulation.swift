@testable import Policy

/// A miniature of the simulator's call handling for property tests: many
/// overlapping calls through one pipeline, in time order, with attempts that
/// answer or time out, retries after their backoff, hedges chained at
/// `nextHedgeTime`, losers abandoned when a call completes (never reported,
/// as `World.completeCall` does), and breaker timers polled at every event.
/// Outcomes, latencies and start times come from the test's own generator.
struct PipelineSimulation {
    enum Event {
        case start(Int)
        case answer(call: Int, attempt: Int, outcome: OutcomeClass)
        case retry(Int)
        case hedge(Int)
    }

    struct Call {
        var state: CallState?
        var tickets: [AttemptTicket?] = []
        var sentAt: [Nanoseconds] = []
        var hosts: [Int?] = []
        var finished = false
        var outcome: OutcomeClass?
        var outstanding: Int { tickets.count { $0 != nil } }
    }

    var pipeline: ClientPipeline
    var rng: SplitMix64
    var world: SplitMix64
    var calls: [Call]
    var queue: [(time: Nanoseconds, seq: Int, event: Event)] = []
    var seq = 0
    var now = Nanoseconds.zero
    var inFlight = 0
    var events: [PipelineEvent] = []
    /// Every refusal, by stage (per-call, per-attempt, budget, deadline).
    var refusals: [RejectionStage] = []
    /// Invariants broken after some step, described (empty when all held).
    var violations: [String] = []
    /// The most attempts one call may make: retries and hedges share the count.
    let attemptCap: Int

    init(config: ClientPipelineConfig, calls count: Int, seed: UInt64) throws {
        pipeline = try ClientPipeline(config: config)
        rng = SplitMix64(seed: seed)
        world = SplitMix64(seed: seed ^ 0xA5A5_A5A5)
        calls = Array(repeating: Call(), count: count)
        attemptCap = max(config.retry.maxAttempts, config.hedging.maxAttempts)
        for c in 0..<count { schedule(.start(c), at: .ms(Int64(world.nextBelow(2_000)))) }
    }

    mutating func schedule(_ event: Event, at time: Nanoseconds) {
        queue.append((time, seq, event))
        seq += 1
    }

    /// Runs every event in (time, sequence) order.
    mutating func run() {
        while let next = queue.indices.min(by: { (queue[$0].time, queue[$0].seq) < (queue[$1].time, queue[$1].seq) }) {
            let (time, _, event) = queue.remove(at: next)
            now = time
            pipeline.poll(now: now)
            switch event {
            case .start(let c): start(c)
            case .answer(let c, let a, let outcome): answered(c, attempt: a, outcome: outcome)
            case .retry(let c): if !calls[c].finished { send(c, .retry) }
            case .hedge(let c): if !calls[c].finished { send(c, .hedge) }
            }
            pipeline.drainEvents(into: &events)
        }
    }

    mutating func start(_ c: Int) {
        inFlight += 1
        let begin = pipeline.startCall(now: now, deadline: world.chance(0.2) ? now + .ms(400) : .max, using: &rng)
        calls[c].state = begin.state
        verify(c)
        if let stage = begin.rejectedBy {
            refusals.append(stage)
            complete(c, .rejected)
        } else {
            send(c, .first)
        }
    }

    mutating func send(_ c: Int, _ kind: PipelineAttemptKind) {
        let decision = pipeline.startAttempt(&calls[c].state!, kind: kind, now: now, activeRequests: inFlight, using: &rng)
        verify(c)
        switch decision {
        case .skip(let stage):
            refusals.append(stage)
            return
        case .giveUp(let outcome, let stage):
            if let stage { refusals.append(stage) }
            if calls[c].outstanding == 0 { complete(c, outcome) }
        case .send(let ticket, let timeout):
            let host = pipeline.pickHost(hostCount: 3, isEligible: { _ in true }, outstanding: { _ in 0 }, using: &rng)
            let attempt = calls[c].tickets.count
            calls[c].tickets.append(ticket)
            calls[c].sentAt.append(now)
            calls[c].hosts.append(host)
            let latency = Nanoseconds.ms(1 + Int64(world.nextBelow(300)))
            let outcomes: [OutcomeClass] = [.success, .success, .success, .success, .success, .success,
                                            .serverError, .overloaded, .timeout, .connectionError, .clientError]
            let drawn = outcomes[Int(world.nextBelow(UInt64(outcomes.count)))]
            if timeout < latency {
                schedule(.answer(call: c, attempt: attempt, outcome: .timeout), at: now.saturatingAdd(timeout))
            } else {
                schedule(.answer(call: c, attempt: attempt, outcome: drawn), at: now + latency)
            }
            if kind != .retry, let due = pipeline.nextHedgeTime(calls[c].state!, now: now) {
                schedule(.hedge(c), at: max(due, now))
            }
        }
    }

    mutating func answered(_ c: Int, attempt: Int, outcome: OutcomeClass) {
        guard !calls[c].finished, let ticket = calls[c].tickets[attempt] else { return }
        calls[c].tickets[attempt] = nil
        let next = pipeline.finishAttempt(&calls[c].state!, ticket: ticket, host: calls[c].hosts[attempt], now: now, outcome: outcome,
                                          latency: now - calls[c].sentAt[attempt], retryAfter: nil, using: &rng)
        verify(c)
        switch next {
        case .complete(let final): complete(c, final)
        case .retry(let delay): schedule(.retry(c), at: now + delay)
        case .wait: break
        }
    }

    mutating func complete(_ c: Int, _ outcome: OutcomeClass) {
        calls[c].finished = true
        calls[c].outcome = outcome
        for index in calls[c].tickets.indices { calls[c].tickets[index] = nil }
        inFlight -= 1
        let started = calls[c].state!.started
        pipeline.finishCall(&calls[c].state!, now: now, outcome: outcome, latency: now - started)
        verify(c)
    }

    /// The invariants that hold after every step.
    mutating func verify(_ c: Int) {
        if let attempts = calls[c].state?.attempts, attempts > attemptCap {
            violations.append("call \(c) made \(attempts) attempts, cap \(attemptCap)")
        }
        if pipeline.retryBudgetLevel < 0 || pipeline.budget.tokens < 0 {
            violations.append("budget below zero at \(now): level \(pipeline.retryBudgetLevel), tokens \(pipeline.budget.tokens)")
        }
        if pipeline.bulkhead.inflight < 0 || pipeline.bulkhead.inflight > pipeline.bulkhead.limit {
            violations.append("bulkhead holds \(pipeline.bulkhead.inflight) of \(pipeline.bulkhead.limit) at \(now)")
        }
        if pipeline.breaker.state == .halfOpen, pipeline.breaker.halfOpenPermitsAvailable > pipeline.config.breaker.permittedCallsInHalfOpen {
            violations.append("half-open has \(pipeline.breaker.halfOpenPermitsAvailable) permits at \(now)")
        }
    }
}
