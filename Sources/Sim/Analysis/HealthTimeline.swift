/// The health of every window of a run, and the questions recovery asks of it.
public struct HealthTimeline: Sendable, Equatable {
    /// One verdict per window.
    public var windows: [WindowHealth]
    /// Width of one window.
    public var windowWidth: SimTime

    /// A timeline of already judged windows.
    public init(windows: [WindowHealth], windowWidth: SimTime) {
        precondition(windowWidth.ns > 0, "windowWidth must be > 0")
        self.windows = windows
        self.windowWidth = windowWidth
    }

    /// Classifies each window with `target.health(...)`; the three arrays are
    /// per window and must be the same length.
    public init(successRatios: [Double], latencyP99Ms: [Double], offered: [Double], windowWidth: SimTime, target: SLOTarget) {
        precondition(successRatios.count == latencyP99Ms.count && successRatios.count == offered.count,
                     "health needs one success ratio, latency and offered count per window")
        self.init(windows: successRatios.indices.map {
            target.health(successRatio: successRatios[$0], latencyP99Ms: latencyP99Ms[$0], offered: offered[$0])
        }, windowWidth: windowWidth)
    }

    /// The simulated time the timeline covers.
    public var duration: SimTime { windowWidth * Int64(windows.count) }

    /// Start time of window `index`.
    public func windowStart(_ index: Int) -> SimTime { windowWidth * Int64(index) }

    /// The window containing `time`, clamped to the timeline (time past the end
    /// maps to one past the last window, so scans starting there find nothing).
    public func windowIndex(containing time: SimTime) -> Int {
        if time.ns < 0 { return 0 }
        return min(windows.count, Int(time.ns / windowWidth.ns))
    }

    /// Number of windows with the given verdict.
    public func count(_ health: WindowHealth) -> Int { windows.reduce(0) { $0 + ($1 == health ? 1 : 0) } }

    /// The first unhealthy window at or after `start`, if any.
    public func firstUnhealthy(from start: Int) -> Int? {
        guard start < windows.count else { return nil }
        return windows[max(0, start)...].firstIndex(of: .unhealthy)
    }

    /// The first window, at or after `start`, that begins a sustained healthy
    /// stretch: `k` healthy windows with no unhealthy window among them
    /// (`noData` windows in between are skipped, neither counting nor breaking).
    /// Returns the index of the stretch's first healthy window.
    ///
    /// Why K windows: one good window inside an outage (a lucky lull while a
    /// breaker is half-open) is not a recovery.
    public func sustainedHealthyStart(from start: Int, windows k: Int) -> Int? {
        precondition(k >= 1, "a sustained stretch needs at least one window")
        var candidate: Int? = nil
        var healthyCount = 0
        var index = max(0, start)
        while index < windows.count {
            switch windows[index] {
            case .healthy:
                if candidate == nil { candidate = index }
                healthyCount += 1
                if healthyCount == k { return candidate }
            case .unhealthy:
                candidate = nil
                healthyCount = 0
            case .noData:
                break
            }
            index += 1
        }
        return nil
    }
}
