extension RetryStormCriteria {
    /// The retry-storm episodes in one entity's series, in time order.
    ///
    /// Episode [s, l] runs from the first window s of `hysteresisWindows`
    /// qualifying windows in a row to the last qualifying window l before
    /// `hysteresisWindows` non-qualifying windows in a row (or the end of the
    /// run). Over windows s...l (dips included):
    /// extraAttempts = sum(attempts - offered), wastedWork = sum(wasted);
    /// NaN values are skipped. `wasted` may be empty when not recorded (0).
    public func episodes(entity: String, attempts: [Double], offered: [Double], wasted: [Double],
                         windowWidth: SimTime) -> [RetryStormEpisode] {
        precondition(wasted.isEmpty || wasted.count == attempts.count, "wasted needs one value per window, or none")
        let amplification = Amplification.perWindow(attempts: attempts, offered: offered)
        let minimumOffered = minimumOfferedRps * windowWidth.seconds
        let qualifies = amplification.indices.map { index in
            !amplification[index].isNaN && amplification[index] >= amplificationThreshold && offered[index] >= minimumOffered
        }
        var spans: [(first: Int, last: Int, ongoing: Bool)] = []
        var run = 0, calm = 0
        var open: (first: Int, last: Int)? = nil
        for (index, qualifying) in qualifies.enumerated() {
            if var episode = open {
                if qualifying {
                    episode.last = index
                    open = episode
                    calm = 0
                } else {
                    calm += 1
                    if calm == hysteresisWindows {
                        spans.append((episode.first, episode.last, false))
                        open = nil
                        run = 0
                    }
                }
            } else {
                run = qualifying ? run + 1 : 0
                if run == hysteresisWindows {
                    open = (index - hysteresisWindows + 1, index)
                    calm = 0
                }
            }
        }
        if let episode = open { spans.append((episode.first, episode.last, true)) }

        return spans.map { span in
            var peak = -Double.infinity, peakIndex = span.first
            var extra = 0.0, waste = 0.0
            for index in span.first...span.last {
                if qualifies[index] && amplification[index] > peak {
                    peak = amplification[index]
                    peakIndex = index
                }
                let difference = attempts[index] - offered[index]
                if !difference.isNaN { extra += difference }
                if !wasted.isEmpty && !wasted[index].isNaN { waste += wasted[index] }
            }
            return RetryStormEpisode(entity: entity, start: windowWidth * Int64(span.first), end: windowWidth * Int64(span.last + 1),
                                     peakAmplification: peak, peakAt: windowWidth * Int64(peakIndex),
                                     extraAttempts: extra, wastedWork: waste, ongoingAtEnd: span.ongoing)
        }
    }
}
