import Testing
@testable import Policy

/// CoDel follows RFC 8289's pseudocode (dodequeue / dequeue / control_law,
/// checked against the RFC text and a C++ implementation of it): drop once the
/// sojourn time has stayed >= TARGET for INTERVAL, then every INTERVAL /
/// sqrt(count); leave when a sojourn falls below TARGET; re-enter with
/// count = count - lastcount when that is > 1 and the last drop was due
/// within 16 intervals.
@Suite struct LoadShedderTests {
    static let codel = LoadShedderConfig(kind: .queueTime, codelTarget: .ms(5), codelInterval: .ms(100))

    /// One dequeue every 10 ms from 0 to `endMs`; after a drop the next request
    /// is taken at the same instant. Returns the drop times in ms.
    static func dropTimes(_ shedder: inout LoadShedder, endMs: Int64, sojournMs: (Int64) -> Int64) -> [Double] {
        var drops: [Double] = []
        for tick in stride(from: Int64(0), through: endMs, by: 10) {
            let now = Nanoseconds.ms(tick)
            while shedder.onDequeue(now: now, sojourn: .ms(sojournMs(tick))) {
                drops.append(now.milliseconds)
            }
        }
        return drops
    }

    @Test func codelDropsAtIntervalOverSquareRootOfCount() {
        var shedder = LoadShedder(config: Self.codel)
        // Sojourn 20 ms throughout, except 2 ms between 600 and 690 ms.
        let drops = Self.dropTimes(&shedder, endMs: 900) { (600..<700).contains($0) ? 2 : 20 }
        // first_above_time = 0 + 100 = 100 ms: enter at 100 (count 1), drop_next = 200.
        // 200: count 2, drop_next = 200 + 100/sqrt2 = 270.71 -> next due at the 280 tick.
        // 280: count 3, +57.735 = 328.45 -> 330. 330: count 4, +50 = 378.45 -> 380.
        // 380: count 5, +44.721 = 423.17 -> 430. 430: count 6, +40.825 = 463.99 -> 470.
        // 470: count 7, +37.796 = 501.79 -> 510. 510: count 8, +35.355 = 537.14 -> 540.
        // 540: count 9, +33.333 = 570.48 -> 580. 580: count 10, +31.623 = 602.10.
        // 600: sojourn 2 ms < 5 ms: leave. 700: above again, first_above_time = 800.
        // 800: re-enter: delta = 10 - 1 = 9 > 1 and 800 - 602.1 < 1600, so count = 9,
        // drop_next = 800 + 100/3 = 833.33 -> 840. 840: count 10, +31.623 = 864.96 -> 870.
        // 870: count 11, +30.151 = 895.11 -> 900. 900: count 12.
        #expect(drops == [100, 200, 280, 330, 380, 430, 470, 510, 540, 580, 800, 840, 870, 900])
        #expect(shedder.isDropping && shedder.dropCount == 12)
    }

    @Test func codelDropNextIsExactToTheNanosecond() {
        var shedder = LoadShedder(config: Self.codel)
        _ = Self.dropTimes(&shedder, endMs: 200) { _ in 20 }
        // Entered at 100 ms (drop_next 200 ms); dropped at 200 ms with count 2; the
        // next request at 200 ms advanced drop_next by 100 ms / sqrt(2), truncated.
        #expect(shedder.codel.count == 2)
        #expect(shedder.codel.dropNext == .ns(270_710_678))
    }

    @Test func codelDropsConsecutiveRequestsWhenSeveralDropsAreDueAtOnce() {
        var shedder = LoadShedder(config: Self.codel)
        // Enter at 100 ms, then nothing is dequeued until 1 s (a stalled server)
        // while sojourns stay high: at 1 s the drop loop runs until drop_next
        // passes 1 s: 200 (+70.7) 270.7 (+57.7) 328.4 (+50) 378.4 (+44.7) 423.2
        // (+40.8) 464.0 (+37.8) 501.8 (+35.4) 537.1 (+33.3) 570.5 (+31.6) 602.1
        // (+30.2) 632.2 (+28.9) 661.1 (+27.7) 688.8 (+26.7) 715.5 (+25.8) 741.3
        // (+25) 766.3 (+24.3) 790.6 (+23.6) 814.2 (+22.9) 837.1 (+22.4) 859.5
        // (+21.8) 881.3 (+21.3) 902.7 (+20.9) 923.5 (+20.4) 943.9 (+20) 963.9
        // (+19.6) 983.5 (+19.2) 1002.8 > 1000: 26 drops in a row at 1 s.
        let first = shedder.onDequeue(now: .zero, sojourn: .ms(20))
        #expect(!first)
        let entered = shedder.onDequeue(now: .ms(100), sojourn: .ms(20))
        #expect(entered)
        let delivered = shedder.onDequeue(now: .ms(100), sojourn: .ms(20))
        #expect(!delivered)
        var burst = 0
        while shedder.onDequeue(now: .seconds(1), sojourn: .ms(20)) { burst += 1 }
        #expect(burst == 26)
        #expect(shedder.dropCount == 27 && shedder.isDropping)
    }

    @Test func codelWaitsAFullIntervalAboveTargetBeforeTheFirstDrop() {
        var shedder = LoadShedder(config: Self.codel)
        // A sojourn exactly at target counts as above it (the RFC resets only on sojourn < target).
        let drops = Self.dropTimes(&shedder, endMs: 300) { $0 == 50 ? 4 : 5 }
        // Above from 0, reset at 50 ms (4 ms < 5 ms), above again from 60: first drop at 160.
        #expect(drops.first == 160)
    }

    @Test func codelEmptyQueueEndsTheDroppingState() {
        var shedder = LoadShedder(config: Self.codel)
        _ = Self.dropTimes(&shedder, endMs: 250) { _ in 20 }
        #expect(shedder.isDropping)
        shedder.onQueueEmpty()
        #expect(!shedder.isDropping)
        // High sojourns again from 300 ms: a whole new interval before dropping.
        let start = shedder.onDequeue(now: .ms(300), sojourn: .ms(20))
        let almost = shedder.onDequeue(now: .ms(399), sojourn: .ms(20))
        #expect(!start && !almost)
        let drop = shedder.onDequeue(now: .ms(400), sojourn: .ms(20))
        #expect(drop)
    }

    @Test func codelInfersAnEmptyQueueWhenNothingFollowsADropAtTheSameInstant() {
        var shedder = LoadShedder(config: Self.codel)
        _ = shedder.onDequeue(now: .zero, sojourn: .ms(20))
        let entered = shedder.onDequeue(now: .ms(100), sojourn: .ms(20))
        _ = shedder.onDequeue(now: .ms(100), sojourn: .ms(20))
        let second = shedder.onDequeue(now: .ms(200), sojourn: .ms(20))
        #expect(entered && second)
        // Nothing taken at 200 ms after that drop: the queue was empty, so the
        // episode is over and a request at 250 ms starts a fresh interval.
        let later = shedder.onDequeue(now: .ms(250), sojourn: .ms(20))
        #expect(!later && !shedder.isDropping)
    }

    @Test func onlyQueueTimeDropsAtDequeue() {
        for kind in [LoadShedderConfig.Kind.none, .queueLength, .priority] {
            var shedder = LoadShedder(config: LoadShedderConfig(kind: kind))
            let drops = Self.dropTimes(&shedder, endMs: 1_000) { _ in 1_000 }
            #expect(drops.isEmpty)
        }
    }

    @Test func queueLengthShedsAtTheLimit() {
        var shedder = LoadShedder(config: LoadShedderConfig(kind: .queueLength, maxQueueLength: 3))
        let decisions = (0...4).map { shedder.admit(now: .zero, queueLength: $0, capacity: 10, priority: 0) }
        #expect(decisions == [.admit, .admit, .admit, .shed(.queueLength), .shed(.queueLength)])
    }

    @Test(arguments: [
        // (queueLength of 100, priority, shed?)
        (49, 2, false), (50, 2, true), (50, 1, false), (74, 1, false), (75, 1, true),
        (99, 0, false), (100, 0, true), (50, 7, true), (49, 7, false), (0, 0, false), (10, -1, false),
    ])
    func priorityShedsEachClassAtItsFillThreshold(queueLength: Int, priority: Int, shed: Bool) {
        var shedder = LoadShedder(config: LoadShedderConfig(kind: .priority))
        let decision = shedder.admit(now: .zero, queueLength: queueLength, capacity: 100, priority: priority)
        #expect(decision == (shed ? .shed(.priority) : .admit))
    }

    @Test func priorityThresholdsAreExactOnSmallQueues() {
        // Capacity 3, thresholds 100/75/50: class 2 shed from 2 waiting (66.7% >= 50%),
        // class 1 from 3 (75% needs 2.25 requests), class 0 from 3 (full).
        var shedder = LoadShedder(config: LoadShedderConfig(kind: .priority))
        let class2 = (0...3).map { shedder.admit(now: .zero, queueLength: $0, capacity: 3, priority: 2).isShed }
        let class1 = (0...3).map { shedder.admit(now: .zero, queueLength: $0, capacity: 3, priority: 1).isShed }
        #expect(class2 == [false, false, true, true])
        #expect(class1 == [false, false, false, true])
        // No queue at all: a waiting request makes it "full".
        let noQueue = shedder.admit(now: .zero, queueLength: 1, capacity: 0, priority: 0)
        #expect(noQueue == .shed(.priority))
    }

    @Test func noneAndQueueTimeAdmitEveryArrival() {
        for kind in [LoadShedderConfig.Kind.none, .queueTime] {
            var shedder = LoadShedder(config: LoadShedderConfig(kind: kind))
            let decision = shedder.admit(now: .zero, queueLength: 1_000_000, capacity: 10, priority: 9)
            #expect(decision == .admit)
        }
    }
}
