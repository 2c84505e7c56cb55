/// CoDel (RFC 8289, "Controlled Delay Active Queue Management"), decided one
/// dequeued request at a time.
///
/// The RFC's `dequeue` drops in a loop; here the queue calls `onDequeue` once
/// per request it takes off and, on `true`, drops it and takes the next one at
/// the same `now`, which runs the same loop. Decisions match the RFC's
/// pseudocode exactly, except that the RFC also refuses to drop when the
/// queue holds less than one packet's worth of bytes (a request queue has no
/// bytes; `codelTarget` alone decides).
struct CoDelState: Sendable, Equatable {
    /// `first_above_time`: when the delay will have been above target for a
    /// whole interval; meaningful only while `aboveTarget`.
    var firstAboveTime: Nanoseconds = .zero
    /// `first_above_time != 0`: the delay is currently above target.
    var aboveTarget = false
    /// `dropping_`: in the dropping state.
    var dropping = false
    /// `drop_next`: when the next drop is due while dropping.
    var dropNext: Nanoseconds = .zero
    /// `count`: drops in this dropping episode (it carries over on a quick re-entry).
    var count = 0
    /// `lastcount`: `count` when the current episode started.
    var lastCount = 0
    /// The last call dropped while dropping: the next request taken at the same
    /// `now` is the RFC's "dequeue inside the drop loop", which advances `drop_next`.
    var inDropLoop = false
    /// When that drop happened.
    var dropLoopAt: Nanoseconds = .zero
}

extension LoadShedder {
    /// A request that waited `sojourn` is being taken off the queue at `now`:
    /// should it be dropped (answered `.overloaded`) instead of served?
    /// Always `false` unless `kind` is `.queueTime`.
    public mutating func onDequeue(now: Nanoseconds, sojourn: Nanoseconds) -> Bool {
        guard config.kind == .queueTime else { return false }
        if codel.inDropLoop && now != codel.dropLoopAt {
            // Nothing was taken right after the last drop: the queue had emptied,
            // which in the RFC ends the dropping state.
            onQueueEmpty()
        }
        let okToDrop = delayStayedAboveTarget(now: now, sojourn: sojourn)
        if codel.dropping {
            let continuingLoop = codel.inDropLoop
            codel.inDropLoop = false
            if !okToDrop {
                // Delay is back under target: leave the dropping state.
                codel.dropping = false
                return false
            }
            if continuingLoop {
                codel.dropNext = controlLaw(codel.dropNext, count: codel.count)
            }
            guard now >= codel.dropNext else { return false }
            codel.count += 1
            codel.inDropLoop = true
            codel.dropLoopAt = now
            return true
        }
        guard okToDrop else { return false }
        // Enter the dropping state. If the last episode ended recently (within
        // 16 intervals of its last due drop), resume near its drop rate instead
        // of starting over from one.
        codel.dropping = true
        let delta = codel.count - codel.lastCount
        let interval = config.codelInterval.ns
        let reentryWindow = interval > Int64.max / 16 ? Int64.max : interval * 16
        let recent = now.ns - codel.dropNext.ns < reentryWindow
        codel.count = delta > 1 && recent ? delta : 1
        codel.dropNext = controlLaw(now, count: codel.count)
        codel.lastCount = codel.count
        return true
    }

    /// A dequeue found the queue empty: the standing delay is gone (RFC:
    /// `first_above_time = 0`, which also ends the dropping state).
    public mutating func onQueueEmpty() {
        codel.aboveTarget = false
        codel.dropping = false
        codel.inDropLoop = false
    }

    /// RFC `dodequeue`'s `ok_to_drop`: the delay has been at or above target
    /// for at least one interval.
    mutating func delayStayedAboveTarget(now: Nanoseconds, sojourn: Nanoseconds) -> Bool {
        if sojourn < config.codelTarget {
            codel.aboveTarget = false
            return false
        }
        if !codel.aboveTarget {
            codel.aboveTarget = true
            codel.firstAboveTime = now.saturatingAdd(config.codelInterval)
            return false
        }
        return now >= codel.firstAboveTime
    }

    /// RFC `control_law`: `t + interval / sqrt(count)`, truncated to a nanosecond.
    func controlLaw(_ t: Nanoseconds, count: Int) -> Nanoseconds {
        let spacing = Double(config.codelInterval.ns) / Double(max(count, 1)).squareRoot()
        return t.saturatingAdd(Nanoseconds(ns: Int64(spacing)))
    }
}
