import Testing
@testable import Policy

/// A scripted sequence of (time, event) -> expected state, permission and
/// transition cause, run against one breaker. Each row reports its own line.
struct BreakerStep {
    enum Event {
        case acquire
        case record(OutcomeClass, durationMs: Int64 = 10)
        case release
        case poll
        case forceOpen, forceClosed, forceMetricsOnly, reset
    }

    var atMs: Int64
    var event: Event
    /// State after the event.
    var state: BreakerState
    /// For `.acquire`: whether the call was permitted.
    var permitted: Bool?
    /// `BreakerTransitionCause.name` of the transition the event caused, or nil for none.
    var cause: String?
    var line: Int

    init(_ atMs: Int64, _ event: Event, _ state: BreakerState, permitted: Bool? = nil, cause: String? = nil, line: Int = #line) {
        self.atMs = atMs
        self.event = event
        self.state = state
        self.permitted = permitted
        self.cause = cause
        self.line = line
    }
}

extension CircuitBreaker {
    /// Applies one event; returns (permitted for acquire, the transition).
    mutating func apply(_ event: BreakerStep.Event, at now: Nanoseconds) -> (Bool?, BreakerTransition?) {
        switch event {
        case .acquire:
            let permission = tryAcquire(now: now)
            return (permission.permitted, permission.transition)
        case let .record(outcome, durationMs):
            return (nil, record(now: now, outcome: outcome, duration: .ms(durationMs)))
        case .release: return (nil, release(now: now))
        case .poll: return (nil, poll(now: now))
        case .forceOpen: return (nil, forceOpen(now: now))
        case .forceClosed: return (nil, forceClosed(now: now))
        case .forceMetricsOnly: return (nil, forceMetricsOnly(now: now))
        case .reset: return (nil, reset(now: now))
        }
    }

    /// Runs `steps`, checking each row; returns every transition in order.
    @discardableResult
    mutating func run(_ steps: [BreakerStep], file: String = #filePath) -> [BreakerTransition] {
        var transitions: [BreakerTransition] = []
        for step in steps {
            let location = SourceLocation(fileID: #fileID, filePath: file, line: step.line, column: 1)
            let now = Nanoseconds.ms(step.atMs)
            let (permitted, transition) = apply(step.event, at: now)
            #expect(state == step.state, "state at \(step.atMs) ms", sourceLocation: location)
            if let expected = step.permitted {
                #expect(permitted == expected, "permitted at \(step.atMs) ms", sourceLocation: location)
            }
            #expect(transition?.cause.name == step.cause, "transition at \(step.atMs) ms", sourceLocation: location)
            if let transition {
                #expect(transition.at == now && transition.to == state, sourceLocation: location)
                transitions.append(transition)
            }
        }
        return transitions
    }
}
