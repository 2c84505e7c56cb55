/// A running digest of every event a run handled: (time, sequence, code).
///
/// Two runs of the same scenario and seed must produce equal digests; the
/// determinism tests and `faultsim run --check-determinism` compare them. The
/// mix is SplitMix64's finaliser, fixed forever.
///
/// To locate a divergence without keeping the whole trace, the digest can also
/// keep its running value every `checkpointEvery` events (so two runs' first
/// differing checkpoint brackets the first differing event), and capture the
/// events whose index falls in `captureRange` (a replay fills in that bracket).
public struct TraceDigest: Sendable, Equatable, CustomStringConvertible {
    public private(set) var value: UInt64 = StableHash.offsetBasis
    public private(set) var events: UInt64 = 0
    /// Keep a checkpoint every this many events (0: none).
    public let checkpointEvery: UInt64
    /// `checkpoints[i]` is the digest after `(i + 1) * checkpointEvery` events.
    public private(set) var checkpoints: [UInt64] = []
    /// Indexes (0-based) of the events to capture.
    public let captureRange: Range<UInt64>
    public private(set) var captured: [TracedEvent] = []

    public init(checkpointEvery: UInt64 = 0, capture: Range<UInt64> = 0..<0) {
        self.checkpointEvery = checkpointEvery
        captureRange = capture
    }

    /// Whether the next folded event will be captured (the engine then describes it).
    @inline(__always) public var capturesNext: Bool { captureRange.contains(events) }

    public mutating func fold(time: SimTime, sequence: UInt64, code: UInt64, detail: String? = nil) {
        if let detail, capturesNext {
            captured.append(TracedEvent(index: events, time: time, sequence: sequence, code: code, detail: detail))
        }
        var mixed = SplitMix64.mix(value ^ UInt64(bitPattern: time.ns))
        mixed = SplitMix64.mix(mixed ^ sequence)
        value = SplitMix64.mix(mixed ^ code)
        events &+= 1
        if checkpointEvery != 0, events % checkpointEvery == 0 { checkpoints.append(value) }
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + " over \(events) events"
    }
}

/// One event as a trace capture saw it.
public struct TracedEvent: Sendable, Equatable, CustomStringConvertible {
    /// 0-based position in the run's event order.
    public var index: UInt64
    public var time: SimTime
    /// The scheduler's insertion sequence (breaks ties at equal times).
    public var sequence: UInt64
    /// The model's trace code (event kind and ids).
    public var code: UInt64
    /// The event as the model's `Event` value prints.
    public var detail: String

    public init(index: UInt64, time: SimTime, sequence: UInt64, code: UInt64, detail: String) {
        self.index = index
        self.time = time
        self.sequence = sequence
        self.code = code
        self.detail = detail
    }

    public var description: String { "event #\(index + 1) at \(time) (sequence \(sequence)): \(detail)" }
}
