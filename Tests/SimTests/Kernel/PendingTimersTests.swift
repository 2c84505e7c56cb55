import Testing
@testable import Sim

@Suite struct PendingTimersTests {
    /// Keys as a queue hands them out: sequence order, times 10 ms apart.
    static func keys(_ count: Int) -> [EventKey] {
        var queue = EventQueue<Int>()
        return (0..<count).map { queue.reserveKey(at: .ms(Int64($0) * 10)) }
    }

    @Test func onlyTheFrontTimerIsArmedAndFiringHandsItBack() {
        let keys = Self.keys(3)
        var timers = PendingTimers<Int>()
        let r1 = timers.set(100, key: keys[0])
        #expect(r1)
        let r2 = timers.arm()
        #expect(r2 == keys[0])
        // Armed: later timers wait behind it, and arming again schedules nothing.
        let r3 = timers.set(101, key: keys[1])
        #expect(!r3)
        let r4 = timers.set(102, key: keys[2])
        #expect(!r4)
        let r5 = timers.arm()
        #expect(r5 == nil)
        #expect(timers.count == 3)
        let r6 = timers.fire()
        #expect(r6 == 100)
        #expect(!timers.armed)
        // The owner drops a stale front, then arms the next.
        timers.dropFront()
        let r7 = timers.arm()
        #expect(r7 == keys[2])
        let r8 = timers.fire()
        #expect(r8 == 102)
        #expect(timers.count == 0)
        let r9 = timers.arm()
        #expect(r9 == nil)
    }

    @Test func compactionKeepsTheFrontAndTheLiveInOrderAndBoundsTheQueue() {
        let minimum = PendingTimers<Int>.minimumCompaction
        let keys = Self.keys(minimum + 1)
        var timers = PendingTimers<Int>()
        for payload in 0..<minimum { _ = timers.set(payload, key: keys[payload]) }
        let r10 = timers.arm()
        #expect(r10 == keys[0])
        #expect(timers.needsCompaction)
        // Stale: every payload but multiples of 3, and the front (0) is kept armed anyway.
        timers.compact { $0 % 3 != 0 || $0 == 0 }
        let live = (0..<minimum).filter { $0 % 3 == 0 }
        #expect(timers.count == live.count)
        #expect(timers.timers.first!.payload == 0)
        #expect((0..<timers.count).map { timers.timers[$0].payload } == live)
        #expect(timers.armed)
        #expect(!timers.needsCompaction)
        // Twice the live timers is above the minimum here: the next compaction waits for that.
        #expect(timers.compactAt == max(minimum, 2 * live.count))
        // Everything stale: back to the minimum.
        timers.compact { _ in true }
        #expect(timers.count == 1)
        #expect(timers.compactAt == minimum)
    }
}

@Suite struct ReservedKeyTests {
    /// An event pushed under a key reserved earlier fires where an event
    /// pushed at the reservation would have: between its neighbours in time
    /// and in scheduling order, heap or lane.
    @Test func aReservedKeyFiresWhereItWasReserved() {
        var queue = EventQueue<Int>()
        queue.push(1, at: .ms(10))
        let reserved = queue.reserveKey(at: .ms(10))
        queue.push(2, at: .ms(10))
        queue.push(3, at: .ms(5))
        queue.push(4, after: .ms(10), now: .zero)  // a lane, same time, later sequence
        queue.push(5, key: reserved)
        var order: [Int] = []
        while let next = queue.popMin() { order.append(next.event) }
        #expect(order == [3, 1, 5, 2, 4])
        #expect(queue.scheduledCount == 5)
    }
}
