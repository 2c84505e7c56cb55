extension HealthTimeline {
    /// Recovery from `fault`: MTTR, recovery after removal, and metastability.
    ///
    /// With f = the window containing `fault.start`, e = the window containing
    /// `fault.end` and K = `criteria.sustainedHealthyWindows`:
    /// - u = the first unhealthy window at or after f. None: `neverUnhealthy`
    ///   (and not metastable). Whatever goes wrong first after a fault starts is
    ///   charged to it; a run with several faults reads each against its own start.
    /// - r = the first sustained healthy stretch (K healthy windows, no-data
    ///   skipped) starting after u. MTTR = start(r) - fault.start, or
    ///   `notRecovered` if there is none.
    /// - Recovery after removal: r' = the first sustained healthy stretch
    ///   starting at or after max(e, u + 1); elapsed = max(0, start(r') - fault.end)
    ///   (zero when the system had already recovered while the fault was active).
    /// - Metastable when elapsed > threshold, or when not recovered and the run
    ///   went on for at least the threshold after `fault.end`; not recovered in a
    ///   shorter tail is `undetermined`.
    public func recovery(from fault: FaultSpan, criteria: RecoveryCriteria = RecoveryCriteria()) -> FaultRecovery {
        let k = criteria.sustainedHealthyWindows
        let startWindow = windowIndex(containing: fault.start)
        let removedInRun = fault.end < duration
        guard let unhealthy = firstUnhealthy(from: startWindow) else {
            return FaultRecovery(fault: fault, firstUnhealthyAt: nil, recovery: .neverUnhealthy,
                                 recoveryAfterRemoval: removedInRun ? .neverUnhealthy : nil,
                                 metastability: removedInRun ? .notMetastable : .faultNotRemoved)
        }
        let recovery = outcome(sustainedHealthyStart(from: unhealthy + 1, windows: k), since: fault.start)
        guard removedInRun else {
            return FaultRecovery(fault: fault, firstUnhealthyAt: windowStart(unhealthy), recovery: recovery,
                                 recoveryAfterRemoval: nil, metastability: .faultNotRemoved)
        }
        let searchFrom = max(windowIndex(containing: fault.end), unhealthy + 1)
        let afterRemoval = outcome(sustainedHealthyStart(from: searchFrom, windows: k), since: fault.end)
        let metastability: Metastability
        switch afterRemoval {
        case .recovered(_, let after):
            metastability = after > criteria.metastabilityThreshold
                ? .metastable(unhealthyAfterRemoval: after, recovered: true) : .notMetastable
        case .notRecovered:
            let observed = duration - fault.end
            metastability = observed >= criteria.metastabilityThreshold
                ? .metastable(unhealthyAfterRemoval: observed, recovered: false) : .undetermined(observedAfterRemoval: observed)
        case .neverUnhealthy:
            metastability = .notMetastable
        }
        return FaultRecovery(fault: fault, firstUnhealthyAt: windowStart(unhealthy), recovery: recovery,
                             recoveryAfterRemoval: afterRemoval, metastability: metastability)
    }

    /// `recovered` at the start of window `index` (elapsed clamped at zero), or `notRecovered`.
    private func outcome(_ index: Int?, since reference: SimTime) -> RecoveryOutcome {
        guard let index else { return .notRecovered }
        let at = windowStart(index)
        return .recovered(at: at, after: max(.zero, at - reference))
    }
}
