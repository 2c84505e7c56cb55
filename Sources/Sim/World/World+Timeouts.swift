/// Per-try timeouts. An attempt timed by its edge's per-try timeout (most
/// are) waits in the edge's `PendingTimers`; only the front one is in the
/// event queue (`.perTryTimeout`), under the key it would have had, so every
/// live timeout fires exactly where it would have. Stale ones, whose attempt
/// was answered first (most of them), are dropped without an event.
extension World {
    /// Times attempt `a` on edge `e`: it times out `timeout` from now unless answered first.
    @inline(__always) mutating func setPerTryTimer(_ a: AttemptHandle, edge e: Int, after timeout: SimTime, scheduler: inout Scheduler<Event>) {
        if edges[e].timeouts.needsCompaction { compactPerTryTimers(edge: e) }
        let key = scheduler.reserveKey(after: timeout)
        if edges[e].timeouts.set(a, key: key) { armPerTryTimer(edge: e, scheduler: &scheduler) }
    }

    /// The front timer of edge `e` fired: time its attempt out if still
    /// awaited, drop the stale timers behind it, arm the next live one.
    mutating func perTryTimerFired(edge e: Int, scheduler: inout Scheduler<Event>) {
        let a = edges[e].timeouts.fire()
        while let next = edges[e].timeouts.front, !attempts.isAwaited(next.payload) { edges[e].timeouts.dropFront() }
        attemptTimedOut(a, scheduler: &scheduler)
        // Handling the timeout may have set (and armed) a retry's timer.
        armPerTryTimer(edge: e, scheduler: &scheduler)
    }

    /// Schedules edge `e`'s front timer unless it is scheduled already.
    @inline(__always) mutating func armPerTryTimer(edge e: Int, scheduler: inout Scheduler<Event>) {
        if let key = edges[e].timeouts.arm() { scheduler.schedule(.perTryTimeout(edge: Int32(e)), key: key) }
    }

    /// Drops edge `e`'s stale timers: its queue holds at most twice the live ones.
    @inline(never) mutating func compactPerTryTimers(edge e: Int) {
        // A copy of the pool, read while the edge's timers are written.
        let pool = attempts
        edges[e].timeouts.compact { !pool.isAwaited($0) }
    }

    /// Gives every attempt's timeout its own event in the queue, as before
    /// timers were kept aside: tests compare the two ways.
    mutating func queueEveryPerTryTimeout() {
        for e in edges.indices { edges[e].perTryTimeout = SimTime(ns: -1) }
    }
}

extension SlotPool where Record == AttemptRecord {
    /// Whether a caller still waits for attempt `a`: its timeout is live.
    @inline(__always) func isAwaited(_ a: AttemptHandle) -> Bool {
        isLive(a) && !self[a].callerDone
    }
}
