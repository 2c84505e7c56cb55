/// The guard stages on one side of `retry`, in declared order, packed into
/// one integer: the pipeline walks it on every call and attempt, and an
/// `Array` there would cost reference counting each time.
///
/// `order` names each stage at most once (`ClientPipelineConfig.validate`),
/// so a side holds at most four guards; at three bits each, five fit in a `UInt16`.
struct StageList: Sequence, Sendable, Equatable {
    private let packed: UInt16
    let count: Int

    init(_ stages: some Collection<ClientPipelineConfig.Stage>) {
        precondition(stages.count <= 5, "a pipeline side holds each stage at most once")
        var packed: UInt16 = 0
        for (position, stage) in stages.enumerated() {
            packed |= UInt16(StageList.code(stage)) << UInt16(3 * position)
        }
        self.packed = packed
        count = stages.count
    }

    func makeIterator() -> Iterator { Iterator(remaining: packed, left: count) }

    struct Iterator: IteratorProtocol {
        var remaining: UInt16
        var left: Int

        mutating func next() -> ClientPipelineConfig.Stage? {
            guard left > 0 else { return nil }
            left -= 1
            let code = remaining & 7
            remaining >>= 3
            return StageList.stage(code)
        }
    }

    private static func code(_ stage: ClientPipelineConfig.Stage) -> UInt16 {
        switch stage {
        case .retry: 0
        case .breaker: 1
        case .throttle: 2
        case .rateLimit: 3
        case .bulkhead: 4
        }
    }

    fileprivate static func stage(_ code: UInt16) -> ClientPipelineConfig.Stage {
        switch code {
        case 1: .breaker
        case 2: .throttle
        case 3: .rateLimit
        case 4: .bulkhead
        default: .retry
        }
    }
}
