/// The periodic part of outlier detection (Envoy's `onIntervalTimer`).
extension OutlierDetector {
    /// Runs one sweep at `now` (call it every `interval`), appending what changed
    /// to `events` in this order: hosts returned, then success-rate ejections,
    /// then failure-percentage ejections, each in host order.
    ///
    /// 1. Each ejected host whose ejection time has passed returns.
    /// 2. The interval's per-host request counts become the sample and restart.
    /// 3. Success rate: among hosts in service with at least
    ///    `successRateRequestVolume` requests (and at least one), if there are at
    ///    least `successRateMinimumHosts`, those below `mean - stdev * factor`
    ///    are ejected (population standard deviation, as Envoy computes it).
    /// 4. Failure percentage: among hosts in service with at least
    ///    `failurePercentageRequestVolume` requests, if there are at least
    ///    `failurePercentageMinimumHosts`, those failing at least
    ///    `failurePercentageThreshold` percent are ejected.
    /// 5. Hosts in service that returned at least one interval ago have their
    ///    ejection multiplier lowered by one.
    public mutating func sweep(now: Nanoseconds, into events: inout [OutlierEvent],
                               using rng: inout some RandomNumberGenerator) {
        for host in hosts.indices {
            if hosts[host].ejected, now - hosts[host].lastEjection >= ejectionTime(host: host) {
                uneject(host: host, now: now)
                events.append(.unejected(host: host))
            }
            hosts[host].sampleRequests = hosts[host].intervalRequests
            hosts[host].sampleSuccesses = hosts[host].intervalSuccesses
            hosts[host].intervalRequests = 0
            hosts[host].intervalSuccesses = 0
        }
        detectOutliers(now: now, into: &events, using: &rng)
        for host in hosts.indices where !hosts[host].ejected {
            if let returned = hosts[host].lastUnejection, now - returned >= config.interval, hosts[host].ejectionMultiplier > 0 {
                hosts[host].ejectionMultiplier -= 1
            }
        }
    }

    mutating func uneject(host: Int, now: Nanoseconds) {
        ejectedCount -= 1
        hosts[host].ejected = false
        // Envoy resets the streaks so a few new errors do not eject the host again at once.
        hosts[host].consecutive5xx = 0
        hosts[host].consecutiveGatewayFailure = 0
        hosts[host].lastUnejection = now
    }

    /// Steps 3 and 4 without allocating: candidates are marked in the host
    /// entries, and the statistics are sums over them.
    mutating func detectOutliers(now: Nanoseconds, into events: inout [OutlierEvent],
                                 using rng: inout some RandomNumberGenerator) {
        successRateStatistics = nil
        var successRateHosts = 0
        var successRateSum = 0.0
        var failurePercentageHosts = 0
        for host in hosts.indices {
            let state = hosts[host]
            let hasSample = !state.ejected && state.sampleRequests > 0
            let successRateCandidate = hasSample && state.sampleRequests >= config.successRateRequestVolume
            let failurePercentageCandidate = hasSample && state.sampleRequests >= config.failurePercentageRequestVolume
            hosts[host].successRateCandidate = successRateCandidate
            hosts[host].failurePercentageCandidate = failurePercentageCandidate
            if successRateCandidate {
                successRateHosts += 1
                successRateSum += state.sampleSuccessRatePercent
            }
            if failurePercentageCandidate { failurePercentageHosts += 1 }
        }

        if successRateHosts > 0, successRateHosts >= config.successRateMinimumHosts {
            let mean = successRateSum / Double(successRateHosts)
            var squares = 0.0
            for host in hosts.indices where hosts[host].successRateCandidate {
                let deviation = hosts[host].sampleSuccessRatePercent - mean
                squares += deviation * deviation
            }
            let stdev = (squares / Double(successRateHosts)).squareRoot()
            let threshold = mean - Double(config.successRateStdevFactorThousandths) / 1000 * stdev
            successRateStatistics = SuccessRateStatistics(meanPercent: mean, thresholdPercent: threshold)
            for host in hosts.indices where hosts[host].successRateCandidate && !hosts[host].ejected
                && hosts[host].sampleSuccessRatePercent < threshold {
                if let event = eject(host: host, cause: .successRate, enforcingPercent: config.enforcingSuccessRatePercent, now: now, using: &rng) {
                    events.append(event)
                }
            }
        }

        if failurePercentageHosts > 0, failurePercentageHosts >= config.failurePercentageMinimumHosts {
            let threshold = Double(config.failurePercentageThreshold)
            // A host just ejected for its success rate is skipped (Envoy would eject it twice).
            for host in hosts.indices where hosts[host].failurePercentageCandidate && !hosts[host].ejected
                && 100 - hosts[host].sampleSuccessRatePercent >= threshold {
                if let event = eject(host: host, cause: .failurePercentage, enforcingPercent: config.enforcingFailurePercentagePercent, now: now, using: &rng) {
                    events.append(event)
                }
            }
        }
    }
}
