/// What a load shedder decided for one arriving request.
public enum ShedDecision: Equatable, Sendable {
    /// Queue it (or serve it).
    case admit
    /// Refuse it (the caller sees `.overloaded`), for this reason.
    case shed(ShedCause)

    /// `true` for `.shed`.
    public var isShed: Bool {
        if case .shed = self { return true }
        return false
    }

    /// `true` for `.admit` (named like `RateDecision.isAdmitted`).
    public var isAdmitted: Bool { !isShed }
}

/// Why a request was shed. Raw values are the spellings reports use.
public enum ShedCause: String, Codable, CaseIterable, Sendable {
    /// `maxQueueLength` requests were already waiting.
    case queueLength
    /// The queue was at least the request's priority-class threshold full.
    case priority
    /// CoDel dropped it at dequeue: the queue delay stayed above target.
    case queueTime
}
